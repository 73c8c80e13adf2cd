namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <summary>
/// One echo benchmark signal set at 16 kHz: what the speaker played (<see cref="Far"/>), what the microphone heard
/// (<see cref="Mic"/> = <see cref="Echo"/> + <see cref="Near"/> + noise) and the parts kept apart for the measures.
/// Timeline: far end talks 0–13 s; the near-end talker speaks over it at 7 s (double talk) and alone at 14 s.
/// </summary>
public sealed class EchoCase
{
    public const int Rate = 16000;
    public const int Frame = 320;

    public EchoCase(string name, short[] far, short[] echo, short[] near, short[] mic, int nearLength, double? pathChangeSeconds = null)
    {
        Name = name;
        Far = far;
        Echo = echo;
        Near = near;
        Mic = mic;
        NearLength = nearLength;
        PathChangeSeconds = pathChangeSeconds;
    }

    public string Name { get; }

    public short[] Far { get; }

    public short[] Echo { get; }

    public short[] Near { get; }

    public short[] Mic { get; }

    /// <summary>Samples of near-end speech in each of its two turns.</summary>
    public int NearLength { get; }

    /// <summary>When the echo path changes (the speaker is moved), if it does.</summary>
    public double? PathChangeSeconds { get; }

    /// <summary>Far end alone, after the first convergence (before any path change).</summary>
    public Range FarOnly => At(3)..At(PathChangeSeconds ?? 7);

    public Range DoubleTalk => At(7)..(At(7) + NearLength);

    public Range NearAlone => At(14)..(At(14) + NearLength);

    public static int At(double seconds) => (int)(seconds * Rate);
}
