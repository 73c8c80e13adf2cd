using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>
/// Reference-counted <c>Pa_Initialize</c>/<c>Pa_Terminate</c>: each stream or listing holds a lease.
/// </summary>
internal sealed class PortAudioRuntime : IDisposable
{
    private static readonly Lock Gate = new();
    private static int leases;
    private bool disposed;

    private PortAudioRuntime()
    {
    }

    public static PortAudioRuntime Acquire()
    {
        lock (Gate)
        {
            if (leases == 0)
            {
                int error;
                try
                {
                    error = PortAudioNative.Pa_Initialize();
                }
                catch (DllNotFoundException e)
                {
                    throw new PortAudioException(
                        "PortAudio is not installed: install libportaudio2 (Debian) or portaudio (Homebrew).", e);
                }

                PortAudioException.ThrowIfError(error, "Pa_Initialize");
            }

            leases++;
            return new PortAudioRuntime();
        }
    }

    public static string VersionText =>
        Marshal.PtrToStringUTF8(PortAudioNative.Pa_GetVersionText()) ?? "PortAudio";

    public void Dispose()
    {
        lock (Gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (--leases == 0)
            {
                PortAudioNative.Pa_Terminate();
            }
        }
    }
}
