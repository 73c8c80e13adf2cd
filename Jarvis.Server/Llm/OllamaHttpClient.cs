namespace Jarvis.Server.Llm;

/// <summary>
/// The HTTP client under OllamaSharp. An interrupted answer must close its connection at once, so that Ollama sees the
/// client go and stops generating: by default .NET drains a response disposed before its end (up to 1 MB for up to 2 s) to
/// reuse the connection, and OllamaSharp ends a cancelled stream quietly at the next line and disposes it, so the model went
/// on writing the interrupted answer. Without draining the connection is closed instead. OllamaSharp also reads the body
/// without the token, so a read pending while the model stalls between two tokens ignored a barge-in:
/// <see cref="CancellableBodyHandler"/> binds the body reads to the token the caller bound to its async flow.
/// </summary>
public static class OllamaHttpClient
{
    public static HttpClient Create(Uri url) => new(new CancellableBodyHandler(new SocketsHttpHandler
    {
        MaxResponseDrainSize = 0,
        ResponseDrainTimeout = TimeSpan.Zero,
    }))
    {
        BaseAddress = url,
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
