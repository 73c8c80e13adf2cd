using System.Globalization;
using Jarvis.Rig.Household;
using Jarvis.Rig.Scenarios;
using Jarvis.Server.Tests.Rig;

namespace Jarvis.Bench.Household;

/// <summary>
/// <c>harness household [--scenario warm|prompt|rotation|ondemand|rooms|followme|bargein|all] [--phrases 12] [--minutes N]
/// [--compute-ms 60] [--rooms N]</c>: the real-time rig (docs/realtime-rig.md). Latency scenarios print mouth-to-ear
/// p50/p95/max through Jarvis and for the direct client of the same run, their difference, the satellite's jitter-buffer
/// depth and the load average; <c>--minutes N</c> holds one long conversation and compares its first and last minute.
/// </summary>
internal static class HouseholdHarness
{
    private static readonly string[] LatencyScenarios = ["warm", "prompt", "rotation", "ondemand"];
    private static readonly string[] OtherScenarios = ["rooms", "followme", "bargein"];

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = Option(args, "--scenario", "warm");
        var phrases = int.Parse(Option(args, "--phrases", "12"), CultureInfo.InvariantCulture);
        var minutes = double.Parse(Option(args, "--minutes", "0"), CultureInfo.InvariantCulture);
        var compute = TimeSpan.FromMilliseconds(double.Parse(Option(args, "--compute-ms", "0"), CultureInfo.InvariantCulture));
        var rooms = int.Parse(Option(args, "--rooms", "3"), CultureInfo.InvariantCulture);
        var selected = scenario == "all" ? [.. LatencyScenarios, .. OtherScenarios] : scenario.Split(',');
        var lines = new List<string>();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        foreach (var name in selected)
        {
            try
            {
                if (!await RunScenarioAsync(name, phrases, minutes, compute, rooms, lines, cancel.Token).ConfigureAwait(false))
                {
                    Console.Error.WriteLine("household: --scenario warm|prompt|rotation|ondemand|rooms|followme|bargein|all (comma-separated allowed)");
                    return 2;
                }
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                // One scenario that cannot run (e.g. the emulator falls behind on an overloaded machine) does not hide the others.
                lines.Add($"{name,-28} FAILED: {e.Message.Split(Environment.NewLine)[0]}");
                Console.Error.WriteLine(e.Message);
            }
        }

        Console.WriteLine($"household: mouth-to-ear (speech onset read from the mic file → echo onset in the speaker file), model time per frame {compute.TotalMilliseconds:0} ms");
        Console.WriteLine($"{"scenario",-28} {"Jarvis p50/p95/max",20} {"direct p50/p95/max",20} {"Δp95",6} {"lost",4} {"jb p50/max",11}  load");
        lines.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<bool> RunScenarioAsync(string name, int phrases, double minutes, TimeSpan compute, int rooms, List<string> lines, CancellationToken cancellationToken)
    {
        if (LatencyScenarios.Contains(name))
        {
            var start = Enum.Parse<ConversationStart>(name, ignoreCase: true);
            await using var household = await Rig.Household.Household.StartAsync(LatencyScenario.Options(start, compute), cancellationToken).ConfigureAwait(false);
            if (minutes > 0)
            {
                var (first, last) = await LatencyScenario.RunLongAsync(household, start, TimeSpan.FromMinutes(minutes), cancellationToken).ConfigureAwait(false);
                lines.Add(Row($"{name} {minutes:0} min: first minute", first));
                lines.Add(Row($"{name} {minutes:0} min: last minute", last));
                lines.Add($"  last minute − first minute, through Jarvis: p50 {last.Jarvis.P50 - first.Jarvis.P50:+0;-0} ms, p95 {last.Jarvis.P95 - first.Jarvis.P95:+0;-0} ms");
            }
            else
            {
                var result = await LatencyScenario.RunAsync(household, start, phrases, cancellationToken).ConfigureAwait(false);
                lines.Add(Row(name, result));
                Console.WriteLine($"  {name} jitter buffer over time (s:ms): {result.JitterTimeline}");
                lines.Add($"  stages through Jarvis: {result.JarvisStages}; arrival jitter p50 {result.ArrivalJitterP50:0.0} ms");
                lines.Add($"  stages direct:         {result.DirectStages}");
            }
        }
        else if (name == "rooms")
        {
            lines.AddRange(await RoomScenarios.ArbitrationTableAsync(rooms, cancellationToken).ConfigureAwait(false));
        }
        else if (name == "followme")
        {
            lines.AddRange(await RoomScenarios.FollowMeTableAsync(cancellationToken).ConfigureAwait(false));
        }
        else if (name == "bargein")
        {
            foreach (var mode in new[] { "Duplex", "Pipeline" })
            {
                await using var scenario = await BargeInScenario.StartAsync(mode).ConfigureAwait(false);
                await using var household = await Rig.Household.Household.StartAsync(scenario.Options(), cancellationToken).ConfigureAwait(false);
                var results = await scenario.RunAsync(household, phrases, cancellationToken).ConfigureAwait(false);
                lines.Add($"bargein (TTS deep answer, {mode.ToLowerInvariant()}): {BargeInScenario.Summary(results)}, load {LoadAverage.Now}");
                Console.WriteLine(lines[^1]); // at once: a later scenario that fails must not hide it
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    private static string Row(string name, LatencyResult r) =>
        $"{name,-28} {$"{r.Jarvis.P50:0}/{r.Jarvis.P95:0}/{r.Jarvis.Max:0}",20} {$"{r.Direct.P50:0}/{r.Direct.P95:0}/{r.Direct.Max:0}",20} {r.DifferenceP95,6:0} {r.Missing,4} {$"{r.JitterP50:0}/{r.JitterMax:0}",11}  {r.Load}";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
