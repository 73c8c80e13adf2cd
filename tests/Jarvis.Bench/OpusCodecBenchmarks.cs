using BenchmarkDotNet.Attributes;
using Jarvis.Protocol.Opus;

namespace Jarvis.Bench;

/// <summary>
/// Opus encode and decode of one 20 ms mono frame (VOIP, 24 kbit/s, complexity 5), managed Concentus vs native libopus.
/// The RTF column is CPU time per second of audio; "Allocated" is per frame.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RealTimeFactorConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class OpusCodecBenchmarks
{
    private const int Frames = 100;

    private OpusFrameEncoder _encoder = null!;
    private OpusFrameDecoder _decoder = null!;
    private short[] _signal = [];
    private byte[][] _packets = [];
    private readonly byte[] _packet = new byte[OpusFrameEncoder.MaxPacketSize];
    private short[] _pcm = [];
    private int _next;

    [Params(16000, 24000)]
    public int SampleRate { get; set; }

    [Params(false, true)]
    public bool Native { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var backend = Native ? OpusBackend.Native : OpusBackend.Managed;
        var options = new OpusEncoderOptions { SampleRate = SampleRate, FrameMilliseconds = 20, Bitrate = 24000, Complexity = 5 };
        _encoder = OpusFrameEncoder.Create(options, backend);
        _decoder = OpusFrameDecoder.Create(SampleRate, backend);
        _signal = BenchSignal.SpeechLike(SampleRate, Frames * options.FrameSamples);
        _pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(SampleRate)];
        using var packetEncoder = OpusFrameEncoder.Create(options, backend);
        _packets = new byte[Frames][];
        for (var i = 0; i < Frames; i++)
        {
            var length = packetEncoder.Encode(Frame(i), _packet);
            _packets[i] = _packet[..length];
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    [Benchmark]
    public int Encode20ms()
    {
        var frame = Frame(_next);
        _next = (_next + 1) % Frames;
        return _encoder.Encode(frame, _packet);
    }

    [Benchmark]
    public int Decode20ms()
    {
        var packet = _packets[_next];
        _next = (_next + 1) % Frames;
        return _decoder.Decode(packet, _pcm);
    }

    private ReadOnlySpan<short> Frame(int index) => _signal.AsSpan(index * _encoder.FrameSamples, _encoder.FrameSamples);
}
