using System.IO.Pipelines;
using System.Net.Sockets;

namespace Jarvis.Server.Wyoming;

/// <summary>
/// Event-level session over a byte stream (TCP). Reads are single-consumer; writes are serialised and flushed once
/// per event. EOF between events is a clean end (<see cref="ReadEventAsync"/> returns null); EOF inside an event is a
/// <see cref="WyomingProtocolException"/>.
/// </summary>
public sealed class WyomingConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly WyomingEventWriter _eventWriter = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WyomingLimits _limits;

    public WyomingConnection(Stream stream, WyomingLimits? limits = null, IDisposable? owner = null)
    {
        _stream = stream;
        _owner = owner;
        _limits = limits ?? WyomingLimits.Default;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>Connects to <c>tcp://host:port</c>.</summary>
    public static async Task<WyomingConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (!string.Equals(uri.Scheme, "tcp", StringComparison.OrdinalIgnoreCase) || uri.Port <= 0)
        {
            throw new ArgumentException($"Wyoming URI must look like tcp://host:port, got {uri}", nameof(uri));
        }

        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(uri.Host, uri.Port, cancellationToken).ConfigureAwait(false);
            return new WyomingConnection(client.GetStream(), owner: client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask<WyomingEvent?> ReadEventAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                if (WyomingEventReader.TryRead(ref buffer, _limits, out var evt))
                {
                    _reader.AdvanceTo(buffer.Start);
                    return evt;
                }
            }
            catch
            {
                _reader.AdvanceTo(buffer.Start);
                throw;
            }

            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? null : throw new WyomingProtocolException("connection closed in the middle of an event");
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads the next event, treating end of stream as an error (for request/response flows).</summary>
    public async ValueTask<WyomingEvent> ReadRequiredEventAsync(CancellationToken cancellationToken) =>
        await ReadEventAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new WyomingProtocolException("connection closed by the server");

    public async ValueTask WriteEventAsync(WyomingEvent evt, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _eventWriter.Write(evt, _writer);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask WriteAudioChunkAsync(AudioFormat format, long? timestampMs, ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _eventWriter.WriteAudioChunk(format, timestampMs, pcm.Span, _writer);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The peer has gone (broken pipe): what could not be sent is dropped.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
        _writeLock.Dispose();
    }
}
