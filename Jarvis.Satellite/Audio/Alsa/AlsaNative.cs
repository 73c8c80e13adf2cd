using System.Runtime.InteropServices;
using Jarvis.Satellite.Interop;

namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>
/// The part of alsa-lib's PCM API we use (<c>libasound.so.2</c>): blocking interleaved S16_LE streams and the name
/// hints behind <c>jarvis-satellite devices</c>. Source-generated marshalling only (Native AOT safe).
/// </summary>
internal static unsafe partial class AlsaNative
{
    public const int StreamPlayback = 0;
    public const int StreamCapture = 1;
    public const int AccessRwInterleaved = 3;
    public const int FormatS16Le = 2;

    /// <summary>Negative errno values alsa-lib returns (Linux, every architecture).</summary>
    public const int EIntr = -4;
    public const int EPipe = -32;
    public const int EStrPipe = -86;

    static AlsaNative() => NativeLibraries.EnsureResolver();

    [LibraryImport(NativeLibraries.Alsa, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int snd_pcm_open(out IntPtr pcm, string name, int stream, int mode);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_close(IntPtr pcm);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_malloc(out IntPtr parameters);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial void snd_pcm_hw_params_free(IntPtr parameters);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_any(IntPtr pcm, IntPtr parameters);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_set_access(IntPtr pcm, IntPtr parameters, int access);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_set_format(IntPtr pcm, IntPtr parameters, int format);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_set_channels_near(IntPtr pcm, IntPtr parameters, ref uint channels);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_set_rate_near(IntPtr pcm, IntPtr parameters, ref uint rate, IntPtr direction);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_set_period_size_near(IntPtr pcm, IntPtr parameters, ref nuint frames, IntPtr direction);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params_set_buffer_size_near(IntPtr pcm, IntPtr parameters, ref nuint frames);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_hw_params(IntPtr pcm, IntPtr parameters);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_prepare(IntPtr pcm);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_start(IntPtr pcm);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial nint snd_pcm_readi(IntPtr pcm, short* buffer, nuint frames);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial nint snd_pcm_writei(IntPtr pcm, short* buffer, nuint frames);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_recover(IntPtr pcm, int error, int silent);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_drop(IntPtr pcm);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_pcm_drain(IntPtr pcm);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial IntPtr snd_strerror(int error);

    [LibraryImport(NativeLibraries.Alsa, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int snd_device_name_hint(int card, string iface, out IntPtr* hints);

    [LibraryImport(NativeLibraries.Alsa, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr snd_device_name_get_hint(IntPtr hint, string id);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_device_name_free_hint(IntPtr* hints);

    [LibraryImport(NativeLibraries.Alsa)]
    public static partial int snd_config_update_free_global();

    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(snd_strerror(error)) ?? $"ALSA error {error}";
}
