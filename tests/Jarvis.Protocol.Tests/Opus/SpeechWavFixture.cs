namespace Jarvis.Protocol.Tests.Opus;

/// <summary>Real synthetic speech (espeak-ng) resampled with sox to 24 kHz mono, in a temporary directory.</summary>
public sealed class SpeechWavFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jarvis-opus-" + Guid.NewGuid().ToString("N"));

    public string Speech24kPath => Path.Combine(Directory, "speech24k.wav");

    public short[] Speech24k { get; private set; } = [];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var raw = Path.Combine(Directory, "espeak.wav");
        await ExternalTool.RunAsync("espeak-ng", "-w", raw, "Good evening. The kitchen lights are now off, and tomorrow will be sunny with a light breeze.");
        await ExternalTool.RunAsync("sox", raw, "-r", "24000", "-c", "1", "-b", "16", Speech24kPath);
        var (rate, samples) = WavFile.Read(Speech24kPath);
        Assert.Equal(24000, rate);
        Speech24k = samples;
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);
}
