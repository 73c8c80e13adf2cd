using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Scripted;
using Jarvis.Satellite.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>
/// The real satellite host pointed at a test server, with its state in a temp directory; audio through
/// PortAudio (ALSA file devices) or through a paced scripted microphone and a recording speaker.
/// </summary>
internal sealed class SatelliteUnderTest : IAsyncDisposable
{
    private SatelliteUnderTest(IHost host, string stateDirectory, RecordingAudioPlayback? speaker)
    {
        Host = host;
        StateDirectory = stateDirectory;
        Speaker = speaker;
    }

    public IHost Host { get; }

    public string StateDirectory { get; }

    public RecordingAudioPlayback? Speaker { get; }

    public SatelliteStatus Status => Host.Services.GetRequiredService<SatelliteStatus>();

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public T Hosted<T>() => Host.Services.GetServices<IHostedService>().OfType<T>().Single();

    /// <param name="serverUri">Link URL.</param>
    /// <param name="microphone">Scripted microphone (looped, paced); null = PortAudio with <paramref name="extraArgs"/>.</param>
    /// <param name="extraArgs">More <c>--Key=Value</c> settings.</param>
    public static async Task<SatelliteUnderTest> StartAsync(Uri serverUri, short[]? microphone = null, params string[] extraArgs)
    {
        var state = Directory.CreateTempSubdirectory("jarvis-sat-state-").FullName;
        string[] args =
        [
            $"--Satellite:Link:ServerUrl={serverUri}",
            "--Satellite:Link:SatelliteId=kitchen-sat",
            "--Satellite:Link:Room=kitchen",
            "--Satellite:Link:Token=secret-token",
            $"--Satellite:StateDirectory={state}",
            "--config", Path.Combine(state, "none.json"),
            .. extraArgs,
        ];
        var builder = SatelliteHost.CreateBuilder(args);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("JARVIS_TEST_LOG") is not null)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        }

        RecordingAudioPlayback? speaker = null;
        if (microphone is not null)
        {
            speaker = new RecordingAudioPlayback(16000, 320, 16000 * 120);
            builder.Services.AddSingleton<IAudioDeviceFactory>(new ScriptedDevices(microphone, speaker));
        }

        var host = builder.Build();
        await host.StartAsync();
        return new SatelliteUnderTest(host, state, speaker);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Directory.Delete(StateDirectory, recursive: true);
    }

    private sealed class ScriptedDevices(short[] microphone, RecordingAudioPlayback speaker) : IAudioDeviceFactory
    {
        public IAudioCapture OpenCapture() =>
            new PacedAudioCapture(new ScriptedAudioCapture(microphone, 16000, 320, loop: true), TimeProvider.System);

        public IAudioPlayback? OpenPlayback() => new PacedAudioPlayback(new NonDisposingPlayback(speaker), TimeProvider.System);
    }

    private sealed class NonDisposingPlayback(IAudioPlayback inner) : IAudioPlayback
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
