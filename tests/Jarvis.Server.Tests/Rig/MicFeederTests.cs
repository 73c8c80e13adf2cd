using System.Diagnostics;
using System.Runtime.InteropServices;
using Jarvis.Rig.Audio;
using Jarvis.Rig.Measure;

namespace Jarvis.Server.Tests.Rig;

/// <summary>The rig's own parts: the microphone feeder keeps ahead of a reader it only sees through /proc, clips land where due.</summary>
public sealed class MicFeederTests
{
    /// <summary>
    /// A reader process (python3, plain read(2) so that its file position moves as the satellite's does; .NET's FileStream
    /// uses pread) takes 20 ms frames at real time for 2 s and copies them out. A read that finds the file short (the
    /// feeder starved of CPU on a loaded machine) is retried, as a capture device would wait: how far ahead the feeder
    /// keeps is a timing, for the rig's benchmarks; this test proves where the clip and the silence land.
    /// </summary>
    [Fact]
    public async Task The_feeder_stays_ahead_of_the_reader_and_puts_a_clip_where_it_is_due()
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-rig-feeder-").FullName;
        var path = Path.Combine(directory, "mic16k.raw");
        var copy = Path.Combine(directory, "read.raw");
        try
        {
            await using var feeder = new MicFeeder(path, TimeSpan.FromMilliseconds(200));
            const string Reader = "import os,sys,time\nfd=os.open(sys.argv[1],os.O_RDONLY)\nout=open(sys.argv[2],'wb')\ntime.sleep(1)\nt=time.monotonic()\n" +
                "for n in range(100):\n  time.sleep(max(0,t+n*0.02-time.monotonic()))\n  b=b''\n" +
                "  while len(b)<640:\n    r=os.read(fd,640-len(b))\n    b+=r\n    if not r: time.sleep(0.002)\n" +
                "  out.write(b); out.flush()\n";
            using var reader = Process.Start(new ProcessStartInfo("python3", ["-c", Reader, path, copy]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("python3 did not start");
            feeder.Start(reader.Id);
            var deadline = Stopwatch.GetTimestamp();
            while (!feeder.ReaderAttached || feeder.ReaderTime < TimeSpan.FromMilliseconds(300))
            {
                Assert.True(Stopwatch.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30), "the feeder never saw the reader move");
                await Task.Delay(10);
            }

            var clip = Enumerable.Repeat((short)8000, 1600).ToArray();
            var clipAt = feeder.Say(clip, TimeSpan.FromMilliseconds(400));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await reader.WaitForExitAsync(timeout.Token);
            var read = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(copy)).ToArray();

            Assert.Equal(32000, read.Length);
            var start = (int)(clipAt / 2);
            Assert.True(start > 4800 && start < 16000, $"the clip starts at sample {start}: 400 ms after the reader's position then");
            Assert.Equal(clip, read.Skip(start).Take(clip.Length));
            Assert.All(read.Take(start), s => Assert.Equal(0, s));
            Assert.All(read.Skip(start + clip.Length), s => Assert.Equal(0, s));
            Assert.Equal(0, feeder.Underruns);
            Assert.NotNull(feeder.ReadAt(clipAt));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var summary = LatencySummary.Of([.. Enumerable.Range(1, 20).Select(i => (double)i)]);
        Assert.Equal((20, 10.0, 19.0, 20.0), (summary.Count, summary.P50, summary.P95, summary.Max));
        Assert.Equal(0, LatencySummary.Of([]).Count);
    }

    [Fact]
    public void The_onset_is_the_first_10_ms_above_the_threshold()
    {
        short[] samples = [.. new short[1000], .. Enumerable.Repeat((short)3000, 800)];
        Assert.Equal(960, Energy.Onset(samples, 0, -40));
        Assert.Equal(-1, Energy.Onset(new short[1600], 0, -40));
    }
}
