using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>The LED hardware of a satellite (hello capabilities).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<LedKind>))]
public enum LedKind
{
    /// <summary>No LEDs.</summary>
    None,

    /// <summary>An APA102 ring or strip on SPI (ReSpeaker 2-Mics HAT, 4-Mic Array).</summary>
    Apa102Ring,

    /// <summary>Plain LEDs on GPIO pins.</summary>
    Gpio,
}
