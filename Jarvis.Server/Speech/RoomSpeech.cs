using Jarvis.Server.Llm;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Speech;

/// <summary>Speaks to a room: a fixed reply, or a streamed LLM answer sentence by sentence, as Opus packets into an <see cref="IRoomAudioSink"/>.</summary>
public sealed class RoomSpeech(ISpeechSynthesizer synthesizer, IOptionsMonitor<RoomAudioOptions> options, TimeProvider timeProvider)
{
    public async Task SpeakTextAsync(string text, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        using var encoder = new RoomAudioEncoder(options.CurrentValue);
        await foreach (var chunk in synthesizer.SynthesizeAsync(text, cancellationToken).ConfigureAwait(false))
        {
            await encoder.WriteAsync(chunk, sink, cancellationToken).ConfigureAwait(false);
        }

        await encoder.CompleteAsync(sink, cancellationToken).ConfigureAwait(false);
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
