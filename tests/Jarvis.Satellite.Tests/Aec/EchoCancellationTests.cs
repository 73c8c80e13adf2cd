using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Tests.Aec.Benchmark;
using Jarvis.Satellite.Vad;
using Xunit.Abstractions;

namespace Jarvis.Satellite.Tests.Aec;

/// <summary>
/// Quality of each canceller on the echo benchmark's signals (espeak-ng far end, echo made with sox, a second voice
/// talking over it at 7 s and alone at 14 s): thresholds on dB and correlation, never on time taken
/// (<c>harness echo</c> prints every number).
/// </summary>
public sealed class EchoCancellationTests(ITestOutputHelper output)
{
    public static TheoryData<int> Delays => [20, 60, 120];

    [Theory]
    [MemberData(nameof(Delays))]
    public void WebRtc_removes_linear_echo_by_45_dB_and_keeps_a_talker_who_speaks_over_it(int delayMs)
    {
        var echoCase = EchoCases.Linear(delayMs);
        var r = Run(echoCase, new EchoCancellerOptions(), out var cleaned);

        Assert.True(r.ErleDb >= 45, $"ERLE {r.ErleDb:0.0} dB");
        Assert.True(r.DoubleTalkCorrelation >= 0.95, $"double-talk correlation {r.DoubleTalkCorrelation:0.000}");
        Assert.InRange(r.DoubleTalkLevelDb, -1, 1);
        Assert.InRange(r.NearAloneLevelDb, -1, 1);
        Assert.True(DoubleTalkRecall(echoCase, cleaned) >= 0.9);
    }

    [Fact]
    public void Without_the_near_end_guard_WebRtc_takes_more_than_a_dB_off_a_talker_who_speaks_over_the_assistant()
    {
        var guarded = Run(EchoCases.Linear(60), new EchoCancellerOptions());
        var unguarded = Run(EchoCases.Linear(60), new EchoCancellerOptions { NearEndGuard = false });

        Assert.True(unguarded.DoubleTalkLevelDb < -1, $"unguarded double-talk level {unguarded.DoubleTalkLevelDb:0.0} dB");
        Assert.True(guarded.DoubleTalkLevelDb > unguarded.DoubleTalkLevelDb + 0.4, $"guarded {guarded.DoubleTalkLevelDb:0.0} dB");
        Assert.True(Math.Abs(guarded.ErleDb - unguarded.ErleDb) < 1, $"ERLE {guarded.ErleDb:0.0} vs {unguarded.ErleDb:0.0} dB");
    }

    [Fact]
    public void WebRtc_removes_30_dB_of_a_soft_clipping_speakers_echo()
    {
        var r = Run(EchoCases.SoftClipped(), new EchoCancellerOptions());

        Assert.True(r.ErleDb >= 30, $"ERLE {r.ErleDb:0.0} dB");
        Assert.True(r.DoubleTalkCorrelation >= 0.88, $"double-talk correlation {r.DoubleTalkCorrelation:0.000}");
    }

    [Fact]
    public void WebRtc_cancels_again_within_a_second_of_audio_after_the_speaker_is_moved()
    {
        var r = Run(EchoCases.PathChange(), new EchoCancellerOptions());

        Assert.True(r.ReconvergenceSeconds <= 1.0, $"back to 10 dB after {r.ReconvergenceSeconds:0.00} s of audio");
        Assert.True(r.ErleDb >= 45, $"ERLE before the change {r.ErleDb:0.0} dB");
    }

    [Theory]
    [InlineData(20, true, 35)]
    [InlineData(60, true, 30)]
    [InlineData(20, false, 18)]
    [InlineData(60, false, 15)]
    public void Speex_removes_echo_and_keeps_the_near_end_talker(int delayMs, bool preprocessor, double minErleDb)
    {
        var echoCase = EchoCases.Linear(delayMs);
        var r = Run(echoCase, new EchoCancellerOptions { Engine = EchoEngine.Speex, Preprocessor = preprocessor }, out var cleaned);

        Assert.True(r.ErleDb >= minErleDb, $"ERLE {r.ErleDb:0.0} dB");
        Assert.True(r.DoubleTalkCorrelation >= 0.95, $"double-talk correlation {r.DoubleTalkCorrelation:0.000}");
        Assert.InRange(r.NearAloneLevelDb, -1, 1);
        Assert.True(DoubleTalkRecall(echoCase, cleaned) >= 0.9);
    }

    [Fact]
    public void The_speex_preprocessor_delays_the_signal_by_one_frame_and_WebRtc_by_less()
    {
        var echoCase = EchoCases.Linear(20);

        Assert.Equal(20, Run(echoCase, new EchoCancellerOptions { Engine = EchoEngine.Speex }).LatencyMilliseconds);
        Assert.Equal(0, Run(echoCase, new EchoCancellerOptions { Engine = EchoEngine.Speex, Preprocessor = false }).LatencyMilliseconds);
        Assert.InRange(Run(echoCase, new EchoCancellerOptions()).LatencyMilliseconds, 1, 15);
    }

    private EchoResult Run(EchoCase echoCase, EchoCancellerOptions options) => Run(echoCase, options, out _);

    private EchoResult Run(EchoCase echoCase, EchoCancellerOptions options, out short[] cleaned)
    {
        cleaned = EchoRun.Process(echoCase, () => EchoEngines.Create(options), out var cpu);
        var r = EchoMetrics.Measure(echoCase, cleaned, cpu);
        output.WriteLine(
            $"{options.Engine} {options.Suppression} preprocessor={options.Preprocessor}, {r.Case}: ERLE {r.ErleDb:0.0} dB, " +
            $"convergence {r.ConvergenceSeconds:0.00} s, re-convergence {r.ReconvergenceSeconds:0.00} s, double talk correlation " +
            $"{r.DoubleTalkCorrelation:0.000} level {r.DoubleTalkLevelDb:0.0} dB, near end alone {r.NearAloneLevelDb:0.0} dB, latency {r.LatencyMilliseconds:0} ms");
        return r;
    }

    /// <summary>Of the double-talk frames where the clean near-end signal is voiced, the fraction voiced after AEC.</summary>
    private static double DoubleTalkRecall(EchoCase c, short[] cleaned)
    {
        using var onNear = new WebRtcVoiceClassifier(EchoCase.Rate, 3);
        using var onCleaned = new WebRtcVoiceClassifier(EchoCase.Rate, 3);
        int voiced = 0, detected = 0;
        var (start, length) = c.DoubleTalk.GetOffsetAndLength(c.Mic.Length);
        for (var offset = start; offset + EchoCase.Frame <= start + length; offset += EchoCase.Frame)
        {
            if (onNear.IsVoiced(c.Near.AsSpan(offset, EchoCase.Frame)))
            {
                voiced++;
                detected += onCleaned.IsVoiced(cleaned.AsSpan(offset, EchoCase.Frame)) ? 1 : 0;
            }
        }

        return voiced == 0 ? 0 : (double)detected / voiced;
    }
}
