using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Aec.WebRtc;

namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <summary>The canceller configurations the benchmark compares (the satellite's factory settings first).</summary>
public static class EchoEngines
{
    public static IReadOnlyList<(string Name, EchoCancellerOptions Options)> All { get; } =
    [
        ("webrtc (default)", new EchoCancellerOptions()),
        ("webrtc no guard", new EchoCancellerOptions { NearEndGuard = false }),
        ("webrtc moderate", new EchoCancellerOptions { Suppression = EchoSuppression.Moderate }),
        ("webrtc aggressive", new EchoCancellerOptions { Suppression = EchoSuppression.Aggressive }),
        ("webrtc no NS", new EchoCancellerOptions { NoiseSuppression = false }),
        ("webrtc 48 ms filter", new EchoCancellerOptions { ExtendedFilter = false }),
        ("speex + preprocessor", new EchoCancellerOptions { Engine = EchoEngine.Speex }),
        ("speex alone", new EchoCancellerOptions { Engine = EchoEngine.Speex, Preprocessor = false }),
    ];

    public static IEchoCanceller Create(EchoCancellerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Engine switch
        {
            EchoEngine.WebRtc => new WebRtcEchoCanceller(EchoCase.Rate, EchoCase.Frame, options),
            EchoEngine.Speex => new SpeexEchoCanceller(EchoCase.Rate, EchoCase.Frame, options),
            _ => new PassThroughEchoCanceller(),
        };
    }
}
