namespace Jarvis.Protocol.Link.Messages;

/// <summary>What a satellite can do (part of hello).</summary>
/// <param name="SampleRates">Sample rates it can capture and play (of 8000, 16000, 24000, 48000).</param>
/// <param name="Codecs">Codecs it can send and receive.</param>
/// <param name="HasSpeaker">False for capture-only boards (4-Mic Array without a speaker).</param>
/// <param name="LedKind">The LED hardware.</param>
/// <param name="HasButton">True when it has a mute button.</param>
/// <param name="HasEchoCancellation">True when it cancels its own playback from the microphone.</param>
public sealed record SatelliteCapabilities(
    IReadOnlyList<int> SampleRates,
    IReadOnlyList<LinkCodec> Codecs,
    bool HasSpeaker,
    LedKind LedKind,
    bool HasButton,
    bool HasEchoCancellation)
{
    internal string? Validate()
    {
        if (SampleRates.Count is 0 or > 8 || SampleRates.Any(rate => !LinkValidation.IsSampleRate(rate)))
        {
            return "capabilities.sample_rates must list 1 to 8 of 8000, 16000, 24000, 48000";
        }

        return Codecs.Count is 0 or > 8 ? "capabilities.codecs must list 1 to 8 codecs" : null;
    }
}
