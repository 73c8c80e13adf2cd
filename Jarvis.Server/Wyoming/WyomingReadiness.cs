using Jarvis.Server.Health;

namespace Jarvis.Server.Wyoming;

/// <summary>/health readiness of one Wyoming service: connect + <c>describe</c> answered with <c>info</c>.</summary>
public sealed class WyomingReadiness(string name, Func<Uri> uri) : IBackendReadiness
{
    public string Name { get; } = name;

    public async Task<BackendStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var target = uri();
        try
        {
            var info = await WyomingDescriber.DescribeAsync(target, cancellationToken).ConfigureAwait(false);
            return BackendStatus.Up($"{target}: {info}");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or WyomingProtocolException)
        {
            return BackendStatus.Down($"{target} not reachable: {ex.Message}");
        }
    }
}
