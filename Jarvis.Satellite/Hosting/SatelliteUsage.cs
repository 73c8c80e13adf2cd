namespace Jarvis.Satellite.Hosting;

/// <summary>What <c>jarvis-satellite --help</c> prints: the verbs and the settings a user sets first.</summary>
public static class SatelliteUsage
{
    public static readonly string Text = $"""
        jarvis-satellite: the Jarvis room satellite (microphone, speaker, button and LEDs of one room).

        Usage:
          jarvis-satellite [--config FILE] [--Section:Key=value ...]   run the satellite (systemd: jarvis-satellite.service)
          jarvis-satellite check-config [--config FILE]                check the configuration without starting; exit 0 or 78
          jarvis-satellite devices                                     list the ALSA sound devices (index, in/out, name)
          jarvis-satellite devices portaudio                           list the PortAudio devices (Satellite:Audio:Backend=PortAudio)
          jarvis-satellite test-leds                                   cycle the LED ring through its states
          jarvis-satellite help | --help | -h                          this text

        Configuration: {SatelliteHost.DefaultConfigPath} (or --config FILE, or {SatelliteConfigFile.PathVariable}), then
        environment variables (JARVIS_Satellite__Link__Token), then the command line (--Satellite:Link:Room=kitchen).
        Main settings:
          Satellite:Link:ServerUrl     the server's link, ws://HOST:8080/link/v1 (wss:// with TLS)
          Satellite:Link:SatelliteId   this satellite's id (lower-case letters, digits, - and _)
          Satellite:Link:Room          the room it serves (e.g. kitchen, living_room)
          Satellite:Link:Token         its secret, the same as on the server
          Satellite:Audio:InputDevice / OutputDevice   a device index or name from `jarvis-satellite devices`
          Satellite:Audio:Backend      Alsa (default on Linux) or PortAudio
          Satellite:Aec:Engine         WebRtc, Speex or System (echo cancellation)
          Satellite:Leds:Profile       ReSpeaker2Mic, ReSpeaker4Mic, Gpio or None
          Satellite:Button:Pin         the mute button's GPIO number (BCM), e.g. 17
        Exit code 78 (EX_CONFIG): the configuration must be fixed; systemd does not restart the service then.
        Documentation: docs/satellite.md.
        """;
}
