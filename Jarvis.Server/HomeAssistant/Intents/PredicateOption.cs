namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// One meaning of a state word: for devices of <see cref="Kind"/> (null = any device with on/off states)
/// it asks whether the raw HA state is <see cref="State"/>.
/// </summary>
public sealed record PredicateOption(DeviceKind? Kind, string State)
{
    public bool Accepts(string domain, string? deviceClass) => Kind is not { } kind || kind.Accepts(domain, deviceClass);

    public bool Accepts(DeviceKind noun) =>
        Kind is not { } kind || (kind.Domain == noun.Domain && (kind.DeviceClass is null || noun.DeviceClass is null || kind.DeviceClass == noun.DeviceClass));

    /// <summary>The device class this option names, or the noun's.</summary>
    public DeviceKind Narrow(DeviceKind noun) => Kind is { DeviceClass: not null } kind ? kind : noun;
}
