using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;

namespace Jarvis.Satellite.Playback;

/// <summary>
/// Jitter buffer → volume → speaker, one frame every 20 ms on its own thread (the blocking device write
/// paces it); every frame written is also handed to the echo canceller's reference, silence included.
/// </summary>
public sealed class PlaybackPipeline(IAudioPlayback playback, JitterBuffer jitter, PlaybackVolume volume, EchoReference reference)
{
    private readonly short[] frame = new short[playback.FrameSamples];

    public long Frames { get; private set; }

    public long AudibleFrames { get; private set; }

    public void Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            PlayFrame(cancellationToken);
        }
    }

    internal void PlayFrame(CancellationToken cancellationToken)
    {
        if (jitter.Read(frame))
        {
            AudibleFrames++;
        }

        volume.Apply(frame);
        playback.WriteFrame(frame, cancellationToken);
        reference.Played(frame);
        Frames++;
    }
}
