namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <param name="ErleDb">Echo return loss enhancement with the far end alone, after convergence (3 s on).</param>
/// <param name="ConvergenceSeconds">From the first far-end word until the echo is ≥ 10 dB down (NaN: never).</param>
/// <param name="ReconvergenceSeconds">From the path change until the echo is ≥ 10 dB down again (null: no change; NaN: never).</param>
/// <param name="DoubleTalkCorrelation">Output against the clean near-end talker while both talk (best lag ≤ 40 ms).</param>
/// <param name="DoubleTalkLevelDb">Output level against the near-end talker's while both talk.</param>
/// <param name="NearAloneLevelDb">Output level against the near-end talker's when the far end is silent.</param>
/// <param name="LatencyMilliseconds">Delay the canceller adds to the near-end signal.</param>
/// <param name="CpuPerAudioSecond">CPU seconds of the processing thread per second of audio.</param>
public sealed record EchoResult(
    string Case, double ErleDb, double ConvergenceSeconds, double? ReconvergenceSeconds, double DoubleTalkCorrelation,
    double DoubleTalkLevelDb, double NearAloneLevelDb, double LatencyMilliseconds, double CpuPerAudioSecond);
