using System.Net;

namespace Jarvis.Server.Llm;

/// <summary>A response body whose stream ends every pending read when the bound token is cancelled.</summary>
internal sealed class CancellableBodyContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CancellationToken _bodyToken;

    public CancellableBodyContent(HttpContent inner, CancellationToken bodyToken)
    {
        _inner = inner;
        _bodyToken = bodyToken;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new CancellableBodyStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _bodyToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, context, cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _inner.CopyToAsync(stream, context);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
