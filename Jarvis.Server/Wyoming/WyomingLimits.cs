namespace Jarvis.Server.Wyoming;

/// <summary>
/// Size limits for incoming events. The header line limit matches Python asyncio's <c>readline</c> limit (64 KiB):
/// a longer line is what the reference implementation treats as a disconnect.
/// </summary>
public sealed record WyomingLimits
{
    public static WyomingLimits Default { get; } = new();

    public int MaxHeaderBytes { get; init; } = 64 * 1024;

    public int MaxDataBytes { get; init; } = 16 * 1024 * 1024;

    public int MaxPayloadBytes { get; init; } = 16 * 1024 * 1024;
}
