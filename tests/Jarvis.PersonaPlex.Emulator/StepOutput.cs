namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// One model step's audio page: when it was sent (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>) and the level of
/// the loudest 10 ms it carried (dBFS RMS; in echo mode the previous step's input), and where in the page its first 10 ms
/// at or above <see cref="PcmLevel.OnsetDbfs"/> starts (ms from the page's start; −1 when none is).
/// </summary>
public readonly record struct StepOutput(long Sent, double LoudestDbfs, double OnsetMilliseconds);
