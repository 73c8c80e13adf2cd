using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Uplink;
using Jarvis.Satellite.Vad;

namespace Jarvis.Satellite.Audio;

/// <summary>
/// Microphone → echo cancellation → VAD → uplink, on one thread. Muted audio is dropped right after
/// capture. Streams while voice is present (pre-roll first) or while the server holds a conversation.
/// No allocation per frame.
/// </summary>
public sealed class CapturePipeline
{
    private readonly IAudioCapture capture;
    private readonly IEchoCanceller echo;
    private readonly EchoReference reference;
    private readonly VoiceActivityDetector vad;
    private readonly PreRollBuffer preRoll;
    private readonly IVoiceUplink uplink;
    private readonly SatelliteEvents events;
    private readonly SatelliteStatus status;
    private readonly MonotonicClock clock;
    private readonly EchoDelayEstimator? delayEstimator;
    private volatile int estimatedEchoDelay = -1;
    private readonly short[] mic;
    private readonly short[] played;
    private readonly short[] clean;
    private bool streaming;
    private bool wasMuted;
    private long lastFrameTimestamp;

    public CapturePipeline(
        IAudioCapture capture, IEchoCanceller echo, EchoReference reference, VoiceActivityDetector vad, PreRollBuffer preRoll,
        IVoiceUplink uplink, SatelliteEvents events, SatelliteStatus status, MonotonicClock clock, EchoDelayEstimator? delayEstimator = null)
    {
        this.clock = clock;
        this.delayEstimator = delayEstimator;
        ArgumentNullException.ThrowIfNull(capture);
        this.capture = capture;
        this.echo = echo;
        this.reference = reference;
        this.vad = vad;
        this.preRoll = preRoll;
        this.uplink = uplink;
        this.events = events;
        this.status = status;
        mic = new short[capture.FrameSamples];
        played = new short[capture.FrameSamples];
        clean = new short[capture.FrameSamples];
    }

    /// <summary>Frames processed (the watchdog checks that this keeps moving).</summary>
    public long Frames { get; private set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the last processed frame.</summary>
    public long LastFrameTimestamp => Volatile.Read(ref lastFrameTimestamp);

    public bool Streaming => streaming;

    /// <summary>Echo delay found by the estimator (ms), or -1 while unknown; re-estimated every 5 s.</summary>
    public int EstimatedEchoDelayMilliseconds => estimatedEchoDelay;

    /// <summary>Runs until the source ends or <paramref name="cancellationToken"/> fires.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && capture.ReadFrame(mic, cancellationToken))
        {
            ProcessFrame();
        }

        StopStreaming();
    }

    /// <summary>One captured frame (in <c>mic</c>) through the chain; exposed for the benchmark.</summary>
    internal void ProcessFrame()
    {
        Frames++;
        Volatile.Write(ref lastFrameTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        reference.Take(played);
        if (status.Muted)
        {
            OnMuted();
            return;
        }

        wasMuted = false;
        EstimateEchoDelay();
        echo.Process(mic, played, clean);
        var change = vad.Process(clean, mic, played);
        if (change == VoiceActivityChange.Started)
        {
            events.Publish(new SatelliteEvent(SatelliteEventKind.VoiceStarted, clock.NowUs, vad.Score, LevelDbfs: vad.Level.RecentDbfs));
        }
        else if (change == VoiceActivityChange.Level)
        {
            events.Publish(new SatelliteEvent(SatelliteEventKind.VoiceLevel, clock.NowUs, vad.Score, LevelDbfs: vad.Level.RecentDbfs));
        }
        else if (change == VoiceActivityChange.Stopped)
        {
            events.Publish(new SatelliteEvent(SatelliteEventKind.VoiceStopped, clock.NowUs, vad.UtteranceScore, LevelDbfs: vad.Level.UtteranceDbfs));
        }

        var inConversation = status.ConversationActive;
        var shouldStream = vad.IsActive || inConversation;
        if (shouldStream && !streaming)
        {
            streaming = true;
            for (var i = 0; i < preRoll.Count; i++)
            {
                uplink.SendFrame(preRoll[i], inConversation);
            }

            preRoll.Clear();
        }
        else if (!shouldStream && streaming)
        {
            StopStreaming();
        }

        if (streaming)
        {
            uplink.SendFrame(clean, inConversation);
        }
        else
        {
            preRoll.Push(clean);
        }
    }

    internal Span<short> MicBuffer => mic;

    private void EstimateEchoDelay()
    {
        if (delayEstimator is null)
        {
            return;
        }

        delayEstimator.Add(played, mic);
        if (Frames % 250 == 0 && delayEstimator.TryEstimate(out var delay, out _))
        {
            estimatedEchoDelay = delay;
        }
    }

    private void OnMuted()
    {
        if (wasMuted)
        {
            return;
        }

        wasMuted = true;
        Array.Clear(mic);
        if (vad.IsActive)
        {
            events.Publish(new SatelliteEvent(SatelliteEventKind.VoiceStopped, clock.NowUs, vad.UtteranceScore, LevelDbfs: vad.Level.UtteranceDbfs));
        }

        vad.Reset();
        preRoll.Clear();
        StopStreaming();
    }

    private void StopStreaming()
    {
        if (streaming)
        {
            streaming = false;
            uplink.EndOfStream();
        }
    }
}
