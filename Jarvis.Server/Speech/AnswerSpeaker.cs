using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Jarvis.Server.Llm;

namespace Jarvis.Server.Speech;

/// <summary>
/// Speaks a streamed LLM answer sentence by sentence: tokens are split into sentences as they arrive and each
/// completed sentence goes to TTS at once while the LLM keeps generating, so the first sentence is heard before the
/// answer is finished. Cancelling (the user interrupts) stops both the LLM and TTS at once.
/// </summary>
public sealed class AnswerSpeaker(ISpeechSynthesizer synthesizer, TimeProvider timeProvider)
{
    public async IAsyncEnumerable<PcmChunk> SpeakAsync(IAsyncEnumerable<AnswerToken> tokens, AnswerProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sentences = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = SplitAsync(tokens, sentences.Writer, progress, stop.Token);
        try
        {
            await foreach (var chunk in synthesizer.SynthesizeStreamingAsync(sentences.Reader.ReadAllAsync(stop.Token), stop.Token).ConfigureAwait(false))
            {
                progress.FirstAudioAt ??= timeProvider.GetTimestamp();
                yield return chunk;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task SplitAsync(IAsyncEnumerable<AnswerToken> tokens, ChannelWriter<string> sentences, AnswerProgress progress, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var splitter = new SentenceSplitter();
        try
        {
            await foreach (var token in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                progress.FirstTokenAt ??= timeProvider.GetTimestamp();
                if (token.IsFallback)
                {
                    Fail(token.Text.Trim());
                    continue;
                }

                progress.Append(token.Text);
                foreach (var sentence in splitter.Append(token.Text))
                {
                    Emit(sentence);
                }
            }

            if (splitter.Flush() is { } rest)
            {
                Emit(rest);
            }

            sentences.TryComplete();
        }
        catch (Exception ex)
        {
            sentences.TryComplete(ex);
            throw;
        }

        // The answer failed: complete sentences already spoken stay, a finished last sentence is still said, an unfinished
        // fragment is dropped, and the apology is a sentence of its own.
        void Fail(string apology)
        {
            progress.IsFallback = true;
            var pending = splitter.PendingLength;
            if (splitter.Flush() is { } rest && SentenceSplitter.EndsLikeASentence(rest))
            {
                Emit(rest);
            }
            else
            {
                progress.DropLast(pending);
            }

            progress.Append(progress.Text.Length > 0 ? " " + apology : apology);
            Emit(apology);
        }

        void Emit(string sentence)
        {
            progress.FirstSentenceAt ??= timeProvider.GetTimestamp();
            progress.Sentences++;
            sentences.TryWrite(sentence);
        }
    }
}
