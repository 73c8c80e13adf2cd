namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>Work for the model: one frame (from the client, or silence the server inserted), or an epoch restart.</summary>
internal sealed record ModelStep(float[]? Samples, bool Inserted, int Epoch, bool Restart = false, bool Clear = false);
