using System.Buffers;
using System.Runtime.InteropServices;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Satellites;
using Jarvis.Server.Status;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Wake;

/// <summary>
/// One room's voice-gated audio on its way to the wake-word service: Opus decoded to 16 kHz PCM (one decoder and one PCM
/// buffer for the room's life), one Wyoming stream per burst of speech, closed after <c>idleAfter</c> without packets.
/// <para>
/// A packet is decoded and sent on the link's read loop that delivers it (<see cref="Feed"/>): at a party with every
/// room talking, handing each packet to another thread cost as much as the decode. Only when that cannot finish at once
/// (the stream is opening, a send is waiting on the socket, the idle close is running) does the packet wait in a queue
/// (at most <see cref="MaxPending"/>, oldest dropped) that a background owner drains in order; the read loop never waits
/// for the wake service. Exactly one party owns the stream at a time (<c>_owned</c>): the read loop for one packet, or
/// the background owner.
/// </para>
/// A packet that does not decode is dropped and reported (<c>onUndecodable</c>) for this room only; only the wake
/// service's own failures close the stream through <c>onFailure</c> (the next packet opens a new one).
/// </summary>
internal sealed class RoomWakeStream : IDisposable
{
    /// <summary>Packets kept while the stream is not ready (2 s of 20 ms packets): a wake word said meanwhile is not lost.</summary>
    public const int MaxPending = 100;

    private readonly IWakeWordDetector _detector;
    private readonly TimeSpan _idleAfter;
    private readonly TimeProvider _time;
    private readonly Action<string> _onDetection;
    private readonly Action<string, Exception> _onFailure;
    private readonly Action<string, InvalidDataException> _onUndecodable;
    private readonly LatencyHistogram? _feedLatency;
    private readonly Lock _lock = new();
    private readonly Queue<UplinkPacket> _pending = new(MaxPending);
    private readonly OpusFrameDecoder _decoder = OpusFrameDecoder.Create(16000);
    private readonly byte[] _pcm = ArrayPool<byte>.Shared.Rent(OpusFrameDecoder.MaxSamplesPerPacket(16000) * 2);
    private readonly ITimer _idle;
    private IWakeWordStream? _stream;
    private Task? _detections;
    private bool _owned;
    private bool _closeDue;
    private bool _disposed;
    private long _lastPacket;

