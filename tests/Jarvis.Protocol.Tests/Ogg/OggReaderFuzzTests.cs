using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class OggReaderFuzzTests
{
    [Fact]
    public void Mutated_streams_in_random_chunks_never_throw()
    {
        var random = new Random(2026);
        var valid = OggTestStreams.Write(Enumerable.Range(0, 20).Select(i => OggTestStreams.Packet(random.Next(0, 900), i)), maxPacketsPerPage: 3);
        var errors = 0;
        for (var round = 0; round < 1500; round++)
        {
            var stream = valid.ToArray();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                stream[random.Next(stream.Length)] = (byte)random.Next(256);
            }

            var reader = new OggOpusReader(new OggReaderOptions { VerifyCrc = round % 2 == 0, RequireBos = round % 3 != 0 });
            var offset = 0;
            var status = OggReadStatus.NeedMoreData;
            while (offset < stream.Length && status != OggReadStatus.Error)
            {
                var length = Math.Min(stream.Length - offset, random.Next(1, 700));
                reader.Append(stream.AsSpan(offset, length));
                offset += length;
                while ((status = reader.TryReadPacket(out var packet)) == OggReadStatus.Packet)
                {
                    Assert.True(packet.Data.Length <= 70000);
                }
            }

            errors += status == OggReadStatus.Error ? 1 : 0;
            Assert.Equal(status == OggReadStatus.Error, reader.Error is not null);
        }

        Assert.InRange(errors, 1, 1499);
    }
}
