namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>One 80 ms frame a session received from its client: 1920 float samples at 24 kHz, and the epoch it fell in.</summary>
public sealed record ReceivedFrame(float[] Samples, int Epoch);
