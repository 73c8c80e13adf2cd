using System.Threading.Channels;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Conversation;

/// <summary>A recognition already done (the transcript of a <see cref="CommandProbe"/>), handed to the turn like any other.</summary>
internal sealed class FinishedRecognition(RecognizedSpeech heard) : ISpeechRecognition
{
    private static readonly ChannelReader<string> NoPartials = CreateCompleted();

    public ChannelReader<string> PartialTranscripts => NoPartials;

    public ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The recognition is finished: it takes no more audio.");

    public Task<RecognizedSpeech> FinishAsync(CancellationToken cancellationToken) => Task.FromResult(heard);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ChannelReader<string> CreateCompleted()
    {
        var channel = Channel.CreateUnbounded<string>();
        channel.Writer.Complete();
        return channel.Reader;
    }
}
