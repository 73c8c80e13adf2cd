using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Jarvis.Server.Status;

/// <summary>
/// The server's metrics, written as Prometheus text (exposition format 0.0.4) at <c>/metrics</c>. Instruments are created once
/// (at start) and updated lock-free; a series is a metric name plus a label string such as <c>direction="uplink"</c>.
/// </summary>
public sealed class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, Family> _families = new(StringComparer.Ordinal);

    public MetricCounter Counter(string name, string help, string labels = "") =>
        (MetricCounter)Series(name, help, "counter", labels, () => new MetricCounter());

    public LatencyHistogram Histogram(string name, string help, string labels = "") =>
        (LatencyHistogram)Series(name, help, "histogram", labels, () => new LatencyHistogram());

    /// <summary>A gauge read when metrics are scraped.</summary>
    public void Gauge(string name, string help, Func<double> read, string labels = "") =>
        Series(name, help, "gauge", labels, () => read);

    /// <summary>Every histogram series, for the status page's recent latencies.</summary>
    public IEnumerable<(string Name, string Labels, LatencyHistogram Histogram)> Histograms() =>
        _families.Values.Where(f => f.Type == "histogram")
            .SelectMany(f => f.Series.Select(s => (f.Name, s.Key, (LatencyHistogram)s.Value)));

    public string WriteText()
    {
        var text = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {family.Name} {family.Help}\n# TYPE {family.Name} {family.Type}\n");
            foreach (var (labels, instrument) in family.Series.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var braces = labels.Length > 0 ? $"{{{labels}}}" : "";
                switch (instrument)
                {
                    case MetricCounter counter:
                        text.Append(CultureInfo.InvariantCulture, $"{family.Name}{braces} {counter.Value}\n");
                        break;
                    case Func<double> gauge:
                        text.Append(CultureInfo.InvariantCulture, $"{family.Name}{braces} {gauge():R}\n");
                        break;
                    case LatencyHistogram histogram:
                        histogram.WriteTo(text, family.Name, labels);
                        break;
                }
            }
        }

        return text.ToString();
    }

    private object Series(string name, string help, string type, string labels, Func<object> create)
    {
        var family = _families.GetOrAdd(name, n => new Family(n, help, type));
        if (family.Type != type)
        {
            throw new InvalidOperationException($"Metric {name} is already registered as a {family.Type}, not a {type}.");
        }

        return family.Series.GetOrAdd(labels, _ => create());
    }

    private sealed record Family(string Name, string Help, string Type)
    {
        public ConcurrentDictionary<string, object> Series { get; } = new(StringComparer.Ordinal);
    }
}
