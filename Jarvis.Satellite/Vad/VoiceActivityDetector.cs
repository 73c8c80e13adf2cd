namespace Jarvis.Satellite.Vad;

/// <summary>
/// Turns per-frame VAD decisions into voice start/stop with a score (fraction of voiced frames in the
/// window) and a hang-over, and meters the speech level (<see cref="Level"/>). Single thread, no allocation per frame.
/// </summary>
public sealed class VoiceActivityDetector
{
    private readonly IVoiceClassifier classifier;
    private readonly bool[] window;
    private readonly double startScore;
    private readonly int hangoverFrames;
    private readonly int levelUpdateFrames;
    private int framesSinceLevel;
    private int windowPos;
    private int voicedInWindow;
    private int framesSinceVoiced = int.MaxValue / 2;
    private double scoreSum;
    private int scoreFrames;

    public VoiceActivityDetector(IVoiceClassifier classifier, VadOptions options, int frameMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.classifier = classifier;
        window = new bool[Math.Max(1, options.WindowMilliseconds / frameMilliseconds)];
        startScore = options.StartScore;
        hangoverFrames = Math.Max(1, options.HangoverMilliseconds / frameMilliseconds);
        levelUpdateFrames = Math.Max(1, options.LevelUpdateMilliseconds / frameMilliseconds);
        Level = new SpeechLevelMeter(options.LevelWindowMilliseconds / frameMilliseconds);
    }

    /// <summary>Speech level of the frames processed: the onset window at start, then the last window, and the utterance.</summary>
    public SpeechLevelMeter Level { get; }

    /// <summary>Fraction of voiced frames in the current window (0–1).</summary>
    public double Score => (double)voicedInWindow / window.Length;

    /// <summary>Mean score over the current (or last) utterance; reported with voice stop.</summary>
    public double UtteranceScore => scoreFrames == 0 ? 0 : scoreSum / scoreFrames;

    public bool IsActive { get; private set; }

    public bool LastFrameVoiced { get; private set; }

    public VoiceActivityChange Process(ReadOnlySpan<short> frame)
    {
        var voiced = classifier.IsVoiced(frame);
        LastFrameVoiced = voiced;
        Level.Add(frame, voiced);
        if (window[windowPos])
        {
            voicedInWindow--;
        }

        window[windowPos] = voiced;
        if (voiced)
        {
            voicedInWindow++;
        }

        windowPos = (windowPos + 1) % window.Length;
        framesSinceVoiced = voiced ? 0 : framesSinceVoiced + 1;

        if (!IsActive)
        {
            if (Score >= startScore)
            {
                IsActive = true;
                scoreSum = Score;
                scoreFrames = 1;
                framesSinceLevel = 0;
                Level.StartUtterance();
                return VoiceActivityChange.Started;
            }

            return VoiceActivityChange.None;
        }

        scoreSum += Score;
        scoreFrames++;
        if (framesSinceVoiced >= hangoverFrames)
        {
            IsActive = false;
            return VoiceActivityChange.Stopped;
        }

        if (++framesSinceLevel >= levelUpdateFrames && Level.HasRecentVoice)
        {
            // A pause (no voiced frame in the window) reports nothing: its level is the room's noise, not the speaker.
            framesSinceLevel = 0;
            return VoiceActivityChange.Level;
        }

        return VoiceActivityChange.None;
    }

    /// <summary>Forgets the window (after mute or a flush).</summary>
    public void Reset()
    {
        Array.Clear(window);
        voicedInWindow = 0;
        framesSinceVoiced = int.MaxValue / 2;
        IsActive = false;
        Level.Reset();
    }
}
