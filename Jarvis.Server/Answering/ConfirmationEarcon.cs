using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Answering;

/// <summary>
/// The short rising two-note chime (G5 then C6, 200 ms) that confirms a home command carried out while the duplex model
/// talks: Opus packets at the room's rate, encoded once on first use and reused.
/// </summary>
public sealed class ConfirmationEarcon(IOptions<RoomAudioOptions> options)
{
    private const int FramesPerNote = 5;
    private static readonly Tone[] Notes = [new(784, FramesPerNote, 5000, 10), new(1047, FramesPerNote, 5000, 10)];

    private readonly Lazy<OpusRecording> _clip = new(() => ToneClip.Encode(options.Value, Notes));

    public OpusRecording Clip => _clip.Value;
}
