using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.HomeAssistant;

/// <summary>Options section <c>HomeAssistant</c>. With Url or Token empty the feature stays off.</summary>
public sealed class HomeAssistantOptions : IValidatableObject
{
    public const string Section = "HomeAssistant";

    /// <summary>Base URL, e.g. <c>http://homeassistant.local:8123</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>Long-lived access token (HA profile → Security).</summary>
    public string Token { get; set; } = "";

    /// <summary>How long one WebSocket/REST request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the state change that confirms a service call.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>First reconnect delay after the connection failed; doubled per failure up to <see cref="ReconnectDelayMax"/>, reset after a success.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While backing off, Home Assistant's TCP port is probed this often (connect, close, nothing sent) and the reconnect starts
    /// as soon as a port that was closed accepts again. Zero: no probe, every back-off is waited out.
    /// </summary>
    public TimeSpan ReconnectProbeInterval { get; set; } = Reconnect.ReconnectProbeInterval.Default;

    /// <summary>Token budget of the home summary in the PersonaPlex persona prompt (one token ≈ 80 ms of prompt phase).</summary>
    [Range(20, 2000)]
    public int SummaryTokenBudget { get; set; } = 120;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url) && !string.IsNullOrWhiteSpace(Token);

    public Uri BaseUri() => new(Url.TrimEnd('/') + "/");

    public Uri WebSocketUri()
    {
        var builder = new UriBuilder(new Uri(BaseUri(), "api/websocket"));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url)
            && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"HomeAssistant:Url must be an http(s) URL such as http://homeassistant.local:8123 (got \"{Url}\")", [nameof(Url)]);
        }

        if (RequestTimeout <= TimeSpan.Zero || ConfirmTimeout <= TimeSpan.Zero || ReconnectDelayMin <= TimeSpan.Zero || ReconnectDelayMax < ReconnectDelayMin)
        {
            yield return new ValidationResult("HomeAssistant timeouts must be positive and ReconnectDelayMax >= ReconnectDelayMin");
        }

        if (Reconnect.ReconnectProbeInterval.Check(ReconnectProbeInterval, "HomeAssistant:ReconnectProbeInterval") is { } probeError)
        {
            yield return new ValidationResult(probeError, [nameof(ReconnectProbeInterval)]);
        }
    }
}
