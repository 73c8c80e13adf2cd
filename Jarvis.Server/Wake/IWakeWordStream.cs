using System.Threading.Channels;

namespace Jarvis.Server.Wake;

/// <summary>One room's audio going to the wake service; detections arrive on <see cref="Detections"/> as they fire.</summary>
public interface IWakeWordStream : IAsyncDisposable
{
    /// <summary>Detections; completes when the stream ends (its exception says why when the service failed).</summary>
    ChannelReader<WakeDetection> Detections { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken);

    /// <summary>Sends <c>audio-stop</c>; the service answers <c>not-detected</c> if nothing fired and the detections complete.</summary>
    ValueTask StopAsync(CancellationToken cancellationToken);
}
