using System.Security.Cryptography;

namespace Jarvis.Server.Security;

/// <summary>Generates the server's secrets (API token, MQTT passwords): 192 random bits as 48 hex characters.</summary>
public static class Secrets
{
    public static string NewToken()
    {
        while (true)
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            if (TokenStrength.Problem(token) is null)
            {
                return token;
            }
        }
    }

    /// <summary>Compares two secrets in a time that does not depend on where they differ.</summary>
    public static bool Same(string? presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented ?? "")),
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected)));
}
