using System.Text;

namespace Jarvis.Protocol.Link;

/// <summary>Keeps WebSocket close reasons within the 123 UTF-8 bytes a close frame can carry.</summary>
public static class CloseReasons
{
    /// <summary>Returns <paramref name="reason"/> cut to at most <see cref="LinkProtocol.MaxCloseReasonBytes"/> bytes, on a character boundary.</summary>
    public static string Truncate(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Encoding.UTF8.GetByteCount(reason) <= LinkProtocol.MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, LinkProtocol.MaxCloseReasonBytes - 3);
        while (length > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > LinkProtocol.MaxCloseReasonBytes - 3)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
