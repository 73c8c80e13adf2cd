using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>The endpoint's ready client, if any, and a way for room packets to wait until there is one.</summary>
internal sealed class ReadyGate
{
    private volatile PersonaPlexClient? _client;
    private volatile TaskCompletionSource _opened = NewSignal();

    public PersonaPlexClient? Client => _client;

    public void Open(PersonaPlexClient client)
    {
        _client = client;
        _opened.TrySetResult();
    }

    public void Close()
    {
        if (_opened.Task.IsCompleted)
        {
            _opened = NewSignal();
        }

        _client = null;
    }

    /// <summary>Waits for <see cref="Open"/>; callers then re-read <see cref="Client"/> (it may have closed again).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _opened.Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
