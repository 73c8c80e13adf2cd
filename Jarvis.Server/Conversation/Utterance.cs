using System.Buffers;
using Jarvis.Server.Speech;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Conversation;

/// <summary>
/// The utterance being recognised in a room: a speech recognition opened at voice start and fed 16 kHz PCM. A recogniser that
/// is down or fails mid-utterance is logged (once per outage) and the utterance dropped; the conversation goes on.
/// The PCM sent so far is kept (one pooled buffer of <see cref="ConversationTurnOptions.MaxUtterance"/>, rented at the first
/// utterance) so that it can be transcribed ahead of the end at a pause (<see cref="CommandProbe"/>).
/// </summary>
internal sealed partial class Utterance(ConversationServices services, string room)
{
    private readonly ILogger _logger = services.Logger;
    private ISpeechRecognition? _recognition;
    private bool _failing;
    private byte[]? _heard;
    private int _heardLength;

    public bool IsOpen => _recognition is not null;

    public long StartedAt { get; private set; }

    public async Task<bool> OpenAsync(string currentRoom, long timestamp, CancellationToken cancellationToken)
    {
        try
        {
            _recognition = await services.Recognizer.StartAsync(AudioFormat.Speech16K, cancellationToken).ConfigureAwait(false);
            StartedAt = timestamp;
            _heardLength = 0;
            Recovered(currentRoom);
            return true;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or WyomingProtocolException or TimeoutException)
        {
            Failed(currentRoom, ex);
            return false;
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        if (_recognition is not { } recognition || pcm.IsEmpty)
        {
            return;
        }

        Keep(pcm.Span);
        try
        {
            await recognition.SendAsync(pcm, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or WyomingProtocolException or ObjectDisposedException)
        {
            Failed(room, ex);
            await AbandonAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Hands the recognition over (to be finished by the turn) and closes the utterance.</summary>
    public ISpeechRecognition? Take()
    {
        var recognition = _recognition;
        _recognition = null;
        return recognition;
    }

    public async Task AbandonAsync()
    {
        if (Take() is { } recognition)
        {
            await recognition.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A copy of the PCM sent so far in this utterance, in a rented buffer (the caller returns it); null when none.</summary>
    public (byte[] Buffer, int Length)? CopyHeard()
    {
        if (_heard is null || _heardLength == 0)
        {
            return null;
        }

        var copy = ArrayPool<byte>.Shared.Rent(_heardLength);
        _heard.AsSpan(0, _heardLength).CopyTo(copy);
        return (copy, _heardLength);
    }

    /// <summary>The listener is done: the kept PCM's buffer goes back to the pool.</summary>
    public void ReleaseBuffer()
    {
        if (_heard is { } heard)
        {
            _heard = null;
            _heardLength = 0;
            ArrayPool<byte>.Shared.Return(heard);
        }
    }

    private void Keep(ReadOnlySpan<byte> pcm)
    {
        _heard ??= ArrayPool<byte>.Shared.Rent((int)(services.Options.MaxUtterance.TotalSeconds * AudioFormat.Speech16K.BytesPerSecond) + 4096);
        var space = Math.Min(pcm.Length, _heard.Length - _heardLength);
        pcm[..space].CopyTo(_heard.AsSpan(_heardLength));
        _heardLength += space;
    }

    private void Failed(string currentRoom, Exception ex)
    {
        if (!_failing)
        {
            _failing = true;
            LogRecognizerDown(currentRoom, ex.Message);
        }
    }

    private void Recovered(string currentRoom)
    {
        if (_failing)
        {
            _failing = false;
            LogRecognizerBack(currentRoom);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech recognition unavailable in {Room} ({Error}): utterances are not transcribed until it is back. Check Speech:Asr:Uri (wyoming-faster-whisper listens on 10300).")]
    private partial void LogRecognizerDown(string room, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Speech recognition is back in {Room}")]
    private partial void LogRecognizerBack(string room);
}
