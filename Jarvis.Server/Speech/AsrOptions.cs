using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Speech;

/// <summary><c>Speech:Asr</c>: the Wyoming speech recogniser (wyoming-faster-whisper listens on 10300).</summary>
public sealed class AsrOptions : WyomingServiceOptions
{
    public const string Section = "Speech:Asr";

    /// <summary>Language hint sent with <c>transcribe</c> (null lets the model detect it).</summary>
    public string? Language { get; set; } = "en";

    /// <summary>Model name sent with <c>transcribe</c> (null: the server's default).</summary>
    public string? Model { get; set; }
}
