using Jarvis.Satellite.Leds;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// The satellite's shared state (mute, link, conversation, LED state asked by the server, local error) read
/// by the audio threads and shown on the LEDs. Thread-safe; every change re-selects the LED state.
/// </summary>
public sealed class SatelliteStatus(LedController leds)
{
    private readonly Lock gate = new();
    private volatile bool muted;
    private volatile bool connected;
    private volatile bool conversationActive;
    private volatile bool error;
    private volatile bool stateFault;
    private LedState serverLed = LedState.Idle;

    public bool Muted => muted;

    public bool Connected => connected;

    /// <summary>The server says a conversation is running in this room: stream regardless of VAD.</summary>
    public bool ConversationActive => conversationActive;

    /// <summary>A local fault (audio device failed, link rejected) shown as the error LED.</summary>
    public bool Error => error;

    public void SetMuted(bool value) => Update(() => muted = value);

    public void SetConnected(bool value) => Update(() => connected = value);

    public void SetError(bool value) => Update(() => error = value);

    /// <summary>The mute state cannot be read or written: the error LED stays on until a restart (a link error clears on reconnect, this does not).</summary>
    public void SetStateFault(bool value) => Update(() => stateFault = value);

    public bool StateFault => stateFault;

    /// <summary>True while the server lists this satellite as waiting for the owner's approval (logged once per wait).</summary>
    public bool WaitingForApproval { get; set; }

    public void SetConversationActive(bool value) => Update(() => conversationActive = value);

    /// <summary>The LED state the server asked for (idle, listening, thinking, speaking, error).</summary>
    public void SetServerLed(LedState state) => Update(() => serverLed = state);

    /// <summary>True while the server says a timer of this room rings: a short press then stops it instead of toggling mute.</summary>
    public bool Ringing
    {
        get
        {
            lock (gate)
            {
                return serverLed == LedState.Timer;
            }
        }
    }

    /// <summary>What the LEDs show now.</summary>
    public LedState LedState
    {
        get
        {
            lock (gate)
            {
                return Select();
            }
        }
    }

    private LedState Select()
    {
        var conversation = serverLed == LedState.Idle && conversationActive ? LedState.Listening : serverLed;
        return LedStateSelector.Select(error || stateFault, connected, muted, conversation);
    }

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
            leds.Show(Select());
        }
    }
}
