namespace Jarvis.Server.Wyoming;

/// <summary>The peer broke the Wyoming framing or event order; the connection cannot continue.</summary>
public sealed class WyomingProtocolException : Exception
{
    public WyomingProtocolException(string message)
        : base(message)
    {
    }

    public WyomingProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
