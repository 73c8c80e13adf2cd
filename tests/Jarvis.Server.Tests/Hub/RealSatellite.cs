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

    private RealSatellite(IHost host, string state, RecordingAudioPlayback speaker)
    {
        Host = host;
        _state = state;
        Speaker = speaker;
    }

    /// <summary>What the satellite played.</summary>
    public RecordingAudioPlayback Speaker { get; }

    public IHost Host { get; }

    public SatelliteStatus Status => Host.Services.GetRequiredService<SatelliteStatus>();

    public LinkClientService Link => Host.Services.GetServices<IHostedService>().OfType<LinkClientService>().Single();

    /// <param name="link">The server's link URL.</param>
    /// <param name="room">Room (the satellite id is "{room}-pi").</param>
    /// <param name="microphone">16 kHz samples played in a loop into the microphone; null = silence.</param>
    public static async Task<RealSatellite> StartAsync(Uri link, string room, short[]? microphone = null)
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
        var speaker = new RecordingAudioPlayback(16000, 320, 16000 * 60);
        builder.Services.AddSingleton<IAudioDeviceFactory>(new ScriptedDevices(microphone ?? new short[16000], speaker));
        var host = builder.Build();
        await host.StartAsync();
        return new RealSatellite(host, state, speaker);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private sealed class ScriptedDevices(short[] microphone, RecordingAudioPlayback speaker) : IAudioDeviceFactory
    {
        public IAudioCapture OpenCapture() =>
            new PacedAudioCapture(new ScriptedAudioCapture(microphone, 16000, 320, loop: true), TimeProvider.System);

        public IAudioPlayback? OpenPlayback() => new PacedAudioPlayback(new KeepOpen(speaker), TimeProvider.System);
    }

    /// <summary>The recording outlives the playback device the satellite disposes.</summary>
    private sealed class KeepOpen(IAudioPlayback inner) : IAudioPlayback
    {
        public int SampleRate => inner.SampleRate;

        public int FrameSamples => inner.FrameSamples;

        public AudioStreamCounters Counters => inner.Counters;

        public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken) => inner.WriteFrame(frame, cancellationToken);

        public void Dispose()
        {
        }
    }
}
