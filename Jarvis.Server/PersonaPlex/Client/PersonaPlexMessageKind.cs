namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>First byte of every binary PersonaPlex WebSocket message.</summary>
public enum PersonaPlexMessageKind : byte
{
    Handshake = 0x00,
    Audio = 0x01,
    Text = 0x02,
    Control = 0x03,
    Metadata = 0x04,
    Error = 0x05,
    Ping = 0x06,
    ColoredText = 0x07,
}
