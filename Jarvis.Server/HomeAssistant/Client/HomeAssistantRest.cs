using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>The REST API, used when the WebSocket is down: service calls, states, conversation, API check.</summary>
internal sealed class HomeAssistantRest(HttpClient http, HomeAssistantOptions options, TimeProvider time)
{
    /// <summary><c>GET /api/</c>: succeeds when HA runs and accepts the token.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, "api/", null, cancellationToken).ConfigureAwait(false);

    public async Task<JsonArray> GetStatesAsync(CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, "api/states", null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];

    /// <summary>Calls a service; returns the states that changed during the call.</summary>
    public async Task<JsonArray> CallServiceAsync(string domain, string service, JsonObject body, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"api/services/{Uri.EscapeDataString(domain)}/{Uri.EscapeDataString(service)}", body, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];

    public async Task<JsonObject> ProcessConversationAsync(string text, string? conversationId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["text"] = text, ["language"] = "en" };
        if (conversationId is not null)
        {
            body["conversation_id"] = conversationId;
        }

        return await SendAsync(HttpMethod.Post, "api/conversation/process", body, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new HomeAssistantException("protocol", "conversation/process returned no object");
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseUri(), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var deadline = new CancellationTokenSource(options.RequestTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK or HttpStatusCode.Created => ParseBody(text),
            HttpStatusCode.Unauthorized => throw new HomeAssistantAuthException("Home Assistant rejected the token (HTTP 401)"),
            HttpStatusCode.NotFound => throw new HomeAssistantException("not_found", Message(text)),
            HttpStatusCode.BadRequest => throw new HomeAssistantException("invalid_format", Message(text)),
            _ => throw new HomeAssistantException("home_assistant_error", $"HTTP {(int)response.StatusCode}: {Message(text)}"),
        };
    }

    /// <summary>A successful answer's JSON (null when empty); <see cref="HomeAssistantException"/> when it is not JSON.</summary>
    internal static JsonNode? ParseBody(string text)
    {
        try
        {
            return text.Length == 0 ? null : HaJson.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new HomeAssistantException("protocol", $"Home Assistant answered with invalid JSON: {ex.Message}");
        }
    }

    /// <summary>The <c>message</c> of an error body, or the body itself.</summary>
    internal static string Message(string body)
    {
        try
        {
            return HaJson.Text(HaJson.Parse(body), "message") ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
