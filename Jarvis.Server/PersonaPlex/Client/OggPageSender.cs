using System.Buffers;
using System.Net.WebSockets;

namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>
/// The outgoing half of a PersonaPlex connection: wraps Opus packets into Ogg pages (one page, one 0x01 message each)
/// in a reused buffer, one sender at a time. Allocation-free per packet.
/// </summary>
internal sealed class OggPageSender : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _message = new(4096);

    /// <summary>Sends the OpusHead and OpusTags pages (in one message: the server reads a continuous byte stream).</summary>
    public async Task SendHeadersAsync(PersonaPlexConnection connection, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            StartMessage();
            connection.Writer.WriteHeaders(_message);
            await connection.Socket.SendAsync(_message.WrittenMemory, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask SendPacketAsync(PersonaPlexConnection connection, ReadOnlyMemory<byte> opusPacket, int samples48k, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            StartMessage();
            connection.Writer.WritePacket(opusPacket.Span, samples48k, _message);
            await connection.Socket.SendAsync(_message.WrittenMemory, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
            connection.AddSent(samples48k);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private void StartMessage()
    {
        _message.ResetWrittenCount();
        _message.GetSpan(1)[0] = (byte)PersonaPlexMessageKind.Audio;
        _message.Advance(1);
    }
}
