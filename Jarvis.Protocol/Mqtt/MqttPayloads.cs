using System.Text;

namespace Jarvis.Protocol.Mqtt;

/// <summary>The plain-text payloads of the status and switch topics, and lenient parsing of commands.</summary>
public static class MqttPayloads
{
    /// <summary>Status payload of an available server or satellite.</summary>
    public const string Online = "online";

    /// <summary>Status payload of an unavailable server or satellite (also the server's last will).</summary>
    public const string Offline = "offline";

    /// <summary>Switch/binary sensor payload for true (Home Assistant's default).</summary>
    public const string On = "ON";

    /// <summary>Switch/binary sensor payload for false.</summary>
    public const string Off = "OFF";

    /// <summary>The switch payload for <paramref name="value"/>.</summary>
    public static string OnOff(bool value) => value ? On : Off;

    /// <summary>The status payload for <paramref name="online"/>.</summary>
    public static string Status(bool online) => online ? Online : Offline;

    /// <summary>
    /// Parses a switch command or state: ON/OFF, true/false, 1/0 (case-insensitive, surrounding whitespace ignored),
    /// so that a hand-typed <c>mosquitto_pub</c> works too. False for anything else, including invalid UTF-8.
    /// </summary>
    public static bool TryParseOnOff(ReadOnlySpan<byte> payload, out bool value)
    {
        value = false;
        if (payload.Length > 16)
        {
            return false;
        }

        Span<char> chars = stackalloc char[16];
        if (!Encoding.UTF8.TryGetChars(payload, chars, out var count))
        {
            return false;
        }

        var text = chars[..count].Trim();
        if (text.Equals("on", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "1")
        {
            value = true;
            return true;
        }

        return text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "0";
    }

    /// <summary>Parses a status payload (<c>online</c>/<c>offline</c>, exact).</summary>
    public static bool TryParseStatus(ReadOnlySpan<byte> payload, out bool online)
    {
        online = payload.SequenceEqual("online"u8);
        return online || payload.SequenceEqual("offline"u8);
    }
}
