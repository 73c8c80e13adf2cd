namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>A kind of device: a domain and optionally a device class (null = any class).</summary>
public readonly record struct DeviceKind(string Domain, string? DeviceClass = null)
{
    public bool Accepts(string domain, string? deviceClass) =>
        Domain == domain && (DeviceClass is null || DeviceClass == deviceClass);

    public static DeviceKind Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new DeviceKind(text) : new DeviceKind(text[..slash], text[(slash + 1)..]);
    }
}
