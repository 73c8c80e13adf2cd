namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>The audio format names vLLM-Omni accepts (protocol/realtime/formats.py), folded to their canonical name.</summary>
internal static class AudioFormatNames
{
    public const string Pcm16 = "pcm16";
    public const string F32 = "pcm_f32le";

    /// <summary>The canonical input format for <paramref name="name"/>, or null when it is not accepted.</summary>
    public static string? Input(string? name) => name?.ToLowerInvariant() switch
    {
        "pcm16" or "pcm_s16le" or "s16le" or "audio/pcm" or "pcm" or "audio/pcm16" => Pcm16,
        "pcm_f32le" or "audio/pcm_f32le" or "f32le" => F32,
        "g711_ulaw" or "ulaw" or "mulaw" => "g711_ulaw",
        "g711_alaw" or "alaw" => "g711_alaw",
        _ => null,
    };

    /// <summary>The canonical output format for <paramref name="name"/>, or null when it is not accepted.</summary>
    public static string? Output(string? name) => name?.ToLowerInvariant() switch
    {
        "wav" => "wav",
        var other => Input(other),
    };
}
