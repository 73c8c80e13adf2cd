using Jarvis.Server.PersonaPlex.Commands;
using Jarvis.Server.HomeAssistant.Intents.Evaluation;

namespace Jarvis.Server.Hosting;

/// <summary>
/// Entry point: with no verb the server runs; a verb (e.g. <c>personaplex talk</c>, <c>intents eval</c>,
/// <c>route eval</c>, <c>check-config</c>) runs a one-shot tool and exits with its code. A configuration the server cannot
/// start with exits with code 2 (<see cref="ServerStartup"/>).
/// </summary>
public static class ServerCommandLine
{
    /// <summary>Verb → handler. Each feature folder contributes its own verb.</summary>
    private static readonly Dictionary<string, Func<string[], CancellationToken, Task<int>>> Verbs =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["personaplex"] = PersonaPlexCommand.RunAsync,
            ["route"] = Jarvis.Server.Routing.RouteCommand.RunAsync,
            ["intents"] = IntentsCommand.RunAsync,
            ["check-config"] = CheckConfigCommand.RunAsync,
        };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var verb))
        {
            // `dotnet run --project Jarvis.Server` starts a web project in its own folder: a tool's relative paths
            // mean what they meant in the user's shell.
            if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Directory.Exists(shell))
            {
                Directory.SetCurrentDirectory(shell);
            }

            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return await verb(args[1..], cts.Token).ConfigureAwait(false);
        }

        return await ServerStartup.RunAsync(args).ConfigureAwait(false);
    }
}
