using System.Text.Json.Nodes;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Wyoming;

/// <summary>A connection whose peer has gone (broken pipe) is disposed without an exception: the event that could not be sent is dropped.</summary>
public sealed class WyomingConnectionDisposeTests
{
    [Fact]
    public async Task Disposing_after_a_broken_pipe_does_not_throw()
    {
        var connection = new WyomingConnection(new BrokenPipeStream());
        await Assert.ThrowsAsync<IOException>(async () =>
            await connection.WriteEventAsync(new WyomingEvent("transcript", new JsonObject { ["text"] = "hi" }), CancellationToken.None));

        await connection.DisposeAsync();
    }

    /// <summary>Reads nothing (end of stream); every write fails as a socket whose peer has closed.</summary>
    private sealed class BrokenPipeStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("Broken pipe"));
    }
}
