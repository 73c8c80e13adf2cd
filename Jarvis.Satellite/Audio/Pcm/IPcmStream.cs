namespace Jarvis.Satellite.Audio.Pcm;

/// <summary>
/// An open blocking 16-bit stream of one backend (PortAudio, ALSA) in one direction, at the rate and channel count the
/// device accepted; <see cref="PcmCapture"/> and <see cref="PcmPlayback"/> adapt it to the satellite's mono frames.
/// </summary>
internal interface IPcmStream : IDisposable
{
    /// <summary>The device as opened (for logs).</summary>
    string Name { get; }

    int DeviceRate { get; }

    int Channels { get; }

    /// <summary>Device frames per <see cref="Read"/> or <see cref="Write"/> (one period).</summary>
    int FramesPerBuffer { get; }

    /// <summary>Blocks until <paramref name="interleaved"/> (<see cref="FramesPerBuffer"/> × <see cref="Channels"/>)
    /// is filled; false when samples were lost before it (overrun).</summary>
    bool Read(Span<short> interleaved);

    /// <summary>Blocks until the device has taken <paramref name="interleaved"/> (whole device frames); false when the
    /// device ran dry before it (underrun).</summary>
    bool Write(ReadOnlySpan<short> interleaved);
}
