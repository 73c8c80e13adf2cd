using Jarvis.Server.PersonaPlex;

namespace Jarvis.Server.Duplex;

/// <summary>Detects PersonaPlex failing under a conversation (the session manager reconnects on its own; the room must know).</summary>
internal sealed partial class DuplexConversation
{
    /// <summary>Returns why the conversation cannot go on, or null when it was stopped.</summary>
    private async Task<string?> WatchAsync(IConversationChannel channel, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        long? sessions = null;
        using var timer = new PeriodicTimer(WatchInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var status = _sessions.GetStatus().FirstOrDefault(s => s.Endpoint == channel.Endpoint);
                if (status is null)
                {
                    return $"PersonaPlex endpoint {channel.Endpoint} is gone";
                }

                switch (status.State)
                {
                    case PersonaPlexState.InConversation when sessions is null:
                        sessions = status.Sessions;
                        break;
                    case PersonaPlexState.InConversation when status.Sessions != sessions:
                        return $"PersonaPlex at {channel.Endpoint} restarted the session";
                    case PersonaPlexState.InConversation:
                        break;
                    case PersonaPlexState.Backoff or PersonaPlexState.Busy or PersonaPlexState.Stopped:
                        return $"PersonaPlex at {channel.Endpoint} is not available: {status.LastError ?? status.State.ToString()}";
                    case var _ when sessions is not null:
                        return $"PersonaPlex at {channel.Endpoint} dropped the session";
                    case var _ when _time.GetElapsedTime(started) > _connectTimeout:
                        return $"PersonaPlex at {channel.Endpoint} did not get ready within {_connectTimeout.TotalSeconds:0} s";
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Conversation over.
        }

        return null;
    }
}
