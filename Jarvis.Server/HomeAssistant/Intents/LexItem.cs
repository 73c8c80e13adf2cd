namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>One reading of a word or fixed phrase of the grammar.</summary>
public sealed record LexItem(WordKind Kind, string Value = "", double Number = 0, IReadOnlyList<DeviceKind>? Kinds = null)
{
    public IReadOnlyList<DeviceKind> DeviceKinds => Kinds ?? [];
}
