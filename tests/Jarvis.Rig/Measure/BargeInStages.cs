using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Jarvis.Rig.Measure;

/// <summary>
/// Where one barge-in's stop went, in ms from the speech onset the satellite read (cumulative; null when the trace was not
/// found): the satellite's <c>voice_activity</c> start (stamped by its capture thread), the server receiving it, the
/// server deciding to interrupt the answer, the flush queued for the link, the satellite applying it to its jitter buffer,
/// and the speaker file going silent. The times come from the Debug traces of the server and the satellite, which stamp
/// the monotonic clock in µs (the same clock as the rig's <see cref="Stopwatch"/> on one machine).
/// </summary>
public sealed partial record BargeInStages(double? VoiceEvent, double? Received, double? Decision, double? FlushSent, double? SatelliteFlush, double SpeakerSilent)
{
    /// <summary>The log levels that turn the traces on (server, satellite).</summary>
    public static IReadOnlyDictionary<string, string> ServerLogging { get; } = new Dictionary<string, string>
    {
        ["Logging:LogLevel:Jarvis.Server.Satellites.SatelliteLink"] = "Debug",
        ["Logging:LogLevel:Jarvis.Server.Conversation"] = "Debug",
    };

    public static IReadOnlyDictionary<string, string> SatelliteLogging { get; } = new Dictionary<string, string>
    {
        ["Logging:LogLevel:Jarvis.Satellite.Link.LinkSession"] = "Debug",
    };

    /// <summary>The stages of the barge-in whose speech the satellite read at <paramref name="mouth"/>, silent at <paramref name="silent"/> (timestamps).</summary>
    public static BargeInStages Of(long mouth, long silent, string room, IEnumerable<string> serverLines, IEnumerable<string> satelliteLines)
    {
        var mouthUs = Microseconds(mouth);
        var server = serverLines.ToArray();
        // A capture period may reach the satellite before the rig logs its read.
        var voice = server.Select(l => VoiceStart().Match(l))
            .Where(m => m.Success && m.Groups[1].Value == room && Long(m, 2) >= mouthUs - 20_000)
            .Select(m => ((long?)Long(m, 2), (long?)Long(m, 3))).FirstOrDefault();
        var decision = First(server, Interrupted(), voice.Item2, room);
        var flush = First(server, FlushQueued(), decision, null);
        var applied = First(satelliteLines, Flushed(), flush, null);
        return new BargeInStages(Ms(mouthUs, voice.Item1), Ms(mouthUs, voice.Item2), Ms(mouthUs, decision), Ms(mouthUs, flush),
            Ms(mouthUs, applied), Stopwatch.GetElapsedTime(mouth, silent).TotalMilliseconds);
    }

    /// <summary>Per-stage p50/p95 of the increments (onset → voice event → server decision → flush sent → satellite flush → speaker silent).</summary>
    public static string Summary(IReadOnlyCollection<BargeInStages> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        string Step(string name, Func<BargeInStages, double?> from, Func<BargeInStages, double?> to)
        {
            var s = LatencySummary.Of(stages.Where(x => from(x) is not null && to(x) is not null).Select(x => to(x)!.Value - from(x)!.Value));
            return $"{name} {s.P50:0}/{s.P95:0}";
        }

        return string.Join(", ",
            Step("onset→voice event", _ => 0, s => s.VoiceEvent),
            Step("→server received", s => s.VoiceEvent, s => s.Received),
            Step("→decision", s => s.Received, s => s.Decision),
            Step("→flush sent", s => s.Decision, s => s.FlushSent),
            Step("→satellite flush", s => s.FlushSent, s => s.SatelliteFlush),
            Step("→speaker silent", s => s.SatelliteFlush, s => s.SpeakerSilent)) +
            $" ms (p50/p95, n={stages.Count}, traced {stages.Count(s => s.SatelliteFlush is not null)})";
    }

    private static long? First(IEnumerable<string> lines, Regex pattern, long? notBeforeUs, string? room)
    {
        if (notBeforeUs is not { } from)
        {
            return null;
        }

        foreach (var line in lines)
        {
            var m = pattern.Match(line);
            if (m.Success && (room is null || m.Groups[1].Value == room) && Long(m, 2) >= from)
            {
                return Long(m, 2);
            }
        }

        return null;
    }

    private static long Microseconds(long timestamp) => (long)(timestamp * (1_000_000.0 / Stopwatch.Frequency));

    private static double? Ms(long fromUs, long? toUs) => toUs is { } to ? (to - fromUs) / 1000.0 : null;

    private static long Long(Match m, int group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Voice Start in (\S+): satellite clock (\d+) \S+, received at (\d+)")]
    private static partial Regex VoiceStart();

    [GeneratedRegex(@"Answer in (\S+) interrupted at (\d+)")]
    private static partial Regex Interrupted();

    [GeneratedRegex(@"Playback flush \((Cut)\) queued for the link at (\d+)")]
    private static partial Regex FlushQueued();

    [GeneratedRegex(@"Playback flushed \((Cut)\) at (\d+)")]
    private static partial Regex Flushed();
}
