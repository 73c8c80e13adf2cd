using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Jarvis.Rig.Audio;

/// <summary>
/// Tails a satellite's speaker file (the WAV that ALSA's <c>file</c> plugin writes) and logs when it grew, so that the
/// moment any played sample reached the "speaker" (the ear time) is known afterwards. Includes the file plugin's own
/// buffering (~40 ms).
/// </summary>
public sealed class SpeakerTap : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(4);
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly List<(long Timestamp, long Length)> _growth = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _header = -1;

    public SpeakerTap(string path) => _path = path;

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>The samples written so far (the WAV header skipped).</summary>
    public short[] Samples()
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (FileNotFoundException)
        {
            return [];
        }

        var data = DataOffset(bytes);
        return data < 0 ? [] : MemoryMarshal.Cast<byte, short>(bytes.AsSpan(data, (bytes.Length - data) & ~1)).ToArray();
    }

    /// <summary>When the file first held sample <paramref name="index"/> (a timestamp), or null.</summary>
    public long? WrittenAt(int index)
    {
        var header = _header >= 0 ? _header : _header = HeaderLength();
        if (header < 0)
        {
            return null;
        }

        var needed = header + ((index + 1L) * 2);
        lock (_lock)
        {
            int low = 0, high = _growth.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_growth[middle].Length >= needed)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low < _growth.Count ? _growth[low].Timestamp : null;
        }
    }

    /// <summary>
    /// How much sound (10 ms windows at or above <paramref name="thresholdDbfs"/>) of <paramref name="played"/> reached the
    /// file after <paramref name="since"/> and not after <paramref name="until"/> (timestamps).
    /// </summary>
    public TimeSpan SoundBetween(short[] played, long since, long until, double thresholdDbfs)
    {
        ArgumentNullException.ThrowIfNull(played);
        var loud = 0;
        for (var start = FirstWrittenAfter(played.Length, since); start + 160 <= played.Length; start += 160)
        {
            if (WrittenAt(start + 159) is not { } written || written > until)
            {
                break;
            }

            loud += Energy.Dbfs(played.AsSpan(start, 160)) >= thresholdDbfs ? 1 : 0;
        }

        return TimeSpan.FromMilliseconds(loud * 10);
    }

    /// <summary>The first sample index (10 ms aligned) of <paramref name="length"/> written after <paramref name="since"/>.</summary>
    public int FirstWrittenAfter(int length, long since)
    {
        int low = 0, high = length / 160;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (WrittenAt((middle * 160) + 159) is { } written && written > since)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low * 160;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private int HeaderLength()
    {
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var head = new byte[Math.Min(256, stream.Length)];
            stream.ReadExactly(head);
            return DataOffset(head);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Where the samples start: after the <c>data</c> chunk header (-1 when the header is not written yet).</summary>
    private static int DataOffset(ReadOnlySpan<byte> bytes)
    {
        var pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            if (bytes.Slice(pos, 4).SequenceEqual("data"u8))
            {
                return pos + 8;
            }

            pos += 8 + BinaryPrimitives.ReadInt32LittleEndian(bytes[(pos + 4)..]);
        }

        return -1;
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Poll);
        var last = -1L;
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var info = new FileInfo(_path);
            var length = info.Exists ? info.Length : 0;
            if (length != last)
            {
                lock (_lock)
                {
                    if (length < last)
                    {
                        _growth.Clear(); // the device was opened again: a new file
                    }

                    _growth.Add((Stopwatch.GetTimestamp(), length));
                }

                last = length;
            }
        }
    }
}
