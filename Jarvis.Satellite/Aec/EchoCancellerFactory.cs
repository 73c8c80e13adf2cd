using Jarvis.Satellite.Aec.WebRtc;
using Jarvis.Satellite.Interop;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Aec;

/// <summary>Creates the configured canceller; falls back (with a warning saying what to install) when its library is
/// missing, and passes audio through when echo cancellation is off or left to the system.</summary>
public static partial class EchoCancellerFactory
{
    public static IEchoCanceller Create(int sampleRate, int frameSamples, EchoCancellerOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (!options.Enabled)
        {
            LogOff(logger);
            return new PassThroughEchoCanceller();
        }

        NativeLibraries.EnsureResolver();
        var engine = options.Engine;
        if (engine == EchoEngine.System)
        {
            LogSystem(logger);
            return new PassThroughEchoCanceller(cancelsEcho: true);
        }

        if (engine == EchoEngine.WebRtc && !(sampleRate is 8000 or 16000 && NativeLibraries.IsAvailable(NativeLibraries.WebRtcAudioProcessing)))
        {
            LogWebRtcUnavailable(logger, sampleRate);
            engine = EchoEngine.Speex;
        }

        if (engine == EchoEngine.Speex && !NativeLibraries.IsAvailable(NativeLibraries.SpeexDsp))
        {
            LogNoSpeex(logger);
            return new PassThroughEchoCanceller();
        }

        if (engine == EchoEngine.WebRtc)
        {
            LogWebRtc(logger, options.Suppression, options.DelayAgnostic, options.ExtendedFilter, options.NoiseSuppression);
            return new WebRtcEchoCanceller(sampleRate, frameSamples, options);
        }

        LogSpeex(logger, options.FilterMilliseconds, options.Preprocessor, options.AutomaticGainControl);
        return new SpeexEchoCanceller(sampleRate, frameSamples, options);
    }

    /// <summary>Whether echo is cancelled with these settings on this machine (reported to the server).</summary>
    public static bool CanCancel(EchoCancellerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        NativeLibraries.EnsureResolver();
        return options.Enabled && (options.Engine == EchoEngine.System
            || (options.Engine == EchoEngine.WebRtc && NativeLibraries.IsAvailable(NativeLibraries.WebRtcAudioProcessing))
            || NativeLibraries.IsAvailable(NativeLibraries.SpeexDsp));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Echo cancellation is off (Satellite:Aec:Enabled = false)")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Echo cancellation is left to the system (Satellite:Aec:Engine = System): the input device must be the echo-cancelled source (e.g. PipeWire's echo-cancel)")]
    private static partial void LogSystem(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The WebRTC echo canceller needs libwebrtc-audio-processing1 and a 16 kHz (or 8 kHz) audio chain (now {SampleRate} Hz): using speexdsp instead")]
    private static partial void LogWebRtcUnavailable(ILogger logger, int sampleRate);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "libspeexdsp is not installed: echo cancellation is disabled and the assistant will hear itself. Install libspeexdsp1 (Debian) or speexdsp (Homebrew)")]
    private static partial void LogNoSpeex(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Echo cancellation on: WebRTC, {Suppression} suppression, delay-agnostic {DelayAgnostic}, extended filter {Extended}, noise suppression {Noise}")]
    private static partial void LogWebRtc(ILogger logger, EchoSuppression suppression, bool delayAgnostic, bool extended, bool noise);

    [LoggerMessage(Level = LogLevel.Information, Message = "Echo cancellation on: speexdsp, {Filter} ms filter, preprocessor {Preprocessor}, AGC {Agc}")]
    private static partial void LogSpeex(ILogger logger, int filter, bool preprocessor, bool agc);
}
