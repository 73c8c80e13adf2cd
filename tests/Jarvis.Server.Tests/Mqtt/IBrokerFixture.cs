namespace Jarvis.Server.Tests.Mqtt;

/// <summary>A broker the tests start, stop and restart on a fixed free port.</summary>
public interface IBrokerFixture : IAsyncDisposable
{
    int Port { get; }

    Task StartAsync();

    Task StopAsync();
}
