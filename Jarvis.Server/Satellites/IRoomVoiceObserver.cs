namespace Jarvis.Server.Satellites;

/// <summary>Told when a satellite reports the start or end of speech (after the hub has been told).</summary>
public interface IRoomVoiceObserver
{
    void OnVoice(SatelliteSession session, bool speaking, long timestamp);
}
