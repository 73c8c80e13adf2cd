using Jarvis.Server.Tests.Hub;
using TestPackets = Jarvis.Server.Tests.PersonaPlex.Support.TestPackets;

namespace Jarvis.Server.Tests.Duplex;

/// <summary>A simulated satellite's microphone: a tone as 20 ms Opus packets (16 kHz), one every 20 ms, until disposed.</summary>
internal sealed class SatelliteMicrophone : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;

    public SatelliteMicrophone(SimulatedSatellite satellite, double frequency)
    {
        var packets = TestPackets.Tone(50, 16000, frequency);
        _sending = SendAsync(satellite, packets, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task SendAsync(SimulatedSatellite satellite, IReadOnlyList<byte[]> packets, CancellationToken cancellationToken)
    {
        // Real time: the Realtime session's clock refuses audio that runs ahead of it.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var n = 0; await pace.WaitForNextTickAsync(cancellationToken); n++)
        {
            await satellite.SendAudioAsync(packets[n % packets.Count]);
        }
    }
}
