using Jarvis.Server.Health;

namespace Jarvis.Server.Status;

/// <summary>
/// Backend readiness for the status page, refreshed at most every few seconds so that a page polling every second does not
/// probe PersonaPlex, Home Assistant and Ollama every second.
/// </summary>
public sealed class BackendStatusCache(IEnumerable<IBackendReadiness> backends, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyDictionary<string, BackendStatus> _latest = new Dictionary<string, BackendStatus>();
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyDictionary<string, BackendStatus>> GetAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _checkedAt < MaxAge)
        {
            return _latest;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() - _checkedAt >= MaxAge)
            {
                var results = await Task.WhenAll(backends.Select(b => CheckAsync(b, cancellationToken))).ConfigureAwait(false);
                _latest = results.ToDictionary(r => r.Name, r => r.Status);
                _checkedAt = time.GetUtcNow();
            }

            return _latest;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static async Task<(string Name, BackendStatus Status)> CheckAsync(IBackendReadiness backend, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return (backend.Name, await backend.CheckAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (backend.Name, BackendStatus.Down($"no answer within {CheckTimeout.TotalSeconds:0} s"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (backend.Name, BackendStatus.Down(ex.Message));
        }
    }
}
