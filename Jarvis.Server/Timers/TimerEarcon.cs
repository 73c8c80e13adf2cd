using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Timers;

/// <summary>
/// The ring of an ended timer: three short beeps (A5/E6 alternating, 100 ms each, 60 ms apart), Opus packets at the room's
/// rate with silence packets in the gaps, encoded once on first use and replayed for every ring.
/// </summary>
public sealed class TimerEarcon(IOptions<RoomAudioOptions> options)
{
    private const int BeepFrames = 5;
    private const int GapFrames = 3;
    private const short Amplitude = 7000;
    private const int FadeMilliseconds = 5;

    private static readonly Tone[] Ring =
    [
        new(880, BeepFrames, Amplitude, FadeMilliseconds), new(0, GapFrames, 0, FadeMilliseconds),
        new(1319, BeepFrames, Amplitude, FadeMilliseconds), new(0, GapFrames, 0, FadeMilliseconds),
        new(880, BeepFrames, Amplitude, FadeMilliseconds), new(0, GapFrames, 0, FadeMilliseconds),
    ];

    private readonly Lazy<OpusRecording> _clip = new(() => ToneClip.Encode(options.Value, Ring));

    public OpusRecording Clip => _clip.Value;
}
