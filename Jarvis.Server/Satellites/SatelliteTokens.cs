using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites;

/// <summary>Checks a satellite's id and token against the enrolled satellites in constant time.</summary>
public sealed class SatelliteTokens(IOptions<SatellitesOptions> options)
{
    /// <summary>True when the id is enrolled and the token matches; the comparison time does not depend on the token's content.</summary>
    public bool IsValid(string satelliteId, string token)
    {
        var known = options.Value.Devices.TryGetValue(satelliteId, out var entry);
        var expected = Encoding.UTF8.GetBytes(known ? entry!.Token : "");
        var presented = Encoding.UTF8.GetBytes(token);
        var hashExpected = SHA256.HashData(expected);
        var hashPresented = SHA256.HashData(presented);
        return CryptographicOperations.FixedTimeEquals(hashExpected, hashPresented) && known && expected.Length > 0;
    }
}
