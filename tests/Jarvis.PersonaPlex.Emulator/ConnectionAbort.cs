using Microsoft.AspNetCore.Http;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>Drops a connection when the emulator stops or the client goes away, like a killed server process.</summary>
internal static class ConnectionAbort
{
    /// <summary>Aborts <paramref name="context"/> when <paramref name="token"/> is cancelled; dispose the registration when the request ends.</summary>
    public static CancellationTokenRegistration OnCancel(CancellationToken token, HttpContext context) =>
        token.Register(static state => AbortQuietly((HttpContext)state!), context);

    private static void AbortQuietly(HttpContext context)
    {
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request completed while the emulator was stopping: it is already gone.
        }
    }
}
