using Jarvis.Satellite.Interop;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Aec;

/// <summary>Creates the speexdsp canceller, or a pass-through with a warning when it is off or missing.</summary>
public static class EchoCancellerFactory
{
    public static IEchoCanceller Create(int sampleRate, int frameSamples, EchoCancellerOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            logger.LogInformation("Echo cancellation is off (Satellite:Echo:Enabled = false)");
            return new PassThroughEchoCanceller();
        }

        NativeLibraries.EnsureResolver();
        if (!NativeLibraries.IsAvailable(NativeLibraries.SpeexDsp))
        {
            logger.LogWarning(
                "libspeexdsp is not installed: echo cancellation is disabled and the assistant will hear itself. " +
                "Install libspeexdsp1 (Debian) or speexdsp (Homebrew)");
            return new PassThroughEchoCanceller();
        }

        logger.LogInformation(
            "Echo cancellation on: {Filter} ms filter, preprocessor {Preprocessor}, AGC {Agc}",
            options.FilterMilliseconds, options.Preprocessor, options.AutomaticGainControl);
        return new SpeexEchoCanceller(sampleRate, frameSamples, options);
    }
}
