using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Leds;

/// <summary>
/// Which LED state wins: error, then disconnected, then a ringing timer (a muted room still rings visibly), then muted,
/// then the conversation state.
/// </summary>
public static class LedStateSelector
{
    public static LedState Select(bool error, bool connected, bool muted, LedState conversation) =>
        error ? LedState.Error
        : !connected ? LedState.Disconnected
        : conversation == LedState.Timer ? LedState.Timer
        : muted ? LedState.Muted
        : conversation;
}
