using System.Runtime.InteropServices;
using System.Text.Json;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>
/// <c>input_audio_buffer.append</c>, checked in the server's order (spec §4 "Audio appends, exactly"); the first failure wins
/// and nothing of that append is buffered.
/// </summary>
internal static class AppendDecoder
{
    public const long MaxPendingBytes = 16 * 1024 * 1024;

    /// <summary>The append's samples (pcm_f32le, 24 kHz), or the error that refuses it.</summary>
    public static WireError? Decode(JsonElement append, SessionSettings settings, long pendingBytes, string? eventId, out float[] samples)
    {
        samples = [];
        var audio = Text(append, "audio") ?? Text(append, "delta");
        if (string.IsNullOrEmpty(audio))
        {
            return new WireError("bad_event", "input_audio_buffer.append requires audio and/or video_frames", eventId);
        }

        var formatName = Text(append, "format") ?? Text(append, "input_audio_format");
        var format = formatName is null ? settings.InputFormat : AudioFormatNames.Input(formatName);
        if (format is null)
        {
            return new WireError("unsupported_audio_format", $"Unsupported input_audio_format: {formatName}", eventId);
        }

        var rate = append.TryGetProperty("sample_rate_hz", out var r) ? r : append.TryGetProperty("sample_rate", out var r2) ? r2 : (JsonElement?)null;
        if (format != AudioFormatNames.F32 && rate is { } declared && RateProblem(declared) is { } problem)
        {
            return new WireError("bad_event", problem, eventId);
        }

        if (!TryStrictBase64(audio, out var bytes))
        {
            return new WireError("bad_audio", "input audio is not valid base64", eventId);
        }

        if (pendingBytes + bytes.Length > MaxPendingBytes)
        {
            return new WireError("input_backpressure", "Duplex session has too many pending input bytes", eventId);
        }

        // pcm16 and g711 are resampled to 16 kHz pcm_f32le before PersonaPlex sees them: it then refuses the rate.
        var effectiveRate = format != AudioFormatNames.F32 ? 16000
            : rate is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var value) ? value
            : rate is null ? settings.InputRate : -1;
        if (effectiveRate != 24000)
        {
            return new WireError("bad_event", "PersonaPlex sample_rate_hz must be 24000", eventId);
        }

        if (bytes.Length % 4 != 0)
        {
            return new WireError("bad_event", "PersonaPlex pcm_f32le byte length must be divisible by four", eventId);
        }

        var floats = MemoryMarshal.Cast<byte, float>(bytes);
        foreach (var sample in floats)
        {
            if (!float.IsFinite(sample))
            {
                return new WireError("bad_event", "PersonaPlex pcm_f32le samples must be finite", eventId);
            }
        }

        samples = floats.ToArray();
        return null;
    }

    private static string? RateProblem(JsonElement rate)
    {
        if (rate.ValueKind != JsonValueKind.Number)
        {
            return "sample_rate_hz must be a finite integer";
        }

        if (!rate.TryGetInt32(out var value))
        {
            return "sample_rate_hz must be an integer";
        }

        return value is < 8000 or > 192000 ? "sample_rate_hz must be between 8000 and 192000" : null;
    }

    /// <summary>Python's <c>b64decode(validate=True)</c>: standard alphabet, padding required, no whitespace.</summary>
    private static bool TryStrictBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < text.Length - padding; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
            {
                return false;
            }
        }

        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
