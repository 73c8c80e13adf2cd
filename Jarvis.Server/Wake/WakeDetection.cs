namespace Jarvis.Server.Wake;

/// <summary>A wake word fired: its model name and the time (ms from the stream start) the service reported, if any.</summary>
public sealed record WakeDetection(string Name, long? TimestampMs);
