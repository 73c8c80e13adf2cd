using System.Diagnostics;
using System.Globalization;

namespace Jarvis.Rig.Measure;

/// <summary>
/// Watches the rig's own process, where the emulators, the direct client, the microphone feeders and the speaker taps run
/// and take their timestamps: a dedicated thread that wakes every 2 ms notes when the whole process stood still (a garbage
/// collection, the machine's CPU taken), and a thread-pool timer every 5 ms notes when the pool's work waited (its threads
/// all busy or blocked). A phrase measured across such a stall measured the rig, not Jarvis.
/// </summary>
public sealed class StallWatch : IDisposable
{
    /// <summary>A wake-up this much later than asked is a stall.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(40);

    private readonly Lock _lock = new();
    private readonly List<(long At, double Ms, bool Pool)> _stalls = [];
    private readonly long _origin;
    private readonly Thread _thread;
    private readonly Timer _timer;
    private volatile bool _stopped;
    private long _lastTick;

    private StallWatch(long origin)
    {
        _origin = origin;
        _thread = new Thread(Watch) { IsBackground = true, Name = "rig stall watch" };
        _lastTick = Stopwatch.GetTimestamp();
        _timer = new Timer(_ => Tick(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Starts watching; times are reported as seconds since <paramref name="origin"/> (a timestamp).</summary>
    public static StallWatch Start(long origin)
    {
        var watch = new StallWatch(origin);
        watch._thread.Start();
        watch._timer.Change(5, 5);
        return watch;
    }

    /// <summary>"process 2 (max 61 ms at 12.3 s), pool 1 (max 740 ms at 15.1 s)" for the stalls between two timestamps.</summary>
    public string Describe(long from, long to)
    {
        lock (_lock)
        {
            return $"process {Part(false)}, thread pool {Part(true)}";

            string Part(bool pool)
            {
                var stalls = _stalls.Where(s => s.Pool == pool && s.At >= from && s.At <= to).ToList();
                if (stalls.Count == 0)
                {
                    return "0";
                }

                var worst = stalls.MaxBy(s => s.Ms);
                return string.Create(CultureInfo.InvariantCulture,
                    $"{stalls.Count} (max {worst.Ms:0} ms at {Stopwatch.GetElapsedTime(_origin, worst.At).TotalSeconds:0.0} s)");
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _timer.Dispose();
        _thread.Join();
    }

    private void Watch()
    {
        var last = Stopwatch.GetTimestamp();
        while (!_stopped)
        {
            Thread.Sleep(2);
            last = Note(last, TimeSpan.FromMilliseconds(2), pool: false);
        }
    }

    private void Tick()
    {
        var last = Interlocked.Read(ref _lastTick);
        Interlocked.Exchange(ref _lastTick, Note(last, TimeSpan.FromMilliseconds(5), pool: true));
    }

    /// <summary>Records a stall if <paramref name="last"/> was more than the period and <see cref="Threshold"/> ago; returns now.</summary>
    private long Note(long last, TimeSpan period, bool pool)
    {
        var now = Stopwatch.GetTimestamp();
        var late = Stopwatch.GetElapsedTime(last, now) - period;
        if (late >= Threshold)
        {
            lock (_lock)
            {
                _stalls.Add((last, late.TotalMilliseconds, pool));
            }
        }

        return now;
    }
}
