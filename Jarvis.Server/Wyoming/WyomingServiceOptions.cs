using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Wyoming;

/// <summary>Where one Wyoming service listens (<c>tcp://host:port</c>) and how long to wait for it.</summary>
public class WyomingServiceOptions
{
    [Required]
    [Hosting.Configuration.UrlSchemes("tcp")]
    public Uri Uri { get; set; } = new("tcp://127.0.0.1:10300");

    /// <summary>Limit for connect + describe and for one request's first answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
