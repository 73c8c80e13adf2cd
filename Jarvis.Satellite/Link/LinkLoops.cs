namespace Jarvis.Satellite.Link;

/// <summary>Helpers for a session's concurrent loops.</summary>
internal static class LinkLoops
{
    /// <summary>Waits for all loops, swallowing their cancellation and failures (the first one is rethrown by the caller).</summary>
    public static async Task WhenAllQuietlyAsync(IEnumerable<Task> loops)
    {
        foreach (var loop in loops)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or LinkProtocolException or IOException
                                          or System.Net.WebSockets.WebSocketException or System.Threading.Channels.ChannelClosedException)
            {
            }
        }
    }
}
