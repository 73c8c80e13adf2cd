using System.Buffers;
using Jarvis.Server.Speech;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Conversation;

/// <summary>
/// Transcribes what an utterance has said so far, at a pause, on its own recognition (the utterance's own recognition goes
/// on untouched): if the transcript is a complete home command, the listener answers it at once instead of waiting for the
/// satellite's voice-activity stop. The transcript comes back to the listener as a <see cref="RoomEventKind.Transcribed"/>
/// event; a failure only means no early answer.
/// </summary>
internal static partial class CommandProbe
{
    private const int ChunkBytes = 32_000;

    /// <summary>Sends <paramref name="pcm"/> (rented; returned here) to a new recognition and posts its transcript.</summary>
    public static async Task RunAsync(ConversationServices services, string room, byte[] pcm, int length, long pauseAt,
        Action<RoomEvent> post, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var recognition = await services.Recognizer.StartAsync(AudioFormat.Speech16K, cancellationToken).ConfigureAwait(false);
            for (var offset = 0; offset < length; offset += ChunkBytes)
            {
                await recognition.SendAsync(pcm.AsMemory(offset, Math.Min(ChunkBytes, length - offset)), cancellationToken).ConfigureAwait(false);
            }

            var heard = await recognition.FinishAsync(cancellationToken).ConfigureAwait(false);
            post(RoomEvent.Transcribed(heard, pauseAt));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The listener is gone.
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or WyomingProtocolException or TimeoutException or ObjectDisposedException)
        {
            LogProbeFailed(services.Logger, room, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pcm);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Early transcript at a pause in {Room} failed: {Error}")]
    private static partial void LogProbeFailed(ILogger logger, string room, string error);
}
