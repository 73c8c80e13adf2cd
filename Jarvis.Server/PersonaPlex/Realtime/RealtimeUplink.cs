using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex.Clock;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// A slot's way in to the model: room Opus packets decoded to 24 kHz (one decoder, reused), converted to float and cut into
/// exact 1920-sample frames, each sent as one <c>input_audio_buffer.append</c> the moment it is complete; the session's
/// <see cref="InputClock"/> admits room audio only up to real time and fills the time the room leaves empty with silence.
/// While the model prepares its persona (the prefill, seconds, at the start of every epoch) the uplink is <em>priming</em>:
/// it sends two silence frames to start the prefill, then one every half second, and nothing else, so that no backlog builds
/// up to be answered later in a burst; the clock starts when the model's first audio arrives (<see cref="Resume"/>).
/// Audio that arrives while no session is ready (or while priming) is dropped, never sent late in a burst. One caller at a
/// time; allocation-free per packet in steady state.
/// </summary>
internal sealed partial class RealtimeUplink : IAsyncDisposable
{
    /// <summary>A frame whose RMS stays below this (-40 dBFS) is quiet (for rotating at a pause).</summary>
    private const double QuietRms = 0.01;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly OpusFrameDecoder _decoder = OpusFrameDecoder.Create(RealtimeAudio.SampleRate);
    private readonly short[] _pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(RealtimeAudio.SampleRate)];
    private readonly float[] _frame = new float[RealtimeAudio.FrameSamples];
    private readonly AppendMessage _message = new();
    private readonly InputClock _clock;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;
    private RealtimeConnection? _connection;
    private RealtimeWindow? _window;
    private int _filled;
    private double _energy;
    private volatile bool _newStream = true;
    private volatile bool _priming;
    private volatile bool _resume;
    private readonly TimeProvider _time;
    private int _primingFrames;
    private long _lastPrimingFrame;
    private bool _disposed;
    private long _trimmed;
    private long _notReady;

    /// <summary>While priming, one silence frame per this interval keeps the first output coming without a backlog.</summary>
    private static readonly TimeSpan PrimingInterval = TimeSpan.FromMilliseconds(500);

    public RealtimeUplink(Uri endpoint, TimeProvider time, ILogger logger)
    {
        _endpoint = endpoint;
        _time = time;
        _clock = new InputClock(time);
        _logger = logger;
    }

    /// <summary>Room packets dropped because they ran ahead of the session's clock.</summary>
    public long TrimmedPackets => Interlocked.Read(ref _trimmed);

    /// <summary>Room packets dropped because no session was ready.</summary>
    public long NotReadyPackets => Interlocked.Read(ref _notReady);

    /// <summary>The model is preparing its persona: room audio is dropped until its first audio.</summary>
    public bool IsPriming => _priming;

    /// <summary>Starts feeding a new session, priming it (its clock starts with the model's first audio).</summary>
    public async Task StartAsync(RealtimeConnection connection, RealtimeWindow window)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _connection = connection;
            _window = window;
            StartPriming();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new epoch (the context restarted): prime again; a partial frame of room audio is dropped.</summary>
    public async Task PrimeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            StartPriming();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The model's first audio of the epoch arrived: the clock starts now and room audio flows (from any thread).</summary>
    public void Resume() => _resume = true;

    /// <summary>Stops feeding the session (after this, room packets are dropped until the next <see cref="StartAsync"/>).</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection = null;
            _window = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A room's stream begins (a room attached): the decoder forgets the previous one.</summary>
    public void NewStream() => _newStream = true;

    /// <summary>
    /// One room packet. False when it was dropped: no session ready, or ahead of the clock. Throws
    /// <see cref="ArgumentException"/> for bytes that are not an Opus packet.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> SendRoomAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        if (!OpusPacket.TryGetSampleCount(opusPacket.Span, RealtimeAudio.SampleRate, out var samples) || samples == 0)
        {
            throw new ArgumentException("Not an Opus packet (empty or with an invalid TOC byte).", nameof(opusPacket));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ApplyResume();
            if (_connection is null || _priming)
            {
                Interlocked.Increment(ref _notReady);
                return false;
            }

            if (_newStream)
            {
                _newStream = false;
                _decoder.Reset();
            }

            var admitted = _clock.TryAdmit(samples);
            var decoded = Decode(opusPacket.Span, samples); // also when trimmed: the decoder keeps following the stream
            if (!admitted)
            {
                Interlocked.Increment(ref _trimmed);
                return false;
            }

            for (var offset = 0; offset < decoded;)
            {
                offset += Fill(offset, decoded - offset);
                if (_filled == RealtimeAudio.FrameSamples && !await SendFrameAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The session's tick: while priming, the silence frames that start the prefill; then the silence the clock asks for (the
    /// time no room audio covered), sending the frames it completes.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask TickAsync(bool roomAttached, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ApplyResume();
            if (_connection is null)
            {
                return;
            }

            if (_priming)
            {
                if (_primingFrames < 2 || _time.GetElapsedTime(_lastPrimingFrame) >= PrimingInterval)
                {
                    _primingFrames++;
                    _lastPrimingFrame = _time.GetTimestamp();
                    Array.Clear(_frame);
                    _filled = RealtimeAudio.FrameSamples;
                    await SendFrameAsync(cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            for (var silence = _clock.TakeSilence(roomAttached); silence > 0;)
            {
                var count = Math.Min(silence, RealtimeAudio.FrameSamples - _filled);
                Array.Clear(_frame, _filled, count);
                _filled += count;
                silence -= count;
                if (_filled == RealtimeAudio.FrameSamples && !await SendFrameAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Frees the decoder once no packet is being sent; later packets are dropped. (The gate has no wait handle to free.)</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection = null;
                _decoder.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void StartPriming()
    {
        _priming = true;
        _resume = false;
        _primingFrames = 0;
        _filled = 0;
        _energy = 0;
    }

    private void ApplyResume()
    {
        if (_resume)
        {
            _resume = false;
            _priming = false;
            _clock.Restart();
            _filled = 0;
            _energy = 0;
        }
    }

    private int Decode(ReadOnlySpan<byte> packet, int samples)
    {
        try
        {
            return _decoder.Decode(packet, _pcm);
        }
        catch (InvalidDataException)
        {
            return _decoder.DecodeLost(_pcm, samples); // a corrupt packet is concealed like a lost one
        }
    }

    private int Fill(int offset, int available)
    {
        var count = Math.Min(available, RealtimeAudio.FrameSamples - _filled);
        var pcm = _pcm.AsSpan(offset, count);
        var frame = _frame.AsSpan(_filled, count);
        var energy = 0.0;
        for (var i = 0; i < count; i++)
        {
            var value = pcm[i] / 32768f;
            frame[i] = value;
            energy += value * value;
        }

        _energy += energy;
        _filled += count;
        return count;
    }

    private async ValueTask<bool> SendFrameAsync(CancellationToken cancellationToken)
    {
        var quiet = _energy / RealtimeAudio.FrameSamples < QuietRms * QuietRms;
        var message = _message.Write(_frame);
        _filled = 0;
        _energy = 0;
        _window!.FrameSent(quiet);
        try
        {
            await _connection!.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogSendFailed(_logger, _endpoint, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "vLLM-Omni {Endpoint}: a frame could not be sent, the session is being replaced ({Reason})")]
    private static partial void LogSendFailed(ILogger logger, Uri endpoint, string reason);
}
