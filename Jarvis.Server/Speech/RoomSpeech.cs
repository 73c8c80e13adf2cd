using Jarvis.Server.Llm;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Speech;

/// <summary>Speaks to a room: a fixed reply, or a streamed LLM answer sentence by sentence, as Opus packets into an <see cref="IRoomAudioSink"/>.</summary>
public sealed class RoomSpeech(ISpeechSynthesizer synthesizer, IOptionsMonitor<RoomAudioOptions> options, TimeProvider timeProvider)
{
    /// <summary>Speaks a fixed reply; empty or blank text is not sent to TTS (there is nothing to say).</summary>
    public async Task SpeakTextAsync(string text, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        using var encoder = new RoomAudioEncoder(options.CurrentValue);
        await foreach (var chunk in synthesizer.SynthesizeAsync(text, cancellationToken).ConfigureAwait(false))
        {
            await encoder.WriteAsync(chunk, sink, cancellationToken).ConfigureAwait(false);
        }

        await encoder.CompleteAsync(sink, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Synthesises a short reply into a clip (room rate Opus packets) to be played later without taking the room.</summary>
    public async Task<OpusRecording> RenderAsync(string text, CancellationToken cancellationToken)
    {
        var clip = new OpusRecording { SampleRate = options.CurrentValue.SampleRate };
        await SpeakTextAsync(text, new ClipSink(clip), cancellationToken).ConfigureAwait(false);
        return clip;
    }

    /// <summary>Streams an answer to the room; <paramref name="recording"/>, when given, keeps the packets for the cache.</summary>
    public async Task SpeakAnswerAsync(IAsyncEnumerable<AnswerToken> tokens, IRoomAudioSink sink, AnswerProgress progress, OpusRecording? recording, CancellationToken cancellationToken)
    {
        using var encoder = new RoomAudioEncoder(options.CurrentValue) { Recording = recording };
        var speaker = new AnswerSpeaker(synthesizer, timeProvider);
        await foreach (var chunk in speaker.SpeakAsync(tokens, progress, cancellationToken).ConfigureAwait(false))
        {
            await encoder.WriteAsync(chunk, sink, cancellationToken).ConfigureAwait(false);
        }

        await encoder.CompleteAsync(sink, cancellationToken).ConfigureAwait(false);
    }
}
