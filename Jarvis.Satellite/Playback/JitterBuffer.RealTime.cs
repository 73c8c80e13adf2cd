using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Audio;

namespace Jarvis.Satellite.Playback;

/// <summary>
/// Latency control by stream kind (the server's <c>stream</c> message). A real-time stream (PersonaPlex: its rate is the
/// model's clock) is held at the target at any depth: the lowest depth over a window above the target is dropped, a large
/// excess in one cross-faded cut, a small one frame by frame with quiet frames first; a depth beyond the target and a whole
/// packet by a cut's worth is a burst and is cut at once, without waiting for the window. A burst (a synthesised answer, an
/// earcon) is played whole. Always called with the gate held.
/// </summary>
public sealed partial class JitterBuffer
{
    private readonly short[] fade;
    private StreamKind? kind;
    private bool realTimePending;
    private uint realTimeFrom;
    private int windowMinSamples = int.MaxValue;
    private int windowFrames;
    private int dropBudget;
    private int quietWait;
    private long trimmedSamples;

    /// <summary>
    /// Link thread: the audio from the next packet on is of <paramref name="streamKind"/>. A burst takes effect at once
    /// (nothing queued is shortened); real time from the next packet pushed, so a burst still queued plays whole first.
    /// </summary>
    public void SetStreamKind(StreamKind streamKind)
    {
        lock (gate)
        {
            if (streamKind == StreamKind.Burst)
            {
                kind = StreamKind.Burst;
                realTimePending = false;
            }
            else if (kind != StreamKind.RealTime)
            {
                realTimePending = true;
            }
        }
    }

    /// <summary>A new link: the next server says its stream kinds itself (an older one never does).</summary>
    public void ForgetStreamKind()
    {
        lock (gate)
        {
            kind = null;
            realTimePending = false;
        }
    }

    private void StartPendingKind(uint sequence)
    {
        if (realTimePending)
        {
            realTimePending = false;
            kind = StreamKind.RealTime;
            realTimeFrom = sequence;
            RestartWindow();
            dropBudget = 0;
        }
    }

    private bool PlayingRealTime => kind == StreamKind.RealTime && (int)(expected - realTimeFrom) > 0;

    /// <summary>After <paramref name="frame"/> was read: measures the depth and drops what exceeds the target.</summary>
    private void HoldRealTimeTarget(Span<short> frame)
    {
        if (!PlayingRealTime || frame.Length > fade.Length)
        {
            RestartWindow();
            dropBudget = 0;
            return;
        }

        var target = (int)(TargetMilliseconds * rate / 1000);
        var burst = DepthSamples - target - lastPacketSamples;
        if (burst >= options.CutAtOnceMilliseconds * rate / 1000)
        {
            // Deeper than the target plus a whole packet by a cut's worth: a burst (the process or the network stalled and
            // caught up), never packet size. Cut it now rather than at the window's end: every frame waited is latency.
            Cut(frame, burst, frame.Length);
            dropBudget = 0;
            return;
        }

        windowMinSamples = Math.Min(windowMinSamples, DepthSamples);
        if (++windowFrames * frame.Length >= options.DepthWindowMilliseconds * rate / 1000)
        {
            var excess = windowMinSamples - target;
            dropBudget = excess > options.DriftToleranceMilliseconds * rate / 1000 ? excess : 0;
            RestartWindow();
            if (dropBudget >= options.CutAtOnceMilliseconds * rate / 1000)
            {
                Cut(frame, dropBudget, frame.Length);
                dropBudget = 0;
                return;
            }
        }

        if (dropBudget < frame.Length)
        {
            return;
        }

        if (PcmLevel.Dbfs(frame) < options.QuietFrameDbfs)
        {
            // A quiet frame goes almost whole: a short fade into the audio after it.
            Cut(frame, frame.Length, frame.Length / 4);
            dropBudget -= frame.Length;
        }
        else if (++quietWait > options.QuietWaitFrames)
        {
            Cut(frame, frame.Length, frame.Length);
            dropBudget -= frame.Length;
        }
    }

    /// <summary>
    /// Removes <paramref name="drop"/> samples (at least one frame) from the timeline after <paramref name="frame"/>'s
    /// start: the frame becomes a cross-fade over <paramref name="fadeSamples"/> from itself to the audio that follows the
    /// cut, then that audio, so both ends stay continuous.
    /// </summary>
    private void Cut(Span<short> frame, int drop, int fadeSamples)
    {
        var skip = drop - frame.Length;
        while (skip > 0 && Refill(frame.Length))
        {
            skip -= pcm.Read(scratch.AsSpan(0, Math.Min(skip, scratch.Length)));
        }

        var next = fade.AsSpan(0, frame.Length);
        var n = 0;
        while (n < next.Length && Refill(frame.Length))
        {
            n += pcm.Read(next[n..]);
        }

        var fadeLength = Math.Min(fadeSamples, n);
        for (var i = 0; i < fadeLength; i++)
        {
            var w = (i + 0.5f) / fadeSamples;
            frame[i] = (short)Math.Round((frame[i] * (1 - w)) + (next[i] * w));
        }

        next[fadeLength..n].CopyTo(frame[fadeLength..]);

        trimmedSamples += drop - skip - (frame.Length - n);
        quietWait = 0;
        RestartWindow();
    }

    /// <summary>Makes sure decoded samples are waiting; false when the queue is empty.</summary>
    private bool Refill(int frameSamples)
    {
        if (pcm.Count > 0)
        {
            return true;
        }

        return slots.Count > 0 && FillOne(frameSamples) && pcm.Count > 0;
    }

    private void RestartWindow()
    {
        windowMinSamples = int.MaxValue;
        windowFrames = 0;
    }
}
