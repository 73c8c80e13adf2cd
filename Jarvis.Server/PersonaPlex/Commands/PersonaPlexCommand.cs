namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary><c>personaplex talk …</c> and <c>personaplex probe …</c>: tools for people setting up a PersonaPlex server.</summary>
public static class PersonaPlexCommand
{
    private const string Usage = """
        usage:
          personaplex talk --url ws://HOST:8998/api/chat --input in.wav --output out.wav [--text-prompt TEXT] [--voice NATF2.pt]
                           [--handshake-timeout SECONDS] [--accept-any-certificate]
          personaplex probe --url ws://HOST:8998/api/chat [--accept-any-certificate]
          personaplex probe --url ws://HOST:8000/v1/realtime [--model nvidia/personaplex-7b-v1] [--api-key KEY]
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            return await UsageAsync().ConfigureAwait(false);
        }

        if (!CommandArguments.TryParse(args[1..], out var parsed, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        if (parsed.Get("url") is not { } urlText || !Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            await Console.Error.WriteLineAsync($"--url must be a ws:// or wss:// URL such as ws://localhost:8998/api/chat\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            return args[0].ToLowerInvariant() switch
            {
                "talk" => await TalkCommand.RunAsync(url, parsed, cancellationToken).ConfigureAwait(false),
                "probe" => await ProbeCommand.RunAsync(url, parsed, cancellationToken).ConfigureAwait(false),
                _ => await UsageAsync().ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex) when (ex is PersonaPlexException or System.Net.WebSockets.WebSocketException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }
}
