using System.Text.Json;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>
/// A session's configuration as the PersonaPlex plugin holds it: model, voice, persona, the connection's audio defaults
/// (pcm16 at 16 kHz until declared). Opening validates it (spec §3); updates may not change the voice or persona (§6).
/// </summary>
internal sealed class SessionSettings
{
    private static readonly string[] PrivateKeys = ["personaplex_prefill_slots", "personaplex_model_path", "personaplex_voice_prompt", "personaplex_persona"];

    public string Model { get; private set; } = string.Empty;

    public string Voice { get; private set; } = "NATF2.pt";

    public string Instructions { get; private set; } = RealtimeEmulatorOptions.DefaultPersona;

    public string InputFormat { get; private set; } = AudioFormatNames.Pcm16;

    public int InputRate { get; private set; } = 16000;

    public string OutputFormat { get; private set; } = AudioFormatNames.Pcm16;

    public double IdleTimeoutSeconds { get; private set; } = 300;

    /// <summary>Window slots of the prefill: voice rows + 2 × 6 silence frames + the persona's tokens (about 4 characters each).</summary>
    public int PrefillSlots(RealtimeEmulatorOptions options) => options.VoiceRows + 12 + ((Instructions.Length + 3) / 4);

    /// <summary>Opens with <paramref name="session"/> (null: the default session); returns the error that refuses it, if any.</summary>
    public static WireError? Open(JsonElement? session, string? queryModel, RealtimeEmulatorOptions options, string? eventId, out SessionSettings settings)
    {
        settings = new SessionSettings { Model = queryModel ?? options.Model, IdleTimeoutSeconds = options.IdleTimeout.TotalSeconds };
        if (session is not { } config)
        {
            return null;
        }

        if (Strings(config, ["voice", "instructions", "model", "input_audio_format", "output_audio_format"]) is { } notText)
        {
            return new WireError("invalid_session_config", $"{notText} must be a string", eventId);
        }

        if (config.TryGetProperty("extra_body", out var extra) && extra.ValueKind == JsonValueKind.Object
            && PrivateKeys.Where(k => extra.TryGetProperty(k, out _)).ToArray() is { Length: > 0 } refused)
        {
            return new WireError("invalid_duplex_runtime_config", $"PersonaPlex runtime configuration is server-owned: {string.Join(", ", refused)}", eventId);
        }

        if (config.TryGetProperty("model", out var model))
        {
            settings.Model = model.GetString()!;
        }

        if (settings.ApplyFormats(config, eventId) is { } formatError)
        {
            return formatError;
        }

        var voice = config.TryGetProperty("voice", out var v) ? v.GetString() : null;
        if (string.IsNullOrEmpty(voice))
        {
            voice = "NATF2.pt";
        }
        else if (!IsVoiceName(voice))
        {
            return new WireError("invalid_voice", "PersonaPlex voice must be a bundled .pt basename", eventId);
        }

        if (!options.Voices.Contains(voice))
        {
            return new WireError("prefill_unavailable",
                $"PersonaPlex voice/persona prefill could not be prepared: PersonaPlex bundled voice prompt '{voice}' was not found under '{options.ModelPath}'", eventId);
        }

        settings.Voice = voice;
        var instructions = config.TryGetProperty("instructions", out var i) ? i.GetString() : null;
        settings.Instructions = string.IsNullOrEmpty(instructions) ? RealtimeEmulatorOptions.DefaultPersona : instructions;
        if (config.TryGetProperty("idle_timeout_s", out var idle) && idle.ValueKind == JsonValueKind.Number && idle.GetDouble() > 0)
        {
            settings.IdleTimeoutSeconds = idle.GetDouble();
        }

        return null;
    }

    /// <summary>A <c>session.update</c> after open: the persona first, then the voice, then the formats (merged, spec §6).</summary>
    public WireError? Update(JsonElement config, string? eventId)
    {
        if (config.TryGetProperty("instructions", out var i) && i.ValueKind == JsonValueKind.String
            && (string.IsNullOrEmpty(i.GetString()) ? RealtimeEmulatorOptions.DefaultPersona : i.GetString()) != Instructions)
        {
            return new WireError("persona_update_unsupported", "PersonaPlex persona (instructions) cannot be changed after the session is created", eventId);
        }

        if (config.TryGetProperty("voice", out var v) && v.ValueKind == JsonValueKind.String)
        {
            var voice = string.IsNullOrEmpty(v.GetString()) ? "NATF2.pt" : v.GetString()!;
            if (!IsVoiceName(voice))
            {
                return new WireError("invalid_voice", "PersonaPlex voice must be a bundled .pt basename", eventId);
            }

            if (voice != Voice)
            {
                return new WireError("voice_update_unsupported", "PersonaPlex voice cannot be changed after the session is created", eventId);
            }
        }

        return ApplyFormats(config, eventId);
    }

    /// <summary><c>PurePath(v).name == v</c>, a <c>.pt</c> suffix, no <c>..</c>.</summary>
    private static bool IsVoiceName(string voice) =>
        !voice.Contains('/') && !voice.Contains('\\') && !voice.Contains("..", StringComparison.Ordinal)
        && voice.EndsWith(".pt", StringComparison.Ordinal) && voice.Length > 3;

    private static string? Strings(JsonElement config, string[] names) =>
        names.FirstOrDefault(n => config.TryGetProperty(n, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null));

    private WireError? ApplyFormats(JsonElement config, string? eventId)
    {
        var input = config.TryGetProperty("input_audio_format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var rate = Number(config, "sample_rate_hz");
        if (config.TryGetProperty("audio", out var audio) && audio.ValueKind == JsonValueKind.Object
            && audio.TryGetProperty("input", out var audioInput) && audioInput.ValueKind == JsonValueKind.Object)
        {
            rate = Number(audioInput, "sample_rate_hz") ?? rate;
            if (audioInput.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object)
            {
                input = format.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : input;
                rate = Number(format, "rate") ?? rate;
            }
        }

        if (input is not null && AudioFormatNames.Input(input) is null)
        {
            return new WireError("unsupported_audio_format", $"Unsupported input_audio_format: {input}", eventId);
        }

        var output = config.TryGetProperty("output_audio_format", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        if (output is not null && AudioFormatNames.Output(output) is null)
        {
            return new WireError("unsupported_audio_format", $"Unsupported output_audio_format: {output}", eventId);
        }

        InputFormat = input is null ? InputFormat : AudioFormatNames.Input(input)!;
        OutputFormat = output is null ? OutputFormat : AudioFormatNames.Output(output)!;
        InputRate = rate ?? InputRate;
        return null;
    }

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
