using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Tests.Support;
using Jarvis.Satellite.Vad;
using Xunit.Abstractions;

namespace Jarvis.Satellite.Tests.Aec;

public sealed class EchoCancellationTests(ITestOutputHelper output)
{
    private static readonly Dictionary<double, EchoScenario> Scenarios = [];

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.04)]
    [InlineData(0.06)]
    public void Echo_is_cancelled_and_the_near_end_talker_kept_with_the_preprocessor(double echoDelay)
    {
        var result = Run(preprocessor: true, echoDelay);

        Assert.True(result.ErleDb >= 20, $"ERLE {result.ErleDb:0.0} dB");
        Assert.InRange(result.NearLevelDb, -6, 6);
        Assert.True(result.DoubleTalkRecall >= 0.6, $"VAD recall in double talk {result.DoubleTalkRecall:P0}");
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.06)]
    public void Echo_canceller_alone_reduces_echo_and_keeps_the_near_end_talker(double echoDelay)
    {
        var result = Run(preprocessor: false, echoDelay);

        Assert.True(result.ErleDb >= 10, $"ERLE {result.ErleDb:0.0} dB");
        Assert.InRange(result.NearLevelDb, -6, 6);
        Assert.True(result.DoubleTalkRecall >= 0.6, $"VAD recall in double talk {result.DoubleTalkRecall:P0}");
    }

    private EchoResult Run(bool preprocessor, double echoDelay)
    {
        EchoScenario s;
        lock (Scenarios)
        {
            if (!Scenarios.TryGetValue(echoDelay, out s!))
            {
                Scenarios[echoDelay] = s = EchoScenario.Create(echoDelay);
            }
        }

        var options = new EchoCancellerOptions { Preprocessor = preprocessor };
        using var canceller = new SpeexEchoCanceller(EchoScenario.Rate, EchoScenario.Frame, options);
        var reference = new EchoReference(EchoScenario.Rate, options.ReferenceDelayMilliseconds);
        var cleaned = new short[s.Mic.Length];
        var played = new short[EchoScenario.Frame];
        for (var offset = 0; offset + EchoScenario.Frame <= s.Mic.Length; offset += EchoScenario.Frame)
        {
            reference.Played(s.Far.AsSpan(offset, EchoScenario.Frame));
            reference.Take(played);
            canceller.Process(s.Mic.AsSpan(offset, EchoScenario.Frame), played, cleaned.AsSpan(offset, EchoScenario.Frame));
        }

        var echoOnly = EchoScenario.At(3)..EchoScenario.At(7);
        var erle = Signals.Db(Signals.Rms(s.Mic.AsSpan()[echoOnly]) / Signals.Rms(cleaned.AsSpan()[echoOnly]));
        var nearOnly = EchoScenario.At(14)..(EchoScenario.At(14) + s.NearLength);
        var nearLevel = Signals.Db(Signals.Rms(cleaned.AsSpan()[nearOnly]) / Signals.Rms(s.Near.AsSpan()[nearOnly]));
        var recall = DoubleTalkRecall(s, cleaned);
        output.WriteLine(
            $"echo delay {echoDelay * 1000:0} ms, preprocessor={preprocessor}: ERLE {erle:0.0} dB (3–7 s, echo only), near-end level {nearLevel:0.0} dB " +
            $"(near end alone), VAD recall of near-end speech in double talk {recall:P0}");
        return new EchoResult(erle, nearLevel, recall);
    }

    /// <summary>Of the double-talk frames where the clean near-end signal is voiced, the fraction voiced after AEC.</summary>
    private static double DoubleTalkRecall(EchoScenario s, short[] cleaned)
    {
        using var onNear = new WebRtcVoiceClassifier(EchoScenario.Rate, 3);
        using var onCleaned = new WebRtcVoiceClassifier(EchoScenario.Rate, 3);
        int voiced = 0, detected = 0;
        for (var offset = EchoScenario.At(7); offset < EchoScenario.At(7) + s.NearLength; offset += EchoScenario.Frame)
        {
            var nearVoiced = onNear.IsVoiced(s.Near.AsSpan(offset, EchoScenario.Frame));
            var cleanedVoiced = onCleaned.IsVoiced(cleaned.AsSpan(offset, EchoScenario.Frame));
            if (nearVoiced)
            {
                voiced++;
                detected += cleanedVoiced ? 1 : 0;
            }
        }

        return voiced == 0 ? 0 : (double)detected / voiced;
    }

    private sealed record EchoResult(double ErleDb, double NearLevelDb, double DoubleTalkRecall);
}
