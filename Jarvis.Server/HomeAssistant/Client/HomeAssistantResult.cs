using System.Text.Json.Nodes;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>A successful answer (or a pong, with no result) to command <paramref name="Id"/>.</summary>
internal sealed record HomeAssistantResult(int Id, JsonNode? Result) : HomeAssistantInbound;
