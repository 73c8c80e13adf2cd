using Jarvis.Server.PersonaPlex.Commands;
using Jarvis.Server.HomeAssistant.Intents.Evaluation;

namespace Jarvis.Server.Hosting;

/// <summary>
/// Entry point: with no verb the server runs; a verb (e.g. <c>personaplex talk</c>, <c>intents eval</c>,
/// <c>route eval</c>) runs a one-shot tool and exits with its code.
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
        };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var verb))
        {
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return await verb(args[1..], cts.Token).ConfigureAwait(false);
        }

        try
        {
            var app = ServerApp.Build(args);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problem)
        {
            await Console.Error.WriteLineAsync($"Jarvis cannot start, the configuration needs fixing:{Environment.NewLine}{problem}").ConfigureAwait(false);
            return 2;
        }
    }
}
