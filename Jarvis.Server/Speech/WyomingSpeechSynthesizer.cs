using System.Runtime.CompilerServices;
using System.Text;
using Jarvis.Server.Wyoming;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Speech;

/// <summary>
/// TTS over Wyoming. <see cref="SynthesizeAsync"/>: <c>synthesize</c> → one audio stream. <see cref="SynthesizeStreamingAsync"/>:
/// when <c>info</c> says <c>supports_synthesize_streaming</c>, <c>synthesize-start</c>/<c>-chunk</c>*/<c>synthesize</c>/<c>-stop</c>
/// on one connection, reading audio streams until <c>synthesize-stopped</c>; otherwise one <c>synthesize</c> per piece.
/// Empty or blank text is never sent (Wyoming servers refuse a <c>synthesize</c> without text): it yields no audio.
/// </summary>
public sealed class WyomingSpeechSynthesizer(IOptionsMonitor<TtsOptions> options) : ISpeechSynthesizer
{
    public async IAsyncEnumerable<PcmChunk> SynthesizeAsync(string text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var o = options.CurrentValue;
        await using var connection = await ConnectAsync(o, cancellationToken).ConfigureAwait(false);
        await connection.WriteEventAsync(WyomingEvents.Synthesize(text, o.Voice), cancellationToken).ConfigureAwait(false);
        await foreach (var chunk in ReadAudioAsync(connection, 0, untilStopped: false, cancellationToken).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }

    public async IAsyncEnumerable<PcmChunk> SynthesizeStreamingAsync(IAsyncEnumerable<string> textPieces, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        await using var connection = await ConnectAsync(o, cancellationToken).ConfigureAwait(false);
        var streaming = o.PreferStreaming
            && (await WyomingDescriber.DescribeAsync(connection, cancellationToken).ConfigureAwait(false)).SupportsSynthesizeStreaming;
        if (!streaming)
        {
            var index = 0;
            await foreach (var piece in textPieces.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(piece))
                {
                    continue;
                }

                await connection.WriteEventAsync(WyomingEvents.Synthesize(piece, o.Voice), cancellationToken).ConfigureAwait(false);
                await foreach (var chunk in ReadAudioAsync(connection, index, untilStopped: false, cancellationToken).ConfigureAwait(false))
                {
                    yield return chunk;
                }

                index++;
            }

            yield break;
        }

        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = WriteStreamingTextAsync(connection, textPieces, o.Voice, started, reading, writing.Token);
        try
        {
            // Nothing is read before synthesize-start; no text at all (an empty answer) means no request and no audio.
            if (!await started.Task.ConfigureAwait(false))
            {
                await writer.ConfigureAwait(false); // surfaces a failure of the text source
                yield break;
            }

            await foreach (var chunk in ReadAudioAsync(connection, 0, untilStopped: true, reading.Token).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
        finally
        {
            await writing.CancelAsync().ConfigureAwait(false);
            await SwallowCancellation(writer).ConfigureAwait(false);
        }
    }

    private static async Task<WyomingConnection> ConnectAsync(TtsOptions o, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        return await WyomingConnection.ConnectAsync(o.Uri, timeout.Token).ConfigureAwait(false);
    }

    private static async Task WriteStreamingTextAsync(WyomingConnection connection, IAsyncEnumerable<string> pieces, string? voice,
        TaskCompletionSource<bool> started, CancellationTokenSource reading, CancellationToken cancellationToken)
    {
        try
        {
            await WriteStreamingTextAsync(connection, pieces, voice, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader would otherwise wait for synthesize-stopped forever; the writer's exception surfaces afterwards.
            await reading.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            started.TrySetResult(false);
        }
    }

    /// <summary>synthesize-start goes out with the first piece that has words (<paramref name="started"/> then completes with true).</summary>
    private static async Task WriteStreamingTextAsync(WyomingConnection connection, IAsyncEnumerable<string> pieces, string? voice,
        TaskCompletionSource<bool> started, CancellationToken cancellationToken)
    {
        var full = new StringBuilder();
        await foreach (var piece in pieces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(piece))
            {
                continue;
            }

            if (full.Length == 0)
            {
                await connection.WriteEventAsync(WyomingEvents.SynthesizeStart(voice), cancellationToken).ConfigureAwait(false);
                started.TrySetResult(true);
            }

            full.Append(full.Length > 0 ? " " : "").Append(piece);
            // Pieces are whole sentences: the trailing space lets the server's sentence splitter see the boundary.
            await connection.WriteEventAsync(WyomingEvents.SynthesizeChunk(piece.EndsWith(' ') ? piece : piece + " "), cancellationToken).ConfigureAwait(false);
        }

        if (full.Length > 0)
        {
            await connection.WriteEventAsync(WyomingEvents.Synthesize(full.ToString(), voice), cancellationToken).ConfigureAwait(false);
            await connection.WriteEventAsync(WyomingEvents.SynthesizeStop(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads audio streams. Without <paramref name="untilStopped"/> the first <c>audio-stop</c> ends the reply; with it,
    /// several streams are read until <c>synthesize-stopped</c>.
    /// </summary>
    private static async IAsyncEnumerable<PcmChunk> ReadAudioAsync(WyomingConnection connection, int firstIndex, bool untilStopped, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = firstIndex - 1;
        AudioFormat? streamFormat = null;
        while (true)
        {
            var evt = await connection.ReadRequiredEventAsync(cancellationToken).ConfigureAwait(false);
            switch (evt.Type)
            {
                case WyomingEventTypes.AudioStart:
                    streamFormat = WyomingEvents.ReadFormat(evt) ?? throw new WyomingProtocolException($"audio-start without a valid format: {evt}");
                    index++;
                    break;
                case WyomingEventTypes.AudioChunk:
                    var format = WyomingEvents.ReadFormat(evt) ?? streamFormat
                        ?? throw new WyomingProtocolException("audio-chunk before audio-start");
                    if (!evt.Payload.IsEmpty)
                    {
                        yield return new PcmChunk(format, evt.Payload, Math.Max(index, firstIndex));
                    }

                    break;
                case WyomingEventTypes.AudioStop when !untilStopped:
                    yield break;
                case WyomingEventTypes.AudioStop:
                    streamFormat = null;
                    break;
                case WyomingEventTypes.SynthesizeStopped:
                    yield break;
                case WyomingEventTypes.Error:
                    throw new WyomingProtocolException($"TTS error: {evt.GetString("text")} ({evt.GetString("code")})");
            }
        }
    }

    private static async Task SwallowCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
