using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Jarvis.Rig.Audio;

/// <summary>
/// Feeds a satellite's microphone file (ALSA <c>infile</c>, raw S16_LE 16 kHz mono) at real time. ALSA's <c>file</c>
/// plugin over <c>null</c> is not paced and, once the input runs out, returns garbage: the feeder reads the reader's
/// position from <c>/proc/PID/fdinfo</c> and keeps the file a bounded amount (<see cref="Ahead"/>) ahead of it, with
/// silence unless a clip is due. Every position change is logged with its time, so that the moment the satellite read
/// any sample (the "mouth" time) is known afterwards.
/// </summary>
public sealed class MicFeeder : IAsyncDisposable
{
    public const int SampleRate = 16000;
    private const int BytesPerSecond = SampleRate * 2;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(4);
    private readonly FileStream _file;
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly List<(long Timestamp, long Position)> _reads = [];
    private readonly List<(long Position, short[] Samples)> _due = [];
    private readonly byte[] _silence = new byte[BytesPerSecond / 50];
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private int _pid;
    private string? _fdinfo;
    private List<int> _descriptors = [];
    private int _polls;
    private long _readerPosition;

    public MicFeeder(string path, TimeSpan ahead)
    {
        _path = path;
        Ahead = ahead;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        WriteSilence(AheadBytes * 2);
    }

    /// <summary>How far the file is kept ahead of the reader.</summary>
    public TimeSpan Ahead { get; }

    /// <summary>Times the reader's position went backwards (the device was opened again and reads the file from the start).</summary>
    public int Reopens { get; private set; }

    /// <summary>Reads that found the file short of the reader's position (the reader got garbage or zeros).</summary>
    public int Underruns { get; private set; }

    /// <summary>How much of the microphone the satellite has read.</summary>
    public TimeSpan ReaderTime
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromSeconds((double)_readerPosition / BytesPerSecond);
            }
        }
    }

    /// <summary>Whether the satellite has its capture device open.</summary>
    public bool ReaderAttached => _fdinfo is not null;

    private long AheadBytes => (long)(Ahead.TotalSeconds * BytesPerSecond) & ~1L;

    /// <summary>Starts feeding the process <paramref name="pid"/> (which opens the file itself when it starts capturing).</summary>
    public void Start(int pid)
    {
        _pid = pid;
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>
    /// Puts <paramref name="samples"/> into the microphone so that the reader reaches them <paramref name="delay"/> from now
    /// (at least <see cref="Ahead"/> from now). Returns the byte position of the clip's first sample in the file.
    /// </summary>
    public long Say(short[] samples, TimeSpan delay)
    {
        lock (_lock)
        {
            var position = Math.Max(_readerPosition + ((long)(delay.TotalSeconds * BytesPerSecond) & ~1L), _file.Length);
            foreach (var (p, s) in _due)
            {
                position = Math.Max(position, p + (s.Length * 2L));
            }

            _due.Add((position, samples));
            return position;
        }
    }

    /// <summary>When the reader first read past byte <paramref name="position"/> (a timestamp), or null if not yet.</summary>
    public long? ReadAt(long position)
    {
        lock (_lock)
        {
            // Positions only grow between reopens: the first entry past the position by binary search.
            int low = 0, high = _reads.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_reads[middle].Position > position)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low < _reads.Count ? _reads[low].Timestamp : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stop.Dispose();
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Poll);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var position = ReadPosition();
            lock (_lock)
            {
                if (position is { } p)
                {
                    Track(p);
                }

                Feed();
            }
        }
    }

    private void Track(long position)
    {
        if (position < _readerPosition)
        {
            Reopens++;
            _reads.Clear();
        }

        if (position != _readerPosition || _reads.Count == 0)
        {
            _reads.Add((Stopwatch.GetTimestamp(), position));
        }

        if (position > _file.Length)
        {
            Underruns++;
        }

        _readerPosition = position;
    }

    private void Feed()
    {
        var target = _readerPosition + AheadBytes;
        while (_file.Length < target || (_due.Count > 0 && _due[0].Position <= _file.Length))
        {
            if (_due.Count > 0 && _due[0].Position <= _file.Length)
            {
                _file.Write(MemoryMarshal.AsBytes(_due[0].Samples.AsSpan()));
                _due.RemoveAt(0);
                continue;
            }

            var next = _due.Count > 0 ? Math.Min(target, _due[0].Position) : target;
            WriteSilence(Math.Max(next - _file.Length, 2));
        }

        _file.Flush();
    }

    private void WriteSilence(long bytes)
    {
        for (var left = bytes & ~1L; left > 0; left -= _silence.Length)
        {
            _file.Write(_silence, 0, (int)Math.Min(left, _silence.Length));
        }
    }

    /// <summary>
    /// The reader's offset in the file: the largest <c>pos:</c> among the process's read-only descriptors open on the file
    /// (from <c>/proc/PID/fdinfo</c>; the descriptors are looked up again every 100 ms and whenever one goes away).
    /// </summary>
    private long? ReadPosition()
    {
        if (_descriptors.Count == 0 || ++_polls % 25 == 0)
        {
            _descriptors = FindDescriptors();
        }

        long? best = null;
        foreach (var fd in _descriptors)
        {
            if (Pos(fd) is { } pos)
            {
                best = Math.Max(best ?? 0, pos);
            }
            else
            {
                _descriptors = [];
                break;
            }
        }

        return best;
    }

    private List<int> FindDescriptors()
    {
        var found = new List<int>();
        try
        {
            foreach (var link in Directory.EnumerateFileSystemEntries($"/proc/{_pid}/fd"))
            {
                try
                {
                    if (new FileInfo(link).LinkTarget == _path && int.TryParse(Path.GetFileName(link), CultureInfo.InvariantCulture, out var fd) &&
                        Flags(fd) is { } flags && (flags & 3) == 0)
                    {
                        found.Add(fd);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        _fdinfo = found.Count > 0 ? $"/proc/{_pid}/fdinfo/{found[0]}" : null;
        return found;
    }

    private long? Pos(int fd) => Field(fd, "pos:", 10);

    private long? Flags(int fd) => Field(fd, "flags:", 8);

    private long? Field(int fd, string name, int radix)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/fdinfo/{fd}"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    return Convert.ToInt64(line[name.Length..].Trim(), radix);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
