using System.Threading.Channels;

namespace Jarvis.Server.Speech;

/// <summary>One utterance being recognised. Partial transcripts arrive only when the server streams them.</summary>
public interface ISpeechRecognition : IAsyncDisposable
{
    ChannelReader<string> PartialTranscripts { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken);

    /// <summary>Ends the audio and waits for the final transcript ("" when nothing was said) and its confidence, when reported.</summary>
    Task<RecognizedSpeech> FinishAsync(CancellationToken cancellationToken);
}
