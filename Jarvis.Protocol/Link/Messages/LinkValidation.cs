namespace Jarvis.Protocol.Link.Messages;

/// <summary>Value checks shared by the control messages.</summary>
internal static class LinkValidation
{
    public static bool IsSampleRate(int rate) => rate is 8000 or 16000 or 24000 or 48000;

    public static bool IsFrameMs(int ms) => ms is 10 or 20 or 40 or 60 or 80 or 100 or 120;

    public static bool IsUnitInterval(double value) => double.IsFinite(value) && value is >= 0 and <= 1;

    /// <summary>A speech level in dBFS: finite, -200 to 0.</summary>
    public static bool IsLevelDbfs(double level) => double.IsFinite(level) && level is >= -200 and <= 0;

    public static bool IsText(string? text, int maxLength) =>
        !string.IsNullOrEmpty(text) && text.Length <= maxLength && !text.Any(char.IsControl);

    public static bool IsOptionalText(string? text, int maxLength) => text is null || IsText(text, maxLength);
}
