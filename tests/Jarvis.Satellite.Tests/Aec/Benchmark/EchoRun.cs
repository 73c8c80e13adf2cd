using Jarvis.Satellite.Aec;

namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <summary>Runs a canceller over a case frame by frame, the way the capture pipeline does (reference through
/// <see cref="EchoReference"/>), and measures the result.</summary>
public static class EchoRun
{
    public static EchoResult Run(EchoCase echoCase, Func<IEchoCanceller> create)
    {
        var cleaned = Process(echoCase, create, out var cpuPerAudioSecond);
        return EchoMetrics.Measure(echoCase, cleaned, cpuPerAudioSecond);
    }

    /// <summary>The canceller's output for the case's microphone signal.</summary>
    public static short[] Process(EchoCase echoCase, Func<IEchoCanceller> create, out double cpuPerAudioSecond)
    {
        ArgumentNullException.ThrowIfNull(echoCase);
        ArgumentNullException.ThrowIfNull(create);
        using var canceller = create();
        var reference = new EchoReference(EchoCase.Rate, 0);
        var cleaned = new short[echoCase.Mic.Length];
        var played = new short[EchoCase.Frame];
        var cpuBefore = ThreadCpu.Seconds;
        for (var offset = 0; offset + EchoCase.Frame <= echoCase.Mic.Length; offset += EchoCase.Frame)
        {
            reference.Played(echoCase.Far.AsSpan(offset, EchoCase.Frame));
            reference.Take(played);
            canceller.Process(echoCase.Mic.AsSpan(offset, EchoCase.Frame), played, cleaned.AsSpan(offset, EchoCase.Frame));
        }

        cpuPerAudioSecond = (ThreadCpu.Seconds - cpuBefore) / ((double)echoCase.Mic.Length / EchoCase.Rate);
        return cleaned;
    }
}
