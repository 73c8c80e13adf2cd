using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Clock;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// One open vLLM-Omni session under its slot: runs the session's clock (silence for the time no room audio covers), restarts
/// the model's context before its window fills (<c>response.cancel</c>, at a pause when it can), hands the model's audio and
/// text to the room holding the slot, and decides when to end (drift, on-demand release, persona change while idle). Throws
/// when the session fails; a configuration error surfaces as <see cref="RealtimeConfigurationException"/>.
/// </summary>
internal sealed partial class RealtimeSession : IServerEventSink
{
    /// <summary>
    /// How often the clock, the window and the drift are checked while no room is attached: a frame of silence completes
    /// every second tick, and the stream stays 20–80 ms behind the clock, ready for a room to join (<see cref="InputClock"/>).
    /// </summary>
    private static readonly TimeSpan IdleTick = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// The same while a room is attached: its audio covers the clock, and silence is added only once it lags 100 ms, so a
    /// tick per frame is enough (a room that stops sending is filled after 100–180 ms). Half the wake-ups of the idle tick
    /// during a conversation: about 0.4 % of a core per session on the benchmark machine.
    /// </summary>
    private static readonly TimeSpan RoomTick = TimeSpan.FromMilliseconds(80);

    /// <summary>Drift is judged only this long after the epoch's first audio (the backlog of the prefill is caught up first).</summary>
    private static readonly TimeSpan DriftGrace = TimeSpan.FromSeconds(2);

    /// <summary>Output legitimately behind input: one 5-frame delta plus the frame the model holds back.</summary>
    private const int DeltaAllowanceFrames = 6;

    private readonly RealtimeConnection _connection;
    private readonly RealtimeSlot _slot;
    private readonly PersonaPlexPersona _persona;
    private readonly PersonaPlexOptions _options;
    private readonly TimeProvider _time;
    private readonly long _connecting;
    private readonly long _maxBehindFrames;
    private readonly ILogger _logger;
    private volatile Exception? _fault;
    private volatile bool _windowFull;
    private volatile bool _backpressure;
    private volatile bool _cancelling;
    private bool _firstAudio;
    private int _refused;

    public RealtimeSession(RealtimeConnection connection, RealtimeSlot slot, PersonaPlexPersona persona, long connecting, ILogger logger)
    {
        _connection = connection;
        _slot = slot;
        _persona = persona;
        _options = slot.Owner.Options;
        _time = slot.Owner.Time;
        _connecting = connecting;
        _logger = logger;
        _maxBehindFrames = (long)Math.Ceiling(_options.MaxDrift.TotalSeconds / RealtimeAudio.FrameSeconds) + DeltaAllowanceFrames;
        Window = new RealtimeWindow(slot.Owner.Info.Options, _time);
    }

    public RealtimeWindow Window { get; }

    /// <summary>Takes the connection's events and starts the clock (room audio is admitted from now on).</summary>
    public async Task StartAsync()
    {
        Window.Restart();
        _slot.Downlink.Reset();
        _connection.Attach(this);
        await _slot.Uplink.StartAsync(_connection, Window).ConfigureAwait(false);
    }

    public async Task<RealtimeSessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(IdleTick, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_connection.Completion.IsCompleted)
            {
                await _connection.Completion.ConfigureAwait(false);
                throw RealtimeErrors.SessionClosed(_slot.Owner.Info, "the connection ended");
            }

            if (_fault is { } fault)
            {
                throw fault;
            }

            var lease = _slot.Lease;
            SessionTick.Follow(timer, lease is not null, IdleTick, RoomTick);
            await _slot.Uplink.TickAsync(lease is not null, cancellationToken).ConfigureAwait(false);
            if (_backpressure || IsBehind())
            {
                return RealtimeSessionEnd.Drifted;
            }

            if (!Window.HasOutput && Window.SentFrames > 0 && Window.Age > _options.HandshakeTimeout)
            {
                throw RealtimeErrors.Silent(_slot.Owner.Info, Window.Age);
            }

