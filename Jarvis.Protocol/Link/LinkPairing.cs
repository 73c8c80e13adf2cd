using System.Security.Cryptography;
using System.Text;

namespace Jarvis.Protocol.Link;

/// <summary>
/// The pairing code of a satellite token: the first 24 bits of its SHA-256 as six upper-case hex digits. The satellite logs
/// it while it waits and the status page shows it beside the request, so the owner approves the device they installed.
/// </summary>
public static class LinkPairing
{
    public static string CodeOf(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 3);

    /// <summary>The SHA-256 of a token as lower-case hex: what the server stores for an approved satellite.</summary>
    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
