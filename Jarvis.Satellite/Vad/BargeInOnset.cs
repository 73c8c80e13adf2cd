using Jarvis.Satellite.Audio;

namespace Jarvis.Satellite.Vad;

/// <summary>
/// The fast voice onset while the satellite plays audio (the user speaking over an answer: barge-in):
/// <see cref="VadOptions.BargeInOnsetMilliseconds"/> of consecutive voiced frames, each at or above
/// <see cref="VadOptions.BargeInMinLevelDbfs"/> after echo cancellation and cut by less than
/// <see cref="VadOptions.BargeInEchoMarginDb"/> by the canceller (the speaker's own echo is cut by more). Playing means an
/// audible frame went to the speaker within the last <see cref="PlaybackHoldMilliseconds"/> (a pause between sentences,
/// the room's echo tail). Single thread, no allocation.
/// </summary>
public sealed class BargeInOnset
{
    /// <summary>A frame sent to the speaker at or above this level (RMS dBFS) is audio playing.</summary>
    public const double AudibleDbfs = -60;

    /// <summary>How long after the last audible frame the satellite still counts as playing.</summary>
    public const int PlaybackHoldMilliseconds = 1000;

    private readonly int onsetFrames;
    private readonly int holdFrames;
    private readonly double minLevelDbfs;
    private readonly double echoMarginDb;
    private int framesSincePlayed = int.MaxValue / 2;
    private int run;

    public BargeInOnset(VadOptions options, int frameMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameMilliseconds);
        onsetFrames = (options.BargeInOnsetMilliseconds + frameMilliseconds - 1) / frameMilliseconds;
        holdFrames = Math.Max(1, PlaybackHoldMilliseconds / frameMilliseconds);
        minLevelDbfs = options.BargeInMinLevelDbfs;
        echoMarginDb = options.BargeInEchoMarginDb;
    }

    /// <summary>The speaker played audio recently: the fast onset applies.</summary>
    public bool Playing => framesSincePlayed < holdFrames;

    /// <summary>What went to the speaker for the frame being captured (the echo reference; empty or zeros: nothing).</summary>
    public void Played(ReadOnlySpan<short> played)
    {
        framesSincePlayed = PcmLevel.Dbfs(played) >= AudibleDbfs ? 0 : Math.Min(framesSincePlayed + 1, int.MaxValue / 2);
    }

    /// <summary>
    /// One captured frame: whether the VAD found it voiced, after (<paramref name="clean"/>) and before
    /// (<paramref name="mic"/>) echo cancellation. True when it completes a barge-in onset.
    /// </summary>
    public bool Add(bool voiced, ReadOnlySpan<short> clean, ReadOnlySpan<short> mic)
    {
        if (onsetFrames == 0 || !voiced || !Playing)
        {
            run = 0;
            return false;
        }

        var level = PcmLevel.Dbfs(clean);
        var counts = level >= minLevelDbfs && level > PcmLevel.Dbfs(mic) - echoMarginDb;
        run = counts ? run + 1 : 0;
        return run >= onsetFrames;
    }

    /// <summary>Forgets the frames counted so far (voice started, mute, a flush).</summary>
    public void Reset() => run = 0;
}
