using System.Globalization;
using System.Text.RegularExpressions;

namespace Jarvis.Satellite.Audio.Alsa;

/// <summary>
/// Turns a configured device (<c>Satellite:Audio:InputDevice</c>/<c>OutputDevice</c>) into the ALSA PCM name to open,
/// so that settings written for PortAudio keep working: empty or <c>default</c> → <c>default</c>; PortAudio's name of a
/// card (<c>seeed-2mic-voicecard: … (hw:1,0)</c>) → <c>plughw:1,0</c>; a name with ':' (<c>plughw:1,0</c>,
/// <c>hw:CARD=x,DEV=0</c>) or a PCM of the ALSA configuration (<c>jarvis_in</c>) → as is; part of a card's name or id
/// (<c>seeed</c>) → <c>plughw:ID,0</c>; a number → that entry of <c>jarvis-satellite devices</c>.
/// </summary>
public static partial class AlsaDeviceNames
{
    public const string Default = "default";

    /// <param name="wanted">The configured device.</param>
    /// <param name="list">The PCMs ALSA knows (called only when the name alone does not decide).</param>
    /// <param name="input">Capture (true) or playback.</param>
    public static string Resolve(string? wanted, Func<IReadOnlyList<AlsaDevice>> list, bool input)
    {
        ArgumentNullException.ThrowIfNull(list);
        wanted = wanted?.Trim();
        if (string.IsNullOrEmpty(wanted) || wanted.Equals(Default, StringComparison.OrdinalIgnoreCase))
        {
            return Default;
        }

        if (PortAudioCardName().Match(wanted) is { Success: true } card)
        {
            return $"plughw:{card.Groups[1].Value},{card.Groups[2].Value}";
        }

        if (wanted.Contains(':', StringComparison.Ordinal))
        {
            return wanted;
        }

        var devices = list();
        var kind = input ? "input" : "output";
        if (int.TryParse(wanted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return devices.FirstOrDefault(d => d.Index == index && d.Supports(input))?.Name
                ?? throw new AlsaException($"No ALSA {kind} device with index {index}: {Existing(devices, input)}.");
        }

        if (devices.Any(d => d.Name.Equals(wanted, StringComparison.Ordinal)))
        {
            return wanted;
        }

        var cards = devices
            .Where(d => d.Card is not null && d.Supports(input)
                && (d.Card.Contains(wanted, StringComparison.OrdinalIgnoreCase) || d.Description.Contains(wanted, StringComparison.OrdinalIgnoreCase)))
            .Select(d => d.Card!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return cards.Count switch
        {
            1 => $"plughw:{cards[0]},0",
            0 => throw new AlsaException($"No ALSA {kind} device named '{wanted}': {Existing(devices, input)}."),
            _ => throw new AlsaException($"'{wanted}' matches several sound cards ({string.Join(", ", cards)}): use more of the name or plughw:CARD,0."),
        };
    }

    /// <summary>What can be configured instead: the PCMs of the configuration and the cards (by id).</summary>
    private static string Existing(IReadOnlyList<AlsaDevice> devices, bool input)
    {
        var usable = devices.Where(d => d.Supports(input)).ToList();
        var pcms = usable.Where(d => d.Card is null).Select(d => $"{d.Index} {d.Name}");
        var cards = usable.Select(d => d.Card).OfType<string>().Distinct(StringComparer.Ordinal);
        return $"the PCMs are {Join(pcms)}, the cards {Join(cards)} (see `jarvis-satellite devices`)";

        static string Join(IEnumerable<string> names) => string.Join(", ", names) is { Length: > 0 } text ? text : "none";
    }

    /// <summary>PortAudio's ALSA name of a card's device: <c>card name: pcm name (hw:1,0)</c>.</summary>
    [GeneratedRegex(@"\(hw:(\d+),(\d+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex PortAudioCardName();
}
