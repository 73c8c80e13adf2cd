namespace Jarvis.Rig.Scenarios;

/// <summary>How one room hears the speaker: the level of the speech in its microphone and when it arrives (after the first room).</summary>
public sealed record Voice(string Room, double LevelDbfs, TimeSpan Offset);
