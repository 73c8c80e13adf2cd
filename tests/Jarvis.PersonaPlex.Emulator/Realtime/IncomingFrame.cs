namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>One client WebSocket message: a text frame (its JSON), a binary frame, or a text frame over 15 MiB.</summary>
internal sealed record IncomingFrame(string? Text, bool Binary = false, bool TooLarge = false);
