namespace Jarvis.Server.Llm;

/// <summary>
/// Makes the reads of a streamed response body honour a cancellation token. OllamaSharp 5.5.2 opens the streamed
/// <c>/api/chat</c> body and reads its lines without any token, so a read pending while the model stalls between two
/// tokens outlived a barge-in (and the stall timeout). The token given to <see cref="SendAsync"/> cannot serve: for a
/// streamed response <see cref="HttpClient"/> disposes its linked source once the headers have arrived. The caller
/// therefore binds its token to the current async flow with <see cref="BindBodyReads"/> before the request is sent; the
/// binding flows into the request like <c>Activity.Current</c> and vanishes when the caller's async method returns.
/// </summary>
public sealed class CancellableBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly AsyncLocal<CancellationToken> BodyToken = new();

    /// <summary>Body reads of the requests sent from the current async flow end when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static void BindBodyReads(CancellationToken cancellationToken) => BodyToken.Value = cancellationToken;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bodyToken = BodyToken.Value;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (bodyToken.CanBeCanceled)
        {
            response.Content = new CancellableBodyContent(response.Content, bodyToken);
        }

        return response;
    }
}
