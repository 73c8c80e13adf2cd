namespace Jarvis.Server.Conversation;

/// <summary>
/// Finds the pause after a command in an utterance's decoded audio, frame by frame (20 ms), long before the satellite's voice
/// activity stop (its hangover is 800 ms, so that people who pause mid-sentence are not cut). A frame is voiced when it is
/// within <see cref="RelativeFloorDb"/> of the utterance's loudest frame and above <see cref="AbsoluteFloorDbfs"/>: relative,
/// because the satellite's audio after echo cancellation still carries room noise and the residue of the assistant's voice,
/// tens of dB below the talker. A pause counts only after <see cref="MinSpeechFrames"/> voiced frames; each pause is reported
/// once (<see cref="Update"/> returns true on the frame that completes it), and voice after it re-arms the detector.
/// </summary>
internal sealed class PauseDetector
{
    public const double RelativeFloorDb = 25;
    public const double AbsoluteFloorDbfs = -55;
    public const int MinSpeechFrames = 10;

    private readonly int _pauseFrames;
    private double _loudestDbfs = double.NegativeInfinity;
    private int _voicedFrames;
    private int _unvoicedRun;
    private int _voicedRun;
    private bool _reported;

    /// <param name="pauseFrames">Frames of silence that make a pause; 0 turns pause detection off (voiced frames are still counted).</param>
    public PauseDetector(int pauseFrames) => _pauseFrames = pauseFrames;

    /// <summary>Voiced frames since the last <see cref="Reset"/> (counted with the detector off too).</summary>
    public int VoicedFrames => _voicedFrames;

    /// <summary>Consecutive voiced frames up to the last one (0 when the last frame was silent).</summary>
    public int VoicedRun => _voicedRun;

    /// <summary>True while the audio is in a pause already reported.</summary>
    public bool InReportedPause => _reported && _unvoicedRun > 0;

    /// <summary>A new utterance: nothing heard yet (the loudest level is kept: it is the same talker in the same room).</summary>
    public void Reset()
    {
        _voicedFrames = 0;
        _unvoicedRun = 0;
        _voicedRun = 0;
        _reported = false;
    }

    /// <summary>One frame of 16-bit PCM; true when it completes a pause after enough speech.</summary>
    public bool Update(ReadOnlySpan<short> frame)
    {
        if (frame.IsEmpty)
        {
            return false;
        }

        var level = LevelDbfs(frame);
        _loudestDbfs = Math.Max(_loudestDbfs, level);
        if (level >= AbsoluteFloorDbfs && level >= _loudestDbfs - RelativeFloorDb)
        {
            _voicedFrames++;
            _voicedRun++;
            _unvoicedRun = 0;
            _reported = false;
            return false;
        }

        _voicedRun = 0;
        _unvoicedRun++;
        if (_pauseFrames <= 0 || _reported || _voicedFrames < MinSpeechFrames || _unvoicedRun < _pauseFrames)
        {
            return false;
        }

        _reported = true;
        return true;
    }

    private static double LevelDbfs(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += (double)sample * sample;
        }

        var rms = Math.Sqrt(sum / frame.Length) / 32768.0;
        return rms <= 1e-10 ? -200 : 20 * Math.Log10(rms);
    }
}
