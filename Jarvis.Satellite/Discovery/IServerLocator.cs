namespace Jarvis.Satellite.Discovery;

/// <summary>Finds the server's link URL on the LAN when Satellite:Link:ServerUrl is not set.</summary>
public interface IServerLocator
{
    /// <summary>The link URL of a Jarvis server; throws <see cref="TimeoutException"/> when none answers in time.</summary>
    Task<Uri> LocateAsync(CancellationToken cancellationToken);
}
