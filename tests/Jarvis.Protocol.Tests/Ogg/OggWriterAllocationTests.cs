using System.Buffers;
using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class OggWriterAllocationTests
{
    [Fact]
    public void Steady_state_writing_allocates_nothing()
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new OggOpusWriter(5, OggTestStreams.PersonaPlexHead, maxPacketsPerPage: 2);
        writer.WriteHeaders(output);
        var packet = OggTestStreams.Packet(300, 1);
        writer.WritePacket(packet, 960, output);
        output.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.WritePacket(packet, 960, output);
            output.ResetWrittenCount();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
