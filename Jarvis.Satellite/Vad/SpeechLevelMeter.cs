using Jarvis.Satellite.Audio;

namespace Jarvis.Satellite.Vad;

/// <summary>
/// The speech level (RMS dBFS of the voiced frames, after echo cancellation) over a recent window and over the current
/// utterance: what tells the server which room hears the speaker best. Single thread, no allocation per frame.
/// </summary>
public sealed class SpeechLevelMeter
{
    /// <summary>Mean square per frame (full scale 1).</summary>
    private readonly double[] energies;
    private readonly bool[] voiced;
    private int position;
    private int filled;
    private double utteranceEnergy;
    private long utteranceFrames;

    /// <param name="windowFrames">Frames in the recent window (the voice onset when speech starts).</param>
    public SpeechLevelMeter(int windowFrames)
    {
        energies = new double[Math.Max(1, windowFrames)];
        voiced = new bool[energies.Length];
    }

    /// <summary>True when the recent window holds a voiced frame.</summary>
    public bool HasRecentVoice => Array.IndexOf(voiced, true, 0, filled) >= 0;

    /// <summary>Level of the voiced frames in the recent window (of every frame there when none was voiced).</summary>
    public double RecentDbfs
    {
        get
        {
            double voicedEnergy = 0, allEnergy = 0;
            var voicedFrames = 0;
            for (var i = 0; i < filled; i++)
            {
                allEnergy += energies[i];
                if (voiced[i])
                {
                    voicedEnergy += energies[i];
                    voicedFrames++;
                }
            }

            return voicedFrames > 0
                ? PcmLevel.Dbfs(voicedEnergy, voicedFrames)
                : PcmLevel.Dbfs(allEnergy, filled);
        }
    }

    /// <summary>Level of the voiced frames since <see cref="StartUtterance"/> (the recent level when none was voiced).</summary>
    public double UtteranceDbfs =>
        utteranceFrames > 0 ? PcmLevel.Dbfs(utteranceEnergy, utteranceFrames) : RecentDbfs;

    /// <summary>One frame and whether the VAD found it voiced.</summary>
    public void Add(ReadOnlySpan<short> frame, bool isVoiced)
    {
        var energy = frame.IsEmpty ? 0 : PcmLevel.Energy(frame) / frame.Length;
        energies[position] = energy;
        voiced[position] = isVoiced;
        position = (position + 1) % energies.Length;
        filled = Math.Min(filled + 1, energies.Length);
        if (isVoiced)
        {
            utteranceEnergy += energy;
            utteranceFrames++;
        }
    }

    /// <summary>Speech started: the utterance level counts from the voiced frames of the onset window.</summary>
    public void StartUtterance()
    {
        utteranceEnergy = 0;
        utteranceFrames = 0;
        for (var i = 0; i < filled; i++)
        {
            if (voiced[i])
            {
                utteranceEnergy += energies[i];
                utteranceFrames++;
            }
        }
    }

    /// <summary>Forgets everything (after mute).</summary>
    public void Reset()
    {
        Array.Clear(voiced);
        filled = 0;
        position = 0;
        utteranceEnergy = 0;
        utteranceFrames = 0;
    }
}