    public RoomWakeStream(string room, IWakeWordDetector detector, TimeSpan idleAfter, TimeProvider time,
        Action<string> onDetection, Action<string, Exception> onFailure, Action<string, InvalidDataException> onUndecodable,
        LatencyHistogram? feedLatency = null)
    {
        Room = room;
        _detector = detector;
        _idleAfter = idleAfter;
        _time = time;
        _onDetection = onDetection;
        _onFailure = onFailure;
        _onUndecodable = onUndecodable;
        _feedLatency = feedLatency;
        _idle = time.CreateTimer(static self => ((RoomWakeStream)self!).OnIdleTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Room { get; }

    /// <summary>Whether a Wyoming stream is open for the current burst of speech.</summary>
    public bool IsStreaming => Volatile.Read(ref _stream) is not null;

    /// <summary>Whether a packet is being sent or waits, or the stream is opening or closing (then packets queue).</summary>
    public bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _owned;
            }
        }
    }

    /// <summary>Packets dropped because the queue was full (the wake service too slow or not there yet).</summary>
    public int Dropped { get; private set; }

    /// <summary>One Opus packet, on the read loop that received it; <paramref name="opusPacket"/> is only read during the call.</summary>
    public void Feed(ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _lastPacket = _time.GetTimestamp();
            if (_owned || _stream is null)
            {
                Enqueue(opusPacket, receivedTimestamp);
                if (!_owned)
                {
                    _owned = true;
                    _ = OwnAsync(pendingSend: default);
                }

                return;
            }

            _owned = true;
        }

        // The common case: the stream is open and idle, this read loop owns it for one packet.
        ValueTask send;
        try
        {
            send = SendNow(_stream!, opusPacket, receivedTimestamp);
        }
        catch (Exception ex)
        {
            _ = FailAsync(ex);
            return;
        }

        if (!send.IsCompletedSuccessfully)
        {
            _ = OwnAsync(send);
            return;
        }

        send.GetAwaiter().GetResult();
        lock (_lock)
        {
            if (_pending.Count == 0 && !_closeDue)
            {
                _owned = false;
                return;
            }
        }

        _ = OwnAsync(pendingSend: default);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _closeDue = true;
            if (_owned)
            {
                return; // the owner sees _disposed and closes
            }

            _owned = true;
        }

        _ = OwnAsync(pendingSend: default);
    }

    /// <summary>The background owner: finishes a send, then drains the queue in order, opening and closing the stream.</summary>
    private async Task OwnAsync(ValueTask pendingSend)
    {
        await Task.Yield();
        try
        {
            await pendingSend.ConfigureAwait(false);
            while (NextStep(out var packet) is var step and not OwnerStep.Done)
            {
                if (step == OwnerStep.Close)
                {
                    await CloseAsync().ConfigureAwait(false);
                    continue;
                }

                try
                {
                    _stream ??= await OpenAsync().ConfigureAwait(false);
                    await SendNow(_stream, packet.Data.Span, packet.ReceivedTimestamp).ConfigureAwait(false);
                }
                finally
                {
                    packet.Return();
                }
            }
        }
        catch (Exception ex)
        {
            await FailAsync(ex).ConfigureAwait(false);
        }
    }

    /// <summary>What the owner does next; <see cref="OwnerStep.Done"/> gives ownership up (and re-arms the idle close).</summary>
    private OwnerStep NextStep(out UplinkPacket packet)
    {
        packet = default;
        lock (_lock)
        {
            // What waits is older than an idle close decided meanwhile: sent first (on disposal: dropped).
            if (!_disposed && _pending.TryDequeue(out packet))
            {
                return OwnerStep.Send;
            }

            if (_closeDue && _stream is not null && (_disposed || _time.GetElapsedTime(_lastPacket) >= _idleAfter))
            {
                _closeDue = false;
                return OwnerStep.Close;
            }

            _closeDue = false;
            if (!_disposed)
            {
                if (_stream is not null)
                {
                    var left = _idleAfter - _time.GetElapsedTime(_lastPacket);
                    _idle.Change(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                }

                _owned = false; // in the same lock as the empty queue was seen: a packet enqueued after finds no owner
                return OwnerStep.Done;
            }
        }

        Release();
        return OwnerStep.Done;
    }

    private async Task<IWakeWordStream> OpenAsync()
    {
        var stream = await _detector.StartAsync(AudioFormat.Speech16K, CancellationToken.None).ConfigureAwait(false);
        _detections = ForwardDetectionsAsync(stream);
        _idle.Change(_idleAfter, Timeout.InfiniteTimeSpan);
        return stream;
    }

    private ValueTask SendNow(IWakeWordStream stream, ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        int samples;
        try
        {
            samples = _decoder.Decode(opusPacket, MemoryMarshal.Cast<byte, short>(_pcm.AsSpan()));
        }
        catch (InvalidDataException ex)
        {
            _onUndecodable(Room, ex);
            return ValueTask.CompletedTask;
        }

        if (samples <= 0)
        {
            return ValueTask.CompletedTask;
        }

        _feedLatency?.Observe(_time.GetElapsedTime(receivedTimestamp));
        return stream.SendAsync(_pcm.AsMemory(0, samples * 2), CancellationToken.None);
    }

    /// <summary>Ends the burst: <c>audio-stop</c>, a last look for a detection, the connection closed.</summary>
    private async Task CloseAsync()
    {
        if (_stream is not { } stream)
        {
            return;
        }

        _stream = null;
        try
        {
            await stream.StopAsync(CancellationToken.None).ConfigureAwait(false);
            if (_detections is { } detections)
            {
                await detections.WaitAsync(TimeSpan.FromSeconds(2), _time).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
        finally
        {
            _detections = null;
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The wake service failed: the burst ends, what waited is dropped, the listener pauses the room's wake path.</summary>
    private async Task FailAsync(Exception error)
    {
        if (_stream is { } stream)
        {
            _stream = null;
            _detections = null;
            await stream.DisposeAsync().AsTask().ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        _onFailure(Room, error);
        Release();
    }

    /// <summary>Gives up ownership with nothing queued (what waited is dropped); after disposal the buffers go back.</summary>
    private void Release()
    {
        lock (_lock)
        {
            while (_pending.TryDequeue(out var left))
            {
                left.Return();
            }

            _closeDue = false;
            _owned = false;
            if (!_disposed)
            {
                return;
            }
        }

        _idle.Dispose();
        _decoder.Dispose();
        ArrayPool<byte>.Shared.Return(_pcm);
    }

    private void Enqueue(ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        if (_pending.Count == MaxPending)
        {
            _pending.Dequeue().Return();
            Dropped++;
        }

        _pending.Enqueue(UplinkPacket.CopyOf(opusPacket, receivedTimestamp));
    }

    private void OnIdleTimer()
    {
        lock (_lock)
        {
            if (_disposed || _stream is null)
            {
                return;
            }

            var left = _idleAfter - _time.GetElapsedTime(_lastPacket);
            if (left > TimeSpan.Zero)
            {
                _idle.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }

            _closeDue = true;
            if (_owned)
            {
                return; // the owner closes when its queue is empty
            }

            _owned = true;
        }

        _ = OwnAsync(pendingSend: default);
    }

    private async Task ForwardDetectionsAsync(IWakeWordStream stream)
    {
        await foreach (var _ in stream.Detections.ReadAllAsync().ConfigureAwait(false))
        {
            _onDetection(Room);
        }
    }

    private enum OwnerStep
    {
        Done,
        Send,
        Close,
    }
}
