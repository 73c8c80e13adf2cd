using Jarvis.Server.Status;

namespace Jarvis.Server.Tests.Status;

public sealed class MetricsTextTests
{
    [Fact]
    public void Histograms_are_written_as_cumulative_prometheus_buckets_with_sum_and_count()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.Histogram("jarvis_test_seconds", "A test", "direction=\"uplink\"");
        histogram.Observe(0.0002);
        histogram.Observe(0.003);
        histogram.Observe(20);

        var lines = registry.WriteText().Split('\n');

        Assert.Contains("# HELP jarvis_test_seconds A test", lines);
        Assert.Contains("# TYPE jarvis_test_seconds histogram", lines);
        Assert.Contains("jarvis_test_seconds_bucket{direction=\"uplink\",le=\"0.0001\"} 0", lines);
        Assert.Contains("jarvis_test_seconds_bucket{direction=\"uplink\",le=\"0.00025\"} 1", lines);
        Assert.Contains("jarvis_test_seconds_bucket{direction=\"uplink\",le=\"0.005\"} 2", lines);
        Assert.Contains("jarvis_test_seconds_bucket{direction=\"uplink\",le=\"10\"} 2", lines);
        Assert.Contains("jarvis_test_seconds_bucket{direction=\"uplink\",le=\"+Inf\"} 3", lines);
        Assert.Contains("jarvis_test_seconds_count{direction=\"uplink\"} 3", lines);
        Assert.Contains(lines, l => l.StartsWith("jarvis_test_seconds_sum{direction=\"uplink\"} 20.0032", StringComparison.Ordinal));
    }

    [Fact]
    public void Counters_and_gauges_share_one_help_line_per_metric()
    {
        var registry = new MetricsRegistry();
        registry.Counter("jarvis_packets_total", "Packets", "direction=\"uplink\"").Add(5);
        registry.Counter("jarvis_packets_total", "Packets", "direction=\"downlink\"").Increment();
        registry.Gauge("jarvis_rooms", "Rooms", () => 3);

        var text = registry.WriteText();

        Assert.Single(text.Split('\n'), l => l == "# TYPE jarvis_packets_total counter");
        Assert.Contains("jarvis_packets_total{direction=\"downlink\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("jarvis_packets_total{direction=\"uplink\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE jarvis_rooms gauge\njarvis_rooms 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantiles_are_interpolated_within_buckets()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 99; i++)
        {
            histogram.Observe(0.0003);
        }

        histogram.Observe(0.02);

        Assert.InRange(histogram.Quantile(0.5), 0.00025, 0.0005);
        Assert.InRange(histogram.Quantile(1.0), 0.01, 0.025);
        Assert.Equal(0, new LatencyHistogram().Quantile(0.99));
    }

    [Fact]
    public void Observing_allocates_nothing()
    {
        var histogram = new LatencyHistogram();
        histogram.Observe(0.001);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            histogram.Observe(i * 1e-6);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
