using System.ComponentModel.DataAnnotations;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Wake;

/// <summary><c>Speech:Wake</c>: the Wyoming wake-word service (wyoming-openwakeword listens on 10400).</summary>
public sealed class WakeOptions : WyomingServiceOptions
{
    public const string Section = "Speech:Wake";

    public WakeOptions()
    {
        Uri = new Uri("tcp://127.0.0.1:10400");
    }

    /// <summary>Wake word model ids sent with <c>detect</c>.</summary>
    [MinLength(1)]
    public string[] Names { get; set; } = ["hey_jarvis"];
}
