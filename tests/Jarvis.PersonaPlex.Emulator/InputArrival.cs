namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// One Opus packet decoded from the client: when its message arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>),
/// how many 24 kHz samples it carried and the level of its loudest 10 ms (dBFS RMS; for latency breakdowns).
/// </summary>
public readonly record struct InputArrival(long Timestamp, int Samples, double LoudestDbfs = double.NegativeInfinity);
