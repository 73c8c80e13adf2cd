namespace Jarvis.Satellite.Audio;

/// <summary>Thread-safe frame and xrun counters of one audio stream.</summary>
public sealed class AudioStreamCounters
{
    private long frames;
    private long overruns;
    private long underruns;

    public long Frames => Interlocked.Read(ref frames);

    /// <summary>Capture: the device dropped input because we read too late.</summary>
    public long Overruns => Interlocked.Read(ref overruns);

    /// <summary>Playback: the device ran dry because we wrote too late.</summary>
    public long Underruns => Interlocked.Read(ref underruns);

    internal void AddFrame() => Interlocked.Increment(ref frames);

    internal void AddOverrun() => Interlocked.Increment(ref overruns);

    internal void AddUnderrun() => Interlocked.Increment(ref underruns);

    public override string ToString() => $"frames={Frames} overruns={Overruns} underruns={Underruns}";
}
