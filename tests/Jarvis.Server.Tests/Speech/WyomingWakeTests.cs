using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Wake;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Speech;

public sealed class WyomingWakeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static byte[] Frame(short amplitude)
    {
        var pcm = new byte[640];
        for (var i = 0; i < 320; i++)
        {
            var s = (short)(amplitude * Math.Sin(2 * Math.PI * 300 * i / 16000.0));
            pcm[2 * i] = (byte)s;
            pcm[(2 * i) + 1] = (byte)(s >> 8);
        }

        return pcm;
    }

    private static WyomingWakeWordDetector Detector(WyomingWakeEmulator wake) =>
        new(new FixedOptionsMonitor<WakeOptions>(new WakeOptions { Uri = wake.Uri }));

    [Fact]
    public async Task Loud_audio_for_long_enough_is_detected_as_hey_jarvis()
    {
        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var stream = await Detector(wake).StartAsync(AudioFormat.Speech16K, CancellationToken.None);

        for (var i = 0; i < 10; i++)
        {
            await stream.SendAsync(Frame(200), CancellationToken.None);
        }

        for (var i = 0; i < 20; i++)
        {
            await stream.SendAsync(Frame(10000), CancellationToken.None);
        }

        var detection = await stream.Detections.ReadAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal("hey_jarvis", detection.Name);
        Assert.Equal(500, detection.TimestampMs);
        Assert.Empty(wake.ProtocolErrors);
    }

    [Fact]
    public async Task Quiet_audio_ends_with_not_detected()
    {
        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var stream = await Detector(wake).StartAsync(AudioFormat.Speech16K, CancellationToken.None);

        for (var i = 0; i < 30; i++)
        {
            await stream.SendAsync(Frame(300), CancellationToken.None);
        }

        await stream.StopAsync(CancellationToken.None);
        var any = await stream.Detections.WaitToReadAsync().AsTask().WaitAsync(Deadline);

        Assert.False(any);
        Assert.Equal(0, wake.DetectionCount);
    }

    [Fact]
    public async Task A_scripted_trigger_reaches_every_open_stream()
    {
        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var kitchen = await Detector(wake).StartAsync(AudioFormat.Speech16K, CancellationToken.None);
        await using var office = await Detector(wake).StartAsync(AudioFormat.Speech16K, CancellationToken.None);
        await kitchen.SendAsync(Frame(100), CancellationToken.None);
        await office.SendAsync(Frame(100), CancellationToken.None);
        await WaitUntilAsync(() => wake.Received.Count(e => e.Type == "audio-chunk") == 2);

        await wake.TriggerAsync();

        Assert.Equal("hey_jarvis", (await kitchen.Detections.ReadAsync().AsTask().WaitAsync(Deadline)).Name);
        Assert.Equal("hey_jarvis", (await office.Detections.ReadAsync().AsTask().WaitAsync(Deadline)).Name);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
