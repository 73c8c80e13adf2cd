namespace Jarvis.Rig.Household;

/// <summary>The satellites' jitter-buffer depth (<c>jitter_buffer_ms</c> from their link stats, as the status API shows it) over time.</summary>
public sealed class JitterSamples
{
    private readonly Lock _lock = new();
    private readonly List<(TimeSpan At, string Room, double Milliseconds)> _samples = [];

    public void Add(TimeSpan at, string room, double milliseconds)
    {
        lock (_lock)
        {
            _samples.Add((at, room, milliseconds));
        }
    }

    /// <summary>Samples of <paramref name="room"/> taken between <paramref name="since"/> and <paramref name="until"/>.</summary>
    public IReadOnlyList<double> Of(string room, TimeSpan since, TimeSpan until)
    {
        lock (_lock)
        {
            return [.. _samples.Where(s => s.Room == room && s.At >= since && s.At <= until).Select(s => s.Milliseconds)];
        }
    }

    /// <summary>p50 and max over the samples of <paramref name="room"/> between <paramref name="since"/> and <paramref name="until"/>.</summary>
    public (double P50, double Max) Summary(string room, TimeSpan since, TimeSpan until)
    {
        var values = Of(room, since, until).Order().ToArray();
        return values.Length == 0 ? (double.NaN, double.NaN) : (values[(values.Length - 1) / 2], values[^1]);
    }

    /// <summary>The depth over time, one "t=12.5s:40" per sample.</summary>
    public string Timeline(string room, TimeSpan since, TimeSpan until)
    {
        lock (_lock)
        {
            return string.Join(' ', _samples.Where(s => s.Room == room && s.At >= since && s.At <= until).Select(s => $"{s.At.TotalSeconds:0.0}s:{s.Milliseconds:0}"));
        }
    }
}
