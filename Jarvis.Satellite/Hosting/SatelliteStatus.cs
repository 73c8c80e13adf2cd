using Jarvis.Satellite.Leds;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// The satellite's shared state (mute, link connection, conversation, error) read by the audio threads and
/// shown on the LEDs. Thread-safe; every change re-selects the LED state.
/// </summary>
public sealed class SatelliteStatus(LedController leds)
{
    private readonly Lock gate = new();
    private volatile bool muted;
    private volatile bool connected;
    private volatile bool conversationActive;
    private volatile bool error;
    private LedState conversation = LedState.Idle;

    public bool Muted => muted;

    public bool Connected => connected;

    /// <summary>The server says a conversation is running in this room: stream regardless of VAD.</summary>
    public bool ConversationActive => conversationActive;

    public bool Error => error;

    public LedState Conversation
    {
        get
        {
            lock (gate)
            {
                return conversation;
            }
        }
    }

    public void SetMuted(bool value) => Update(() => muted = value);

    public void SetConnected(bool value) => Update(() => connected = value);

    public void SetError(bool value) => Update(() => error = value);

    /// <summary>Conversation state from the server: idle, listening, thinking or speaking.</summary>
    public void SetConversation(LedState state) => Update(() =>
    {
        conversation = state;
        conversationActive = state != LedState.Idle;
    });

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
            leds.Show(LedStateSelector.Select(error, connected, muted, conversation));
        }
    }
}
