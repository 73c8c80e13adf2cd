using System.Buffers;
using BenchmarkDotNet.Attributes;
using Jarvis.Protocol.Ogg;

namespace Jarvis.Bench;

/// <summary>Ogg Opus page write and read of one ~280-byte packet per page (PersonaPlex' shape); both must allocate 0 B.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class OggOpusPageBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(1 << 16);
    private readonly byte[] _packet = new byte[280];
    private OggOpusWriter _writer = null!;
    private OggOpusReader _reader = null!;
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_packet);
        var head = new OpusHead(1, 1, 3840, 24000, 0, 0);
        _writer = new OggOpusWriter(42, head, "sphn-pyo3");
        _writer.WriteHeaders(_output);
        _output.ResetWrittenCount();

        var setup = new ArrayBufferWriter<byte>();
        var source = new OggOpusWriter(42, head, "sphn-pyo3");
        source.WriteHeaders(setup);
        _reader = new OggOpusReader();
        _reader.Append(setup.WrittenSpan);
        while (_reader.TryReadPacket(out _) == OggReadStatus.Packet)
        {
        }

        setup.ResetWrittenCount();
        source.WritePacket(_packet, 1920, setup);
        _page = setup.WrittenSpan.ToArray();
    }

    [Benchmark]
    public bool WritePage()
    {
        _output.ResetWrittenCount();
        return _writer.WritePacket(_packet, 1920, _output);
    }

    [Benchmark]
    public int ReadPage()
    {
        _reader.Append(_page);
        _reader.TryReadPacket(out var packet);
        return packet.Data.Length;
    }
}
