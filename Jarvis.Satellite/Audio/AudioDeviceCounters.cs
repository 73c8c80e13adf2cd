namespace Jarvis.Satellite.Audio;

/// <summary>The counters of the open devices, for the link's stats (set by the audio service once it opened them).</summary>
public sealed class AudioDeviceCounters
{
    public AudioStreamCounters? Capture { get; set; }

    public AudioStreamCounters? Playback { get; set; }
}
