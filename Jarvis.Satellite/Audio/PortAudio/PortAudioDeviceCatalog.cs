using System.Globalization;
using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>Lists devices and resolves a configured device (name, name fragment or index).</summary>
public static class PortAudioDeviceCatalog
{
    /// <summary>All devices; requires an initialised runtime (the method takes its own lease).</summary>
    public static IReadOnlyList<PortAudioDevice> List()
    {
        using var runtime = PortAudioRuntime.Acquire();
        return ListInitialised();
    }

    internal static unsafe IReadOnlyList<PortAudioDevice> ListInitialised()
    {
        var count = PortAudioNative.Pa_GetDeviceCount();
        PortAudioException.ThrowIfError(count, "Pa_GetDeviceCount");
        var defaultInput = PortAudioNative.Pa_GetDefaultInputDevice();
        var defaultOutput = PortAudioNative.Pa_GetDefaultOutputDevice();
        var devices = new List<PortAudioDevice>(count);
        for (var i = 0; i < count; i++)
        {
            var info = PortAudioNative.Pa_GetDeviceInfo(i);
            if (info == null)
            {
                continue;
            }

            var host = PortAudioNative.Pa_GetHostApiInfo(info->HostApi);
            devices.Add(new PortAudioDevice(
                i,
                Marshal.PtrToStringUTF8(info->Name) ?? $"device {i}",
                host == null ? "?" : Marshal.PtrToStringUTF8(host->Name) ?? "?",
                info->MaxInputChannels,
                info->MaxOutputChannels,
                info->DefaultSampleRate,
                i == defaultInput,
                i == defaultOutput));
        }

        return devices;
    }

    /// <summary>
    /// Picks a device: empty/"default" = the default one; a number = that index; otherwise an exact name
    /// match, then a unique case-insensitive substring match.
    /// </summary>
    public static PortAudioDevice Resolve(IReadOnlyList<PortAudioDevice> devices, string? wanted, bool forInput)
    {
        bool Usable(PortAudioDevice d) => forInput ? d.MaxInputChannels > 0 : d.MaxOutputChannels > 0;
        var kind = forInput ? "input" : "output";
        var usable = devices.Where(Usable).ToList();
        if (string.IsNullOrWhiteSpace(wanted) || wanted.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return usable.FirstOrDefault(d => forInput ? d.IsDefaultInput : d.IsDefaultOutput)
                ?? usable.FirstOrDefault()
                ?? throw new PortAudioException($"No {kind} audio device found (check `jarvis-satellite devices`).");
        }

        if (int.TryParse(wanted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return usable.FirstOrDefault(d => d.Index == index)
                ?? throw new PortAudioException($"No {kind} audio device with index {index} (check `jarvis-satellite devices`).");
        }

        var exact = usable.FirstOrDefault(d => d.Name.Equals(wanted, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var partial = usable.Where(d => d.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return partial.Count switch
        {
            1 => partial[0],
            0 => throw new PortAudioException($"No {kind} audio device named '{wanted}' (check `jarvis-satellite devices`)."),
            _ => throw new PortAudioException(
                $"'{wanted}' matches several {kind} devices ({string.Join(", ", partial.Select(d => d.Name))}): use the full name or the index."),
        };
    }
}
