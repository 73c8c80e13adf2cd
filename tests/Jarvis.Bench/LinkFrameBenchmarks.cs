using System.Buffers;
using BenchmarkDotNet.Attributes;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Bench;

/// <summary>
/// Satellite link framing: audio frames must cost 0 B per frame; control messages are for reference.
/// <c>dotnet run -c Release --project tests/Jarvis.Bench -- --filter '*LinkFrame*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class LinkFrameBenchmarks
{
    private readonly byte[] _payload = new byte[80]; // a 20 ms Opus packet at ~32 kbps
    private readonly byte[] _frame = new byte[AudioFrameCodec.FrameLength(80)];
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly LinkMessageReader _reader = new(LinkPeer.Server);
    private readonly LinkFrameAssembler _assembler = new();
    private readonly VoiceActivityMessage _voice = new(VoiceActivityState.Start, 0.91, 123_456_789, -24.5);
    private byte[] _voiceJson = [];
    private uint _sequence;

    [GlobalSetup]
    public void Setup()
    {
        Random.Shared.NextBytes(_payload);
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, 1, 20_000), _payload, _frame);
        _voiceJson = LinkMessageWriter.ToUtf8(_voice);
    }

    [GlobalCleanup]
    public void Cleanup() => _assembler.Dispose();

    [Benchmark(Description = "audio frame write (80 B Opus)")]
    public int WriteAudioFrame()
    {
        _sequence++;
        return AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, _sequence, _sequence * 20_000L), _payload, _frame);
    }

    [Benchmark(Description = "audio frame read (LinkMessageReader)")]
    public int ReadAudioFrame()
    {
        var result = _reader.Read(LinkFrameType.Binary, _frame);
        return result.Payload.Length + (int)result.Audio.Sequence;
    }

    [Benchmark(Description = "audio frame assemble from 2 fragments + read")]
    public int AssembleAndReadAudioFrame()
    {
        _assembler.Append(_frame.AsSpan(0, 40), endOfMessage: false);
        _assembler.Append(_frame.AsSpan(40), endOfMessage: true);
        return _reader.Read(LinkFrameType.Binary, _assembler.Message).Payload.Length;
    }

    [Benchmark(Description = "control write (voice_activity)")]
    public int WriteControl()
    {
        _json.ResetWrittenCount();
        LinkMessageWriter.Write(_voice, _json);
        return _json.WrittenCount;
    }

    [Benchmark(Description = "control read (voice_activity)")]
    public object? ReadControl() => _reader.Read(LinkFrameType.Text, _voiceJson).Message;
}
