using Jarvis.Server.Speech;

namespace Jarvis.Server.Routing;

/// <summary>A deep answer kept for replay: its text and the room audio it was spoken with.</summary>
public sealed record CachedAnswer(string Text, OpusRecording Audio, DateTimeOffset StoredAt);
