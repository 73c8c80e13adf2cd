using System.Threading.Channels;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Speech;

/// <summary>
/// One ASR stream on its own connection. A reader loop collects streaming partials (<c>transcript-chunk</c>) and the
/// final <c>transcript</c> (with its <c>confidence</c>, 0–1, when a recogniser adds one: not part of Wyoming, and
/// wyoming-faster-whisper sends none); an <c>error</c> event or a dropped connection fails <see cref="FinishAsync"/>.
/// </summary>
internal sealed class WyomingRecognition : ISpeechRecognition
{
    private readonly WyomingConnection _connection;
    private readonly WyomingAudioUpload _upload;
    private readonly Channel<string> _partials = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource<RecognizedSpeech> _transcript = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readLoop;

    public WyomingRecognition(WyomingConnection connection, AudioFormat format)
    {
        _connection = connection;
        _upload = new WyomingAudioUpload(connection, format);
        _readLoop = ReadLoopAsync(_stop.Token);
    }

    public ChannelReader<string> PartialTranscripts => _partials.Reader;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        if (_transcript.Task.IsFaulted)
        {
            await _transcript.Task.ConfigureAwait(false);
        }

        await _upload.SendAsync(pcm, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RecognizedSpeech> FinishAsync(CancellationToken cancellationToken)
    {
        await _upload.StopAsync(cancellationToken).ConfigureAwait(false);
        return await _transcript.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var partial = new System.Text.StringBuilder();
        try
        {
            while (await _connection.ReadEventAsync(cancellationToken).ConfigureAwait(false) is { } evt)
            {
                switch (evt.Type)
                {
                    case WyomingEventTypes.TranscriptStart:
                        partial.Clear();
                        break;
                    case WyomingEventTypes.TranscriptChunk:
                        partial.Append(evt.GetString("text"));
                        _partials.Writer.TryWrite(partial.ToString());
                        break;
                    case WyomingEventTypes.Transcript:
                        _transcript.TrySetResult(new RecognizedSpeech(evt.GetString("text") ?? "", Confidence(evt)));
                        break;
                    case WyomingEventTypes.Error:
                        _transcript.TrySetException(new WyomingProtocolException($"ASR error: {evt.GetString("text")} ({evt.GetString("code")})"));
                        break;
                }
            }

            _transcript.TrySetException(new WyomingProtocolException("ASR closed the connection without a transcript"));
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            _transcript.TrySetCanceled(cancellationToken);
        }
        catch (Exception ex)
        {
            _transcript.TrySetException(ex);
        }
        finally
        {
            _partials.Writer.TryComplete();
        }
    }

    private static double? Confidence(WyomingEvent evt) => evt.GetDouble("confidence") is { } c and >= 0 and <= 1 ? c : null;
}
