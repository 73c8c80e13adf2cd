namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>The audio PersonaPlex takes and gives on vLLM-Omni's duplex route (spec §3, §4, §5).</summary>
internal static class RealtimeAudio
{
    /// <summary>24 kHz mono, both ways.</summary>
    public const int SampleRate = 24000;

    /// <summary>One model frame: 1920 samples, 80 ms.</summary>
    public const int FrameSamples = 1920;

    /// <summary>One frame as pcm_f32le: 7680 bytes.</summary>
    public const int FrameBytesF32 = FrameSamples * sizeof(float);

    /// <summary>One frame as pcm16: 3840 bytes.</summary>
    public const int FrameBytesPcm16 = FrameSamples * sizeof(short);

    /// <summary>The 20 ms Opus packets sent to the satellite: 480 samples, four per frame.</summary>
    public const int PacketSamples = 480;

    /// <summary>Seconds of one frame.</summary>
    public const double FrameSeconds = FrameSamples / (double)SampleRate;
}
