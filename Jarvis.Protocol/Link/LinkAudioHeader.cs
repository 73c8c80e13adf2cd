namespace Jarvis.Protocol.Link;

/// <summary>The 12-byte header of a binary audio frame (docs/link-protocol.md, "Audio frames").</summary>
/// <param name="Direction">Uplink (microphone) or downlink (playback).</param>
/// <param name="Codec">Codec of the payload.</param>
/// <param name="Sequence">Per-stream frame counter, +1 per frame, wraps at 2^32.</param>
/// <param name="TimestampUs">Capture time in µs on the sender's monotonic clock, 48 bits (wraps after 8.9 years).</param>
public readonly record struct LinkAudioHeader(StreamDirection Direction, LinkCodec Codec, uint Sequence, long TimestampUs)
{
    /// <summary>The largest timestamp a header can carry; larger values are written modulo 2^48.</summary>
    public const long MaxTimestampUs = (1L << 48) - 1;
}
