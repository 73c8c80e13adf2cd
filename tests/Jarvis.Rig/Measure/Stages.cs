using System.Diagnostics;
using Jarvis.PersonaPlex.Emulator;

namespace Jarvis.Rig.Measure;

/// <summary>
/// Where one phrase's mouth-to-ear went, split at the emulator (which runs in the rig's process, on the same clock): mouth →
/// the onset's packet arrives at PersonaPlex (capture frame, Opus, link, hub, PersonaPlex socket), → the page carrying the
/// echo onset is sent (the model's own step delay: the same for Jarvis and the direct client), → the echo onset is heard
/// (back through the hub and link, the satellite's jitter buffer, playback and the speaker file).
/// </summary>
/// <remarks>
/// <see cref="InPage"/> is where the echo onset lies in its 80 ms page: a speaker can play it no earlier than that after the
/// page arrives, so it is part of <see cref="Downlink"/> for both clients (the direct client's ear is the page's arrival
/// plus the onset's offset in the page). <see cref="Playout"/> = downlink − in-page: hub, link, jitter buffer, playback and the speaker file.
/// </remarks>
public sealed record Stages(double Uplink, double Model, double Downlink, double InPage)
{
    /// <summary>A 10 ms window at least this loud carries the phrase's onset (the rig's silence is digital zero).</summary>
    public const double OnsetDbfs = PcmLevel.OnsetDbfs;

    public double Playout => Downlink - InPage;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"uplink {Uplink:0}, model {Model:0}, downlink {Downlink:0} (onset in page {InPage:0})");

    /// <summary>
    /// The stages of the phrase said at <paramref name="mouth"/> and heard at <paramref name="ear"/> (timestamps), from the
    /// sessions' records; null when the emulator saw no onset between the two.
    /// </summary>
    public static Stages? Of(long mouth, long ear, IEnumerable<SessionRecord> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var records = sessions.ToArray();
        var earliest = mouth - (Stopwatch.Frequency / 50); // a capture period may reach the device before the rig logs it
        var arrival = records.SelectMany(s => s.InputArrivals)
            .Where(a => a.Timestamp >= earliest && a.Timestamp <= ear && a.LoudestDbfs >= OnsetDbfs)
            .Select(a => (long?)a.Timestamp).Min();
        if (arrival is not { } arrived)
        {
            return null;
        }

        var sent = records.SelectMany(s => s.Outputs)
            .Where(o => o.Sent >= arrived && o.Sent <= ear && o.LoudestDbfs >= OnsetDbfs)
            .OrderBy(o => o.Sent).FirstOrDefault();
        return sent.Sent != 0
            ? new Stages(Milliseconds(mouth, arrived), Milliseconds(arrived, sent.Sent), Milliseconds(sent.Sent, ear), Math.Max(0, sent.OnsetMilliseconds))
            : null;
    }

    /// <summary>"uplink p50 a / model p50 b / downlink p50 c ms" over <paramref name="stages"/>.</summary>
    public static string Summary(IReadOnlyCollection<Stages> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            return "no stages";
        }

        var up = LatencySummary.Of(stages.Select(s => s.Uplink));
        var model = LatencySummary.Of(stages.Select(s => s.Model));
        var down = LatencySummary.Of(stages.Select(s => s.Downlink));
        var page = LatencySummary.Of(stages.Select(s => s.InPage));
        var playout = LatencySummary.Of(stages.Select(s => s.Playout));
        return $"uplink {up.P50:0}/{up.P95:0}, model {model.P50:0}/{model.P95:0}, downlink {down.P50:0}/{down.P95:0} " +
            $"(onset in page {page.P50:0}/{page.P95:0}, playout {playout.P50:0}/{playout.P95:0}) ms (p50/p95, n={stages.Count})";
    }

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
