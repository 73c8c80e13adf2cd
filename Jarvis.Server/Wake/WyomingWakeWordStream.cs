using System.Threading.Channels;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Wake;

/// <summary>One wake stream on its own connection; a reader loop turns <c>detection</c> events into <see cref="WakeDetection"/>s.</summary>
internal sealed class WyomingWakeWordStream : IWakeWordStream
{
    private readonly WyomingConnection _connection;
    private readonly WyomingAudioUpload _upload;
    private readonly Channel<WakeDetection> _detections = Channel.CreateUnbounded<WakeDetection>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readLoop;

    public WyomingWakeWordStream(WyomingConnection connection, AudioFormat format)
    {
        _connection = connection;
        _upload = new WyomingAudioUpload(connection, format);
        _readLoop = ReadLoopAsync(_stop.Token);
    }

    public ChannelReader<WakeDetection> Detections => _detections.Reader;

    public ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken) => _upload.SendAsync(pcm, cancellationToken);

    public ValueTask StopAsync(CancellationToken cancellationToken) => _upload.StopAsync(cancellationToken);

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
        try
        {
            while (await _connection.ReadEventAsync(cancellationToken).ConfigureAwait(false) is { } evt)
            {
                switch (evt.Type)
                {
                    case WyomingEventTypes.Detection:
                        _detections.Writer.TryWrite(new WakeDetection(evt.GetString("name") ?? "", evt.GetInt64("timestamp")));
                        break;
                    case WyomingEventTypes.NotDetected:
                        _detections.Writer.TryComplete();
                        return;
                    case WyomingEventTypes.Error:
                        _detections.Writer.TryComplete(new WyomingProtocolException($"wake service error: {evt.GetString("text")}"));
                        return;
                }
            }

            _detections.Writer.TryComplete();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            _detections.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _detections.Writer.TryComplete(ex);
        }
    }
}
