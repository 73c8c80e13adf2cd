namespace Jarvis.Protocol.Link.Messages;

/// <summary>How one audio direction is encoded for this session (part of welcome).</summary>
/// <param name="Codec">The codec of every frame in this direction.</param>
/// <param name="SampleRate">8000, 16000, 24000 or 48000.</param>
/// <param name="FrameMs">Duration of one frame: 10, 20, 40, 60, 80, 100 or 120 ms.</param>
public sealed record AudioStreamParameters(LinkCodec Codec, int SampleRate, int FrameMs)
{
    internal string? Validate(string name) =>
        LinkValidation.IsSampleRate(SampleRate) && LinkValidation.IsFrameMs(FrameMs)
            ? null
            : $"welcome.{name} needs a sample rate of 8000/16000/24000/48000 and a frame of 10-120 ms";
}
