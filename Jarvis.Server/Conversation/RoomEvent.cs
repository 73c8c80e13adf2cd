using System.Buffers;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Conversation;

/// <summary>
/// What reaches a conversation's listener, in arrival order: an uplink Opus packet (rented buffer), a voice start/stop, the
/// end-of-turn timer, or the transcript of what was said up to a pause (<see cref="Heard"/>; <see cref="Timestamp"/> is the pause's).
/// </summary>
internal readonly record struct RoomEvent(RoomEventKind Kind, byte[]? Buffer, int Length, long Timestamp, RecognizedSpeech? Heard = null)
{
    public static RoomEvent Packet(ReadOnlySpan<byte> opus, long timestamp)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(opus.Length);
        opus.CopyTo(buffer);
        return new RoomEvent(RoomEventKind.Packet, buffer, opus.Length, timestamp);
    }

    public static RoomEvent Voice(bool speaking, long timestamp) =>
        new(speaking ? RoomEventKind.VoiceStart : RoomEventKind.VoiceStop, null, 0, timestamp);

    public static RoomEvent SpeakingAtStart(long since) => new(RoomEventKind.SpeakingAtStart, null, 0, since);

    public static RoomEvent Idle(long timestamp) => new(RoomEventKind.Idle, null, 0, timestamp);

    public static RoomEvent Transcribed(RecognizedSpeech heard, long pauseAt) => new(RoomEventKind.Transcribed, null, 0, pauseAt, heard);

    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);

    public void Return()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
