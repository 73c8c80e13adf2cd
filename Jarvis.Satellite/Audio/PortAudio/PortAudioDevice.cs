namespace Jarvis.Satellite.Audio.PortAudio;

/// <summary>One device as PortAudio enumerates it.</summary>
public sealed record PortAudioDevice(
    int Index,
    string Name,
    string HostApi,
    int MaxInputChannels,
    int MaxOutputChannels,
    double DefaultSampleRate,
    bool IsDefaultInput,
    bool IsDefaultOutput);
