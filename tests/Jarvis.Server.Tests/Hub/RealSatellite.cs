using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Scripted;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Link;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.Tests.Hub;

/// <summary>The real satellite program (its link client, reconnect, mute handling) with a scripted silent microphone.</summary>
internal sealed class RealSatellite : IAsyncDisposable
{
    private readonly string _state;

    private RealSatellite(IHost host, string state)
    {
        Host = host;
        _state = state;
    }

    public IHost Host { get; }

    public SatelliteStatus Status => Host.Services.GetRequiredService<SatelliteStatus>();

    public LinkClientService Link => Host.Services.GetServices<IHostedService>().OfType<LinkClientService>().Single();

    public static async Task<RealSatellite> StartAsync(Uri link, string room)
    {
        var state = Directory.CreateTempSubdirectory("jarvis-hub-sat-").FullName;
        var builder = SatelliteHost.CreateBuilder(
        [
            $"--Satellite:Link:ServerUrl={link}",
            $"--Satellite:Link:SatelliteId={room}-pi",
            $"--Satellite:Link:Room={room}",
            $"--Satellite:Link:Token={HubTestServer.TokenOf(room)}",
            $"--Satellite:StateDirectory={state}",
            "--config", Path.Combine(state, "none.json"),
        ]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAudioDeviceFactory>(new SilentDevices());
        var host = builder.Build();
        await host.StartAsync();
        return new RealSatellite(host, state);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private sealed class SilentDevices : IAudioDeviceFactory
    {
        public IAudioCapture OpenCapture() =>
            new PacedAudioCapture(new ScriptedAudioCapture(new short[16000], 16000, 320, loop: true), TimeProvider.System);

        public IAudioPlayback? OpenPlayback() =>
            new PacedAudioPlayback(new RecordingAudioPlayback(16000, 320, 16000 * 10), TimeProvider.System);
    }
}
