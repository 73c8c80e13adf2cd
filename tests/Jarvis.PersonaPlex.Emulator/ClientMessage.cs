namespace Jarvis.PersonaPlex.Emulator;

/// <summary>One binary message from the client and when it arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
internal readonly record struct ClientMessage(byte[] Data, long Arrival);
