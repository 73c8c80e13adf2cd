using System.Security.Cryptography;

namespace Jarvis.Satellite.Link;

/// <summary>
/// The satellite's own token when Satellite:Link:Token is not set: 256 random bits as 64 hex characters, generated on the
/// first start and kept in <c>{Satellite:StateDirectory}/link-token</c> (mode 0600). The server stores only its hash when the
/// owner approves the satellite.
/// </summary>
public static class SatelliteTokenFile
{
    public const string FileName = "link-token";

    /// <summary>The kept token, a new one (then <paramref name="created"/>), or null with the reason in <paramref name="error"/>.</summary>
    public static string? GetOrCreate(string stateDirectory, out bool created, out string? error)
    {
        created = false;
        error = null;
        var path = Path.Combine(stateDirectory, FileName);
        try
        {
            if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 32 } existing)
            {
                return existing;
            }

            Directory.CreateDirectory(stateDirectory);
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var temp = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temp, options))
            {
                writer.WriteLine(token);
            }

            File.Move(temp, path, overwrite: true);
            created = true;
            return token;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: {e.Message}";
            return null;
        }
    }
}
