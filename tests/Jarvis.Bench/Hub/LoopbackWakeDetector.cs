using System.Threading.Channels;
using Jarvis.Server.Wake;
using Jarvis.Server.Wyoming;

namespace Jarvis.Bench.Hub;

/// <summary>
/// A wake-word service that answers instantly and never fires: counts the PCM it is sent (per stream and in total), so that
/// the harness measures the server's wake path (decode and hand-off) without a Wyoming service's own cost.
/// </summary>
internal sealed class LoopbackWakeDetector : IWakeWordDetector
{
    private long _chunks;
    private long _samples;
    private long _streams;

    public long Chunks => Interlocked.Read(ref _chunks);

    /// <summary>16 kHz samples received in all.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    public long Streams => Interlocked.Read(ref _streams);

    public Task<IWakeWordStream> StartAsync(AudioFormat format, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _streams);
        return Task.FromResult<IWakeWordStream>(new Stream(this));
    }

    private sealed class Stream(LoopbackWakeDetector owner) : IWakeWordStream
    {
        private readonly Channel<WakeDetection> _detections = Channel.CreateBounded<WakeDetection>(1);

        public ChannelReader<WakeDetection> Detections => _detections.Reader;

        public ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._chunks);
            Interlocked.Add(ref owner._samples, pcm.Length / 2);
            return ValueTask.CompletedTask;
        }

        public ValueTask StopAsync(CancellationToken cancellationToken)
        {
            _detections.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            _detections.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
