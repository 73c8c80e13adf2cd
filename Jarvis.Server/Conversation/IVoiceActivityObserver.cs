namespace Jarvis.Server.Conversation;

/// <summary>Told of a room's voice-activity start/stop events from its satellite (the bounds of an utterance).</summary>
public interface IVoiceActivityObserver
{
    /// <param name="room">The satellite's room.</param>
    /// <param name="speaking">True at voice-activity start, false at stop.</param>
    /// <param name="timestamp">When the event arrived (<see cref="TimeProvider.GetTimestamp"/>).</param>
    void OnVoiceActivity(string room, bool speaking, long timestamp);
}
