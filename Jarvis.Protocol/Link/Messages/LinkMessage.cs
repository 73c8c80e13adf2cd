using System.Text.Json.Serialization;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>
/// A JSON control message (a WebSocket text frame) with a <c>type</c> discriminator. The set is closed: read them with
/// <see cref="LinkMessageReader"/>, write them with <see cref="LinkMessageWriter"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HelloMessage), "hello")]
[JsonDerivedType(typeof(WelcomeMessage), "welcome")]
[JsonDerivedType(typeof(RejectMessage), "reject")]
[JsonDerivedType(typeof(PendingMessage), "pending")]
[JsonDerivedType(typeof(MuteMessage), "mute")]
[JsonDerivedType(typeof(ButtonMessage), "button")]
[JsonDerivedType(typeof(VoiceActivityMessage), "voice_activity")]
[JsonDerivedType(typeof(VoiceLevelMessage), "voice_level")]
[JsonDerivedType(typeof(LedMessage), "led")]
[JsonDerivedType(typeof(ConversationMessage), "conversation")]
[JsonDerivedType(typeof(FlushMessage), "flush")]
[JsonDerivedType(typeof(StreamMessage), "stream")]
[JsonDerivedType(typeof(VolumeMessage), "volume")]
[JsonDerivedType(typeof(PingMessage), "ping")]
[JsonDerivedType(typeof(PongMessage), "pong")]
[JsonDerivedType(typeof(LinkStatsMessage), "stats")]
[JsonDerivedType(typeof(ErrorMessage), "error")]
public abstract record LinkMessage
{
    private protected LinkMessage()
    {
    }

    /// <summary>Checks the values beyond what JSON parsing checks; returns what is wrong, or null when valid.</summary>
    internal virtual string? Validate() => null;
}
