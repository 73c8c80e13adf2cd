namespace Jarvis.Satellite.Link;

/// <summary>The connection broke the protocol or the handshake failed; the link reconnects.</summary>
public sealed class LinkProtocolException(string message, int closeCode) : Exception(message)
{
    public int CloseCode { get; } = closeCode;
}
