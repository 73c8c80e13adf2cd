using System.Runtime.InteropServices;
using System.Threading.Channels;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Wake;
using Jarvis.Server.Wyoming;
using Microsoft.Extensions.Time.Testing;
using TestPackets = Jarvis.Server.Tests.PersonaPlex.Support.TestPackets;

namespace Jarvis.Server.Tests.Wake;

/// <summary>
/// A room's wake path (<see cref="RoomWakeStream"/>): decoded and sent on the read loop that delivers the packet while the
/// stream is open, queued in order (bounded) only while it is not ready, never holding the read loop up.
/// </summary>
public sealed class WakeInlineFeedTests
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(1.5);
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingWakeDetector _detector = new();
    private readonly List<string> _failures = [];
    private readonly List<string> _detections = [];

    [Fact]
    public async Task Once_the_stream_is_open_each_packet_reaches_the_wake_service_before_the_read_loop_goes_on()
    {
        var packets = Speech(20);
        using var room = Open();
        room.Feed(packets[0], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 1 && _detector.Streams[0].Packets == 1 && !room.IsBusy, "the first packet opens the stream");

        for (var i = 1; i < packets.Count; i++)
        {
            room.Feed(packets[i], 0);
            Assert.Equal(i + 1, _detector.Streams[0].Packets); // sent inline: no hand-off to another thread
        }

        Assert.Equal(Decoded(packets), _detector.Streams[0].Pcm);
    }

    [Fact]
    public async Task A_slow_wake_service_never_holds_up_the_read_loop_and_gets_every_packet_in_order()
    {
        var packets = Speech(30);
        using var room = Open();
        room.Feed(packets[0], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 1 && _detector.Streams[0].Packets == 1 && !room.IsBusy, "the stream opens");
        var stream = _detector.Streams[0];
        var socket = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.Blocked = socket.Task;

        for (var i = 1; i < packets.Count; i++)
        {
            room.Feed(packets[i], 0); // returns although the send of packet 1 waits on the socket
        }

        Assert.Equal(2, stream.Packets);
        socket.SetResult();
        await Eventually.TrueAsync(() => stream.Packets == packets.Count, "the queued packets follow once the socket drains");
        Assert.Equal(Decoded(packets), stream.Pcm);
        Assert.Equal(0, room.Dropped);
    }

    [Fact]
    public async Task While_the_service_is_not_ready_the_last_2_s_wait_and_older_packets_are_dropped()
    {
        var packets = Speech(RoomWakeStream.MaxPending + 30);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _detector.Opening = ready.Task;
        using var room = Open();
        room.Feed(packets[0], 0);
        await Eventually.TrueAsync(() => _detector.Starts == 1, "the first packet opens the stream");
        foreach (var packet in packets.Skip(1))
        {
            room.Feed(packet, 0);
        }

        Assert.Equal(29, room.Dropped); // the first packet is with the stream that opens, 100 of the 129 others wait
        ready.SetResult();
        await Eventually.TrueAsync(() => _detector.Streams.Count == 1 && _detector.Streams[0].Packets == 1 + RoomWakeStream.MaxPending && !room.IsBusy,
            "the kept packets are sent");
        Assert.Equal(Decoded([packets[0], .. packets.Skip(30)]), _detector.Streams[0].Pcm);
    }

    [Fact]
    public async Task A_pause_longer_than_the_idle_time_ends_the_burst_and_the_next_packet_opens_a_new_stream()
    {
        var packets = Speech(10);
        using var room = Open();
        room.Feed(packets[0], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 1 && _detector.Streams[0].Packets == 1 && !room.IsBusy, "the stream opens");
        _time.Advance(TimeSpan.FromSeconds(1));
        room.Feed(packets[1], 0);
        _time.Advance(TimeSpan.FromSeconds(1)); // 1 s after the last packet: not idle yet
        Assert.False(_detector.Streams[0].Stopped);
        Assert.True(room.IsStreaming);

        _time.Advance(TimeSpan.FromSeconds(0.6));
        await Eventually.TrueAsync(() => _detector.Streams[0].Disposed && !room.IsStreaming, "1.6 s without a packet ends the burst");
        Assert.True(_detector.Streams[0].Stopped);

        room.Feed(packets[2], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 2 && _detector.Streams[1].Packets == 1, "the next burst has its own stream");
    }

    [Fact]
    public async Task A_failing_service_is_reported_and_a_later_packet_opens_a_new_stream()
    {
        var packets = Speech(5);
        using var room = Open();
        room.Feed(packets[0], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 1 && _detector.Streams[0].Packets == 1 && !room.IsBusy, "the stream opens");
        _detector.Streams[0].Fail = new IOException("connection reset");
        room.Feed(packets[1], 0);
        await Eventually.TrueAsync(() => Reported() == 1 && _detector.Streams[0].Disposed, "the failure is reported and the stream let go");

        room.Feed(packets[2], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 2 && _detector.Streams[1].Packets == 1, "a new stream");
        Assert.Equal(1, Reported());
    }

    [Fact]
    public async Task A_detection_wakes_the_room()
    {
        using var room = Open();
        room.Feed(Speech(1)[0], 0);
        await Eventually.TrueAsync(() => _detector.Streams.Count == 1, "the stream opens");
        _detector.Streams[0].Detect();
        await Eventually.TrueAsync(() => Detected() == 1, "the detection reaches the listener");
    }

    private RoomWakeStream Open() => new("kitchen", _detector, IdleAfter, _time,
        room => { lock (_detections) { _detections.Add(room); } },
        (room, _) => { lock (_failures) { _failures.Add(room); } },
        (_, _) => { });

    private int Reported()
    {
        lock (_failures)
        {
            return _failures.Count;
        }
    }

    private int Detected()
    {
        lock (_detections)
        {
            return _detections.Count;
        }
    }

    private static IReadOnlyList<byte[]> Speech(int frames) => TestPackets.Tone(frames);

    /// <summary>The PCM one decoder gives for the packets in this order (a decoder's output depends on what came before).</summary>
    private static byte[] Decoded(IReadOnlyList<byte[]> packets)
    {
        using var decoder = OpusFrameDecoder.Create(16000);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(16000)];
        var all = new List<byte>();
        foreach (var packet in packets)
        {
            var samples = decoder.Decode(packet, pcm);
            all.AddRange(MemoryMarshal.AsBytes(pcm.AsSpan(0, samples)).ToArray());
        }

        return [.. all];
    }

    private sealed class RecordingWakeDetector : IWakeWordDetector
    {
        public List<RecordingWakeStream> Streams { get; } = [];

        private int _starts;

        public Task? Opening { get; set; }

        public int Starts => Volatile.Read(ref _starts);

        public async Task<IWakeWordStream> StartAsync(AudioFormat format, CancellationToken cancellationToken)
        {
            Assert.Equal(AudioFormat.Speech16K, format);
            Interlocked.Increment(ref _starts);
            if (Opening is { } opening)
            {
                await opening;
            }

            var stream = new RecordingWakeStream();
            lock (Streams)
            {
                Streams.Add(stream);
            }

            return stream;
        }
    }

    private sealed class RecordingWakeStream : IWakeWordStream
    {
        private readonly Channel<WakeDetection> _detections = Channel.CreateUnbounded<WakeDetection>();
        private readonly List<byte> _pcm = [];

        public ChannelReader<WakeDetection> Detections => _detections.Reader;

        public int Packets { get; private set; }

        public byte[] Pcm
        {
            get
            {
                lock (_pcm)
                {
                    return [.. _pcm];
                }
            }
        }

        public Task? Blocked { get; set; }

        public Exception? Fail { get; set; }

        public bool Stopped { get; private set; }

        public bool Disposed { get; private set; }

        public void Detect() => _detections.Writer.TryWrite(new WakeDetection("hey_jarvis", 0));

        public ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
        {
            Assert.False(Stopped);
            if (Fail is { } fail)
            {
                return ValueTask.FromException(fail);
            }

            lock (_pcm)
            {
                _pcm.AddRange(pcm.ToArray());
                Packets++;
            }

            return Blocked is { IsCompleted: false } blocked ? new ValueTask(blocked) : ValueTask.CompletedTask;
        }

        public ValueTask StopAsync(CancellationToken cancellationToken)
        {
            Stopped = true;
            _detections.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            _detections.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
