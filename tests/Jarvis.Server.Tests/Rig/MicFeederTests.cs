using System.Diagnostics;
using System.Runtime.InteropServices;
using Jarvis.Rig.Audio;
using Jarvis.Rig.Measure;

namespace Jarvis.Server.Tests.Rig;

/// <summary>The rig's own parts: the microphone feeder keeps ahead of a reader it only sees through /proc, clips land where due.</summary>
public sealed class MicFeederTests
{
    [Fact]
    public async Task The_feeder_stays_ahead_of_the_reader_and_puts_a_clip_where_it_is_due()
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-rig-feeder-").FullName;
        var path = Path.Combine(directory, "mic16k.raw");
        try
        {
            await using var feeder = new MicFeeder(path, TimeSpan.FromMilliseconds(200));
            await using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            feeder.Start(Environment.ProcessId);
            var clip = Enumerable.Repeat((short)8000, 1600).ToArray();
            var read = new List<short>();
            var buffer = new byte[640];
            long? clipAt = null;
            var started = Stopwatch.GetTimestamp();
            while (read.Count < 16000 * 2 && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
            {
                if (clipAt is null && feeder.ReaderAttached && read.Count > 3200)
                {
                    clipAt = feeder.Say(clip, TimeSpan.FromMilliseconds(400));
                }

                // A reader that takes 20 ms frames no faster than real time, as the paced satellite does.
                var due = TimeSpan.FromSeconds(read.Count / 16000.0) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var n = await reader.ReadAsync(buffer);
                Assert.True(n == buffer.Length, $"the reader found only {n} bytes at {read.Count * 2} (the feeder fell behind)");
                read.AddRange(MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, n)).ToArray());
            }

            Assert.NotNull(clipAt);
            var start = (int)(clipAt.Value / 2);
            Assert.True(start > 3200 && start < 16000, $"the clip starts at sample {start}: 400 ms after the reader's position then");
            Assert.Equal(clip, read.Skip(start).Take(clip.Length));
            Assert.All(read.Take(start), s => Assert.Equal(0, s));
            Assert.Equal(0, feeder.Underruns);
            Assert.NotNull(feeder.ReadAt(clipAt.Value));
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
