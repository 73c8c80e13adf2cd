using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>Lists the PCMs ALSA knows (its configuration's and each card's) through its name hints, as <c>aplay -L</c>.</summary>
public static unsafe class AlsaDeviceCatalog
{
    public static IReadOnlyList<AlsaDevice> List() => AlsaLibrary.Call(ListLoaded);

    private static List<AlsaDevice> ListLoaded()
    {
        AlsaException.ThrowIfError(AlsaNative.snd_device_name_hint(-1, "pcm", out var hints), "snd_device_name_hint");
        var devices = new List<AlsaDevice>();
        try
        {
            for (var hint = hints; *hint != IntPtr.Zero; hint++)
            {
                if (Take(*hint, "NAME") is not { Length: > 0 } name)
                {
                    continue;
                }

                var io = Take(*hint, "IOID");
                devices.Add(new AlsaDevice(devices.Count, name, Take(*hint, "DESC")?.ReplaceLineEndings(" ") ?? string.Empty,
                    Input: io is null or "Input", Output: io is null or "Output"));
            }
        }
        finally
        {
            _ = AlsaNative.snd_device_name_free_hint(hints);
        }

        return devices;
    }

    /// <summary>A hint field (a string alsa-lib allocated: freed here), or null.</summary>
    private static string? Take(IntPtr hint, string field)
    {
        var value = AlsaNative.snd_device_name_get_hint(hint, field);
        if (value == IntPtr.Zero)
        {
            return null;
        }

        var text = Marshal.PtrToStringUTF8(value);
        NativeMemory.Free((void*)value);
        return text;
    }
}
