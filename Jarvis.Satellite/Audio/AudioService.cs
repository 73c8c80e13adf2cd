using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Uplink;
using Jarvis.Satellite.Vad;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Audio;

/// <summary>
/// Opens the devices and runs capture and playback on two dedicated threads; when a device fails it shows the
/// error LED and reopens after a pause (the satellite runs unattended for months).
/// </summary>
public sealed partial class AudioService(
    IOptions<AudioOptions> audio, IOptions<EchoCancellerOptions> echo, IOptions<VadOptions> vad, IAudioDeviceFactory devices,
    AudioDeviceCounters counters, EchoReference reference, IVoiceUplink uplink, JitterBuffer jitter, PlaybackVolume volume,
    SatelliteEvents events, SatelliteStatus status, MuteController mute, MonotonicClock clock, TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly ILogger logger = loggers.CreateLogger<AudioService>();
    private volatile CapturePipeline? capture;

    /// <summary>The running capture pipeline (null while the devices are being opened); the watchdog checks it.</summary>
    public CapturePipeline? Capture => capture;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        mute.Restore();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunOnceAsync(stoppingToken).ConfigureAwait(false))
                {
                    LogSourceEnded();
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (AudioDeviceException e)
            {
                LogDeviceFailed(e.Message, RetryDelay.TotalSeconds);
                status.SetError(true);
                capture = null;
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs until cancelled (true) or until the capture source ends (false).</summary>
    private async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var a = audio.Value;
        using var mic = devices.OpenCapture();
        using var speaker = devices.OpenPlayback();
        counters.Capture = mic.Counters;
        counters.Playback = speaker?.Counters;
        status.SetError(false);
        using var canceller = EchoCancellerFactory.Create(a.SampleRate, a.FrameSamples, speaker is null ? new EchoCancellerOptions { Enabled = false } : echo.Value, logger);
        using var classifier = CreateClassifier(a.SampleRate);
        var detector = new VoiceActivityDetector(classifier, vad.Value, a.FrameMilliseconds);
        var preRoll = new PreRollBuffer(a.FrameSamples, vad.Value.PreRollMilliseconds / a.FrameMilliseconds);
        reference.Reset();
        var pipeline = new CapturePipeline(mic, canceller, reference, detector, preRoll, uplink, events, status, clock,
            canceller.IsActive ? new EchoDelayEstimator(a.FrameMilliseconds) : null);
        capture = pipeline;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var captureDone = AudioThread.Start("jarvis-capture", () => pipeline.Run(stop.Token));
        var playbackDone = speaker is null
            ? Task.Delay(Timeout.Infinite, stop.Token)
            : AudioThread.Start("jarvis-playback", () => new PlaybackPipeline(speaker, jitter, volume, reference).Run(stop.Token));
        var watch = WatchAsync(pipeline, canceller.ReachMilliseconds, speaker?.Counters, stop.Token);
        LogListening(a.InputDevice ?? "default", speaker is null ? "none" : a.OutputDevice ?? "default", canceller switch
        {
            Aec.WebRtc.WebRtcEchoCanceller => "WebRTC echo canceller",
            SpeexEchoCanceller => "speexdsp echo canceller",
            { IsActive: true } => "echo cancelled by the system",
            _ => "no echo cancellation",
        });
        var first = await Task.WhenAny(captureDone, playbackDone).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await AudioThread.WhenStoppedAsync(watch).ConfigureAwait(false);
        await AudioThread.WhenStoppedAsync(captureDone, playbackDone).ConfigureAwait(false);
        capture = null;
        await first.ConfigureAwait(false);
        return stoppingToken.IsCancellationRequested || first != captureDone;
    }

    /// <summary>
    /// Every 10 s: warns (once per new value) when the echo arrives later than the canceller's filter reaches, and when the
    /// speaker's device buffer ran dry (at the 1st, 2nd, 4th, 8th… underrun: a Pi that clicks now and then is told, a log
    /// is not flooded).
    /// </summary>
    private async Task WatchAsync(CapturePipeline pipeline, int reach, AudioStreamCounters? speaker, CancellationToken cancellationToken)
    {
        // The reference is already delayed by ReferenceDelayMilliseconds: the estimate is what is left beyond it.
        var reported = -1;
        long nextUnderrunWarning = 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), time, cancellationToken).ConfigureAwait(false);
            var underruns = speaker?.Underruns ?? 0;
            if (underruns >= nextUnderrunWarning)
            {
                LogSpeakerUnderruns(underruns, audio.Value.PlaybackPeriods, audio.Value.FrameMilliseconds);
                while (nextUnderrunWarning <= underruns)
                {
                    nextUnderrunWarning *= 2;
                }
            }

            var delay = pipeline.EstimatedEchoDelayMilliseconds;
            if (delay > reach && Math.Abs(delay - reported) >= 40)
            {
                reported = delay;
                if (reach == 0)
                {
                    LogEchoNotCancelledBySystem(delay);
                }
                else
                {
                    LogEchoDelay(delay, reach, echo.Value.ReferenceDelayMilliseconds + Math.Max(0, delay - 60));
                }
            }
        }
    }

    private IVoiceClassifier CreateClassifier(int sampleRate)
    {
        try
        {
            return new WebRtcVoiceClassifier(sampleRate, vad.Value.Mode);
        }
        catch (InvalidOperationException e)
        {
            LogNoVad(e.Message);
            return new SilentVoiceClassifier();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audio device failed: {Error}; retrying in {Seconds} s")]
    private partial void LogDeviceFailed(string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error} Voice detection is off: audio streams only during conversations (long press)")]
    private partial void LogNoVad(string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The speaker's echo reaches the microphone ~{Delay} ms after the reference, later than the echo canceller reaches ({Reach} ms): set Satellite:Aec:ReferenceDelayMilliseconds to about {Suggested}")]
    private partial void LogEchoDelay(int delay, int reach, int suggested);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The speaker's echo is still in the microphone signal (~{Delay} ms after the reference) although Satellite:Aec:Engine is System: make Satellite:Audio:InputDevice the echo-cancelled source (docs/satellite.md, PipeWire echo-cancel)")]
    private partial void LogEchoNotCancelledBySystem(int delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening: microphone {Input}, speaker {Output}, {Canceller}")]
    private partial void LogListening(string input, string output, string canceller);

    [LoggerMessage(Level = LogLevel.Information, Message = "The capture source ended")]
    private partial void LogSourceEnded();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The speaker ran dry {Underruns} times so far (a click each; its device buffer is {Periods} periods of {FrameMs} ms). If it goes on, raise Satellite:Audio:PlaybackPeriods (ALSA backend; each period adds a frame of latency) or lower the load on this device")]
    private partial void LogSpeakerUnderruns(long underruns, int periods, int frameMs);
}
