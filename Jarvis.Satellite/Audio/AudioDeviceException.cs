namespace Jarvis.Satellite.Audio;

/// <summary>
/// A sound device could not be found, opened or used (whatever the backend): the audio service shows the error LED
/// and reopens the devices after a pause.
/// </summary>
public class AudioDeviceException(string message, Exception? inner = null) : Exception(message, inner);
