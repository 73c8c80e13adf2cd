namespace Jarvis.Satellite.Vad;

/// <summary>
/// Turns per-frame VAD decisions into voice start/stop with a score (fraction of voiced frames in the
/// window) and a hang-over, and meters the speech level (<see cref="Level"/>). While the speaker plays, a short run of
/// voiced frames also starts voice (<see cref="BargeInOnset"/>). Single thread, no allocation per frame.
/// </summary>
public sealed class VoiceActivityDetector
{
    private readonly IVoiceClassifier classifier;
    private readonly BargeInOnset bargeIn;
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
        bargeIn = new BargeInOnset(options, frameMilliseconds);
    }

    /// <summary>Speech level of the frames processed: the onset window at start, then the last window, and the utterance.</summary>
    public SpeechLevelMeter Level { get; }

    /// <summary>Fraction of voiced frames in the current window (0–1).</summary>
    public double Score => (double)voicedInWindow / window.Length;

    /// <summary>Mean score over the current (or last) utterance; reported with voice stop.</summary>
    public double UtteranceScore => scoreFrames == 0 ? 0 : scoreSum / scoreFrames;

    public bool IsActive { get; private set; }

    public bool LastFrameVoiced { get; private set; }

    /// <summary>The last start came from the barge-in onset (the speaker was playing), not from the window's score.</summary>
    public bool StartedOnBargeIn { get; private set; }

    /// <summary>A frame with nothing played (no barge-in onset).</summary>
    public VoiceActivityChange Process(ReadOnlySpan<short> frame) => Process(frame, frame, default);

    /// <summary>
    /// One captured frame after echo cancellation (<paramref name="frame"/>), the microphone frame it came from
    /// (<paramref name="mic"/>) and what the speaker played for it (<paramref name="played"/>, the echo reference).
    /// </summary>
    public VoiceActivityChange Process(ReadOnlySpan<short> frame, ReadOnlySpan<short> mic, ReadOnlySpan<short> played)
    {
        var voiced = classifier.IsVoiced(frame);
        bargeIn.Played(played);
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
            var onBargeIn = bargeIn.Add(voiced, frame, mic);
            if (Score >= startScore || onBargeIn)
            {
                IsActive = true;
                StartedOnBargeIn = Score < startScore;
                bargeIn.Reset();
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
        bargeIn.Reset();
    }
}
