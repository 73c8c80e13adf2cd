using System.Text.Json.Nodes;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>
/// Wyoming ASR emulator (wyoming-faster-whisper's behaviour): optional <c>transcribe</c>, then <c>audio-start</c>,
/// <c>audio-chunk</c>* in the announced format, <c>audio-stop</c> → <c>transcript</c> (with <c>transcript-start/-chunk/-stop</c>
/// around it when <see cref="StreamTranscripts"/>:
/// partial words arrive while the audio flows). The transcript comes from <see cref="Transcriber"/> given the audio received.
/// </summary>
public sealed class WyomingAsrEmulator : WyomingEmulator
{
    public Func<byte[], AudioFormat, string> Transcriber { get; set; } = (_, _) => "";

    public string Transcript
    {
        set => Transcriber = (_, _) => value;
    }

    public bool StreamTranscripts { get; init; }

    /// <summary>With <see cref="StreamTranscripts"/>, a partial word is revealed per this much audio received.</summary>
    public int MsPerWord { get; init; } = 300;

    /// <summary>Audio bytes of the last finished utterance.</summary>
    public byte[] LastAudio { get; private set; } = [];

    protected override WyomingEvent Info => new(WyomingEventTypes.Info, new JsonObject
    {
        ["asr"] = new JsonArray(new JsonObject
        {
            ["name"] = "faster-whisper",
            ["description"] = "emulated",
            ["installed"] = true,
            ["attribution"] = new JsonObject { ["name"] = "test", ["url"] = "http://localhost" },
            ["models"] = new JsonArray(new JsonObject { ["name"] = "tiny-int8", ["languages"] = new JsonArray("en"), ["installed"] = true }),
            ["supports_transcript_streaming"] = StreamTranscripts,
        }),
    });

    protected override async Task<bool> HandleAsync(WyomingConnection connection, ConnectionState state, WyomingEvent evt, CancellationToken cancellationToken)
    {
        switch (evt.Type)
        {
            case WyomingEventTypes.Transcribe:
                if (state.AudioFormat is not null)
                {
                    return await RejectAsync(connection, "transcribe while audio is streaming", cancellationToken);
                }

                state.Transcribing = true;
                return true;
            case WyomingEventTypes.AudioStart:
                if (state.AudioFormat is not null)
                {
                    return await RejectAsync(connection, "audio-start while audio is already streaming", cancellationToken);
                }

                state.AudioFormat = WyomingEvents.ReadFormat(evt);
                return state.AudioFormat is not null || await RejectAsync(connection, "audio-start without rate/width/channels", cancellationToken);
            case WyomingEventTypes.AudioChunk:
                if (state.AudioFormat is not { } format)
                {
                    return await RejectAsync(connection, "audio-chunk before audio-start", cancellationToken);
                }

                if (WyomingEvents.ReadFormat(evt) != format || evt.Payload.Length % (format.Width * format.Channels) != 0)
                {
                    return await RejectAsync(connection, "audio-chunk format differs from audio-start or payload is not whole samples", cancellationToken);
                }

                state.Audio.Write(evt.Payload.Span);
                if (StreamTranscripts)
                {
                    await SendPartialsAsync(connection, state, format, final: false, cancellationToken);
                }

                return true;
            case WyomingEventTypes.AudioStop:
                if (state.AudioFormat is not { } stopped)
                {
                    return await RejectAsync(connection, "audio-stop before audio-start", cancellationToken);
                }

                LastAudio = state.Audio.ToArray();
                var text = LastAudio.Length == 0 ? "" : Transcriber(LastAudio, stopped);
                if (StreamTranscripts)
                {
                    await SendPartialsAsync(connection, state, stopped, final: true, cancellationToken);
                }

                await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.Transcript, new JsonObject { ["text"] = text, ["language"] = "en" }), cancellationToken);
                if (StreamTranscripts)
                {
                    await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.TranscriptStop), cancellationToken);
                }

                state.ResetAudio();
                state.Transcribing = false;
                return true;
            default:
                return true;
        }
    }

    /// <summary>Streaming: one word of the transcript per <see cref="MsPerWord"/> of audio while it flows, the rest at the end.</summary>
    private async Task SendPartialsAsync(WyomingConnection connection, ConnectionState state, AudioFormat format, bool final, CancellationToken cancellationToken)
    {
        var audio = state.Audio.ToArray();
        var words = audio.Length == 0 ? [] : Transcriber(audio, format).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var due = final ? words.Length : Math.Min(words.Length - 1, (int)(format.Duration(audio.Length).TotalMilliseconds / MsPerWord));
        for (; state.WordsSent < due; state.WordsSent++)
        {
            if (!state.TranscriptStarted)
            {
                state.TranscriptStarted = true;
                await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.TranscriptStart, new JsonObject { ["language"] = "en" }), cancellationToken);
            }

            await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.TranscriptChunk, new JsonObject { ["text"] = words[state.WordsSent] + " " }), cancellationToken);
        }
    }
}
