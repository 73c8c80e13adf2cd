using System.Runtime.InteropServices;
using System.Threading.Channels;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Speech;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Duplex;

/// <summary>
/// One thing the user says in a conversation, on its way to speech recognition: Opus decoded to 16 kHz PCM (decoder and
/// buffer reused) and streamed while they speak; at the end of speech the recognition goes to <c>onFinished</c>.
/// </summary>
internal sealed class RoomUtterance
{
    private readonly Channel<UplinkPacket> _packets = Channel.CreateBounded<UplinkPacket>(
        new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped => dropped.Return());

    private readonly CancellationTokenSource _cancel = new(); // no timer inside: nothing to dispose
    private long _endOfSpeech;

    public RoomUtterance(ISpeechRecognizer recognizer, Func<ISpeechRecognition, long, Task> onFinished, Action<Exception> onFailure)
    {
        Completion = RunAsync(recognizer, onFinished, onFailure);
    }

    public Task Completion { get; }

    public void Enqueue(ReadOnlySpan<byte> opusPacket, long receivedTimestamp)
    {
        var packet = UplinkPacket.CopyOf(opusPacket, receivedTimestamp);
        if (!_packets.Writer.TryWrite(packet))
        {
            packet.Return();
        }
    }

    /// <summary>The user stopped speaking at <paramref name="endOfSpeech"/>: recognise what was said.</summary>
    public void Finish(long endOfSpeech)
    {
        Volatile.Write(ref _endOfSpeech, endOfSpeech);
        _packets.Writer.TryComplete();
    }

    /// <summary>Drops the utterance (the conversation left the room, or the user started again).</summary>
    public void Cancel()
    {
        _packets.Writer.TryComplete();
        _cancel.Cancel();
    }

    private async Task RunAsync(ISpeechRecognizer recognizer, Func<ISpeechRecognition, long, Task> onFinished, Action<Exception> onFailure)
    {
        await Task.Yield();
        var token = _cancel.Token;
        ISpeechRecognition? recognition = null;
        try
        {
            recognition = await recognizer.StartAsync(AudioFormat.Speech16K, token).ConfigureAwait(false);
            using (var decoder = OpusFrameDecoder.Create(16000))
            {
                var pcm = new byte[OpusFrameDecoder.MaxSamplesPerPacket(16000) * 2];
                await foreach (var packet in _packets.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    try
                    {
                        var samples = decoder.Decode(packet.Data.Span, MemoryMarshal.Cast<byte, short>(pcm.AsSpan()));
                        await recognition.SendAsync(pcm.AsMemory(0, samples * 2), token).ConfigureAwait(false);
                    }
                    finally
                    {
                        packet.Return();
                    }
                }
            }

            if (!token.IsCancellationRequested && Volatile.Read(ref _endOfSpeech) is var end and not 0)
            {
                var finished = recognition;
                recognition = null;
                await onFinished(finished, end).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Dropped.
        }
        catch (Exception ex)
        {
            onFailure(ex);
        }
        finally
        {
            _packets.Writer.TryComplete();
            if (recognition is not null)
            {
                await recognition.DisposeAsync().ConfigureAwait(false);
            }

            while (_packets.Reader.TryRead(out var left))
            {
                left.Return();
            }
        }
    }
}
