namespace Jarvis.Protocol.Opus;

/// <summary>The coding mode of an Opus packet (RFC 6716 §3.1).</summary>
public enum OpusMode
{
    SilkOnly,
    Hybrid,
    CeltOnly,
}
