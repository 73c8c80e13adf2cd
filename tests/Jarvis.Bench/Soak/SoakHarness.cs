using System.Globalization;
using Jarvis.Server.Tests.Soak;

namespace Jarvis.Bench.Soak;

/// <summary>
/// <c>harness soak [--duration 30m] [--rate 48] [--seed 1] [--rooms 3] [--fault-every 75s] [--down 5s] [--longest-cut 30s]
/// [--without KIND[,KIND]] [--warm-up 1m] [--no-real-satellite] [--report FILE]</c>: the accelerated soak with injected faults
/// (docs/reliability.md).
/// </summary>
internal static class SoakHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        SoakOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"harness soak: {ex.Message}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var report = await SoakRun.RunAsync(options, Console.Out, cancel.Token);
        var text = report.ToText();
        Console.WriteLine(text);
        if (Option(args, "--report") is { } file)
        {
            await File.WriteAllTextAsync(file, text);
        }

        return report.Crashes == 0 && report.Unrecovered.Count == 0 && report.DuplicatedCalls == 0 && report.LostCalls == 0 ? 0 : 1;
    }

    private static SoakOptions Parse(string[] args) => new()
    {
        Duration = Time(Option(args, "--duration"), TimeSpan.FromMinutes(30)),
        Rate = double.Parse(Option(args, "--rate") ?? "48", CultureInfo.InvariantCulture),
        Seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture),
        Rooms = int.Parse(Option(args, "--rooms") ?? "3", CultureInfo.InvariantCulture),
        FaultEvery = Option(args, "--fault-every") is { } every ? Time(every, TimeSpan.Zero) : null,
        DownTime = Time(Option(args, "--down"), TimeSpan.FromSeconds(5)),
        LongestCut = Time(Option(args, "--longest-cut"), TimeSpan.FromSeconds(30)),
        RealSatellite = !args.Contains("--no-real-satellite"),
        FaultKinds = SoakOptions.FaultKindsWithout(Option(args, "--without") ?? ""),
        WarmUp = Time(Option(args, "--warm-up"), TimeSpan.FromMinutes(1)),
    };

    /// <summary><c>90s</c>, <c>30m</c>, <c>2h</c> or a TimeSpan (<c>00:30:00</c>).</summary>
    private static TimeSpan Time(string? value, TimeSpan fallback) => value switch
    {
        null => fallback,
        _ when value.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(value[..^1], CultureInfo.InvariantCulture)),
        _ when value.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(value[..^1], CultureInfo.InvariantCulture)),
        _ when value.EndsWith('h') => TimeSpan.FromHours(double.Parse(value[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.Parse(value, CultureInfo.InvariantCulture),
    };

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
