using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;

namespace Jarvis.Satellite.Playback;

/// <summary>
/// Jitter buffer → volume → speaker, one frame every 20 ms on its own thread (the blocking device write
/// paces it; a paced sink is waited for before the frame is taken, so audio waits in the jitter buffer, where latency is
/// controlled, not in a frame already made); every frame written is also handed to the echo canceller's reference,
/// silence included.
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
        playback.WaitUntilReady(cancellationToken);
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
