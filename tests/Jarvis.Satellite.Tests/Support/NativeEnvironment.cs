using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>Sets variables in the native environment (alsa-lib reads getenv, not .NET's copy).</summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
