using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Speech;

/// <summary><c>Speech:Tts</c>: the Wyoming speech synthesiser (wyoming-piper listens on 10200).</summary>
public sealed class TtsOptions : WyomingServiceOptions
{
    public const string Section = "Speech:Tts";

    public TtsOptions()
    {
        Uri = new Uri("tcp://127.0.0.1:10200");
    }

    /// <summary>Voice name sent with <c>synthesize</c> (null: the server's default).</summary>
    public string? Voice { get; set; }

    /// <summary>Use the streaming synthesize events when the server offers them.</summary>
    public bool PreferStreaming { get; set; } = true;
}