            var decision = _windowFull ? WindowDecision.Forced : Window.Check(lease is not null);
            if (decision != WindowDecision.None)
            {
                await RestartContextAsync(decision, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (lease is null)
            {
                if (_options.Mode == PersonaPlexMode.OnDemand)
                {
                    return RealtimeSessionEnd.Released;
                }

                if (!_slot.Persona.Equals(_persona))
                {
                    return RealtimeSessionEnd.PersonaChanged;
                }
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    public void OnAudio(ReadOnlySpan<byte> pcm16, long arrivalTimestamp)
    {
        if (_cancelling)
        {
            return; // the cancelled epoch's last audio
        }

        var first = !Window.HasOutput;
        if (first)
        {
            // The answers to the priming silence (all but the frame the model still holds) are not for the room.
            _slot.Downlink.Skip((int)Window.SentFrames - 1);
        }

        var frames = _slot.Downlink.Deliver(pcm16, arrivalTimestamp, _slot.Lease, Window.SentFrames, out var quiet);
        if (!Window.FramesReceived(frames, quiet))
        {
            return;
        }

        _slot.Uplink.Resume();
        if (!_firstAudio)
        {
            _firstAudio = true;
            var ready = _time.GetElapsedTime(_connecting);
            _slot.Counters.FirstAudio(ready);
            _slot.SessionReady();
            LogFirstAudio(_logger, _slot.Endpoint, ready.TotalSeconds);
        }
    }

    public void OnText(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (text.Length > 0 && !(trimmed.Length > 1 && trimmed[0] == '<' && trimmed[^1] == '>'))
        {
            _slot.Lease?.Deliver(text);
        }
    }

    public void OnResponseStarted()
    {
        _cancelling = false;
        LogResponse(_logger, _slot.Endpoint);
    }

    public void OnResponseEnded() => _cancelling = false;

    public void OnError(RealtimeServerError error)
    {
        switch (error.Kind)
        {
            case RealtimeErrorKind.Configuration:
                _fault = RealtimeErrors.Configuration(_slot.Owner.Info, error, _persona);
                break;
            case RealtimeErrorKind.WindowFull:
                _windowFull = true;
                LogWindowFull(_logger, _slot.Endpoint, error.Message);
                break;
            case RealtimeErrorKind.Backpressure:
                _backpressure = true;
                break;
            case RealtimeErrorKind.SessionLost or RealtimeErrorKind.Busy:
                _fault = RealtimeErrors.Lost(_slot.Owner.Info, error);
                break;
            default:
                var count = Interlocked.Increment(ref _refused);
                if (count == 1 || count % 100 == 0)
                {
                    LogRefused(_logger, _slot.Endpoint, error.Code, error.Message, count);
                }

                break;
        }
    }

    private bool IsBehind() =>
        Window.HasOutput && Window.SinceFirstOutput > DriftGrace && Window.SentFrames - Window.ReceivedFrames > _maxBehindFrames;

    /// <summary><c>response.cancel</c>: a new epoch on the same session; the model forgets, the prefill is replayed.</summary>
    private async Task RestartContextAsync(WindowDecision decision, CancellationToken cancellationToken)
    {
        var used = Window.UsedFrames;
        await _slot.Uplink.PrimeAsync().ConfigureAwait(false);
        _cancelling = Window.HasOutput; // audio of the old epoch may still come, until its response ends
        await _connection.SendAsync(ClientMessages.Cancel, cancellationToken).ConfigureAwait(false);
        Window.Restart();
        _slot.Downlink.NewEpoch(); // frames counted from zero again (the old epoch's last audio is ignored until its response ends)
        _windowFull = false;
        _slot.Counters.Rotation();
        LogContextRestarted(_logger, _slot.Endpoint, used, decision);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "vLLM-Omni {Endpoint}: first audio {Seconds:0.00} s after connecting (session open, prefill done)")]
    private static partial void LogFirstAudio(ILogger logger, Uri endpoint, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "vLLM-Omni {Endpoint}: response started")]
    private static partial void LogResponse(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint}: the model's window is full ({Message}); restarting its context")]
    private static partial void LogWindowFull(ILogger logger, Uri endpoint, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint} refused an event: {Code}: {Message} ({Count} so far)")]
    private static partial void LogRefused(ILogger logger, Uri endpoint, string code, string message, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "vLLM-Omni {Endpoint}: context restarted after {Frames} frames ({Decision}) before the window fills")]
    private static partial void LogContextRestarted(ILogger logger, Uri endpoint, long frames, WindowDecision decision);
}
