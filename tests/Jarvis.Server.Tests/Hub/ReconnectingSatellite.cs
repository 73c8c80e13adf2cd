namespace Jarvis.Server.Tests.Hub;

/// <summary>A simulated satellite that reconnects every 100 ms while its link is down, like the real link client.</summary>
internal sealed class ReconnectingSatellite : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile SimulatedSatellite? _current;

    public ReconnectingSatellite(Func<Uri> link, string room)
    {
        _loop = RunAsync(link, room, _stop.Token);
    }

    public SimulatedSatellite? Current => _current;

    public int Connections { get; private set; }

    private async Task RunAsync(Func<Uri> link, string room, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var satellite = await SimulatedSatellite.ConnectAsync(link(), room);
                _current = satellite;
                Connections++;
                while (!satellite.Closed && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(20, cancellationToken);
                }

                await satellite.DisposeAsync();
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException)
            {
                // Server not there: try again shortly.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (_current is { } satellite)
        {
            await satellite.DisposeAsync();
        }

        _stop.Dispose();
    }
}
