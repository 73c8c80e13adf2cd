namespace Jarvis.Protocol.Link;

/// <summary>Which way an audio stream flows (low nibble of the first header byte).</summary>
public enum StreamDirection : byte
{
    /// <summary>Satellite microphone to server.</summary>
    Uplink = 0,

    /// <summary>Server to satellite speaker.</summary>
    Downlink = 1,
}
