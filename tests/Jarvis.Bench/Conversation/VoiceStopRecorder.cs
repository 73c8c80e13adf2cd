using System.Collections.Concurrent;
using Jarvis.Server.Satellites;

namespace Jarvis.Bench.Conversation;

/// <summary>Notes when the server read each voice-activity stop (its own clock, the end of speech the turn counts from).</summary>
internal sealed class VoiceStopRecorder : IRoomVoiceObserver
{
    public ConcurrentQueue<long> Stops { get; } = new();

    public void OnVoice(SatelliteSession session, bool speaking, long timestamp)
    {
        if (!speaking)
        {
            Stops.Enqueue(timestamp);
        }
    }
}
