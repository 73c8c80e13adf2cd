namespace Jarvis.Server.Llm;

/// <summary>
/// A read-only response body whose reads end when <paramref name="bodyToken"/> is cancelled, even when the reader passes no
/// token: .NET's HTTP body streams end a pending read on cancellation and close the connection, so the server sees the
/// client go. A read without a token of its own (the OllamaSharp case) allocates nothing here; a reader passing its own
/// token gets a linked source for that read.
/// </summary>
internal sealed class CancellableBodyStream(Stream inner, CancellationToken bodyToken) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        !cancellationToken.CanBeCanceled || cancellationToken == bodyToken
            ? inner.ReadAsync(buffer, bodyToken)
            : ReadLinkedAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        bodyToken.ThrowIfCancellationRequested();
        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask<int> ReadLinkedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyToken);
        return await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
    }
}
