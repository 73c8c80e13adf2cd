using Jarvis.Server.PersonaPlex.Readiness;

namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary><c>personaplex probe --url URL</c>: is a PersonaPlex server up? (plain HTTP; never takes the session slot)</summary>
internal static class ProbeCommand
{
    public static async Task<int> RunAsync(Uri url, CommandArguments args, CancellationToken cancellationToken)
    {
        using var http = PersonaPlexProbe.CreateHttpClient(args.Has("accept-any-certificate"));
        var status = await new PersonaPlexProbe(http).CheckAsync(url, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"{(status.Ready ? "ready" : "not ready")}: {status.Detail}");
        return status.Ready ? 0 : 1;
    }
}
