namespace Jarvis.Server.Speech;

/// <summary>Text to speech: PCM chunks (with their format) as soon as the service produces them.</summary>
public interface ISpeechSynthesizer
{
    IAsyncEnumerable<PcmChunk> SynthesizeAsync(string text, CancellationToken cancellationToken);

    /// <summary>
    /// Speaks text that is still being produced (e.g. sentence by sentence from an LLM): audio of the first piece flows
    /// while later pieces are still awaited. Several audio streams (one per sentence) make up the reply.
    /// </summary>
    IAsyncEnumerable<PcmChunk> SynthesizeStreamingAsync(IAsyncEnumerable<string> textPieces, CancellationToken cancellationToken);
}
