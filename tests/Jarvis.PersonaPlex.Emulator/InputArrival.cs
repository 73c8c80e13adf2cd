namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// One Opus packet decoded from the client: when its message arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>)
/// and how many 24 kHz samples it carried.
/// </summary>
public readonly record struct InputArrival(long Timestamp, int Samples);
