using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// One message from Home Assistant's WebSocket API, classified for the receive loop: an event, the answer to a command
/// (success, pong or error) or something to ignore. <see cref="Read"/> never throws.
/// </summary>
internal abstract record HomeAssistantInbound
{
    /// <summary>The messages of one text frame (HA may batch several in an array); none when it is not JSON.</summary>
    public static IReadOnlyList<HomeAssistantInbound> Read(string text)
    {
        JsonNode? node;
        try
        {
            node = HaJson.Parse(text);
        }
        catch (JsonException)
        {
            return [];
        }

        return node switch
        {
            JsonArray batch => batch.OfType<JsonObject>().Select(Classify).ToList(),
            JsonObject message => [Classify(message)],
            _ => [],
        };
    }

    /// <summary>Classifies one message object.</summary>
    public static HomeAssistantInbound Classify(JsonObject message)
    {
        var type = HaJson.Text(message, "type");
        if (type == "event")
        {
            return new HomeAssistantEvent(message);
        }

        if (HaJson.Int32(message["id"]) is not { } id)
        {
            return HomeAssistantIgnored.Instance;
        }

        if (type == "pong")
        {
            return new HomeAssistantResult(id, null);
        }

        if (HaJson.IsTrue(message["success"]))
        {
            return new HomeAssistantResult(id, message["result"]?.DeepClone());
        }

        var error = message["error"];
        return new HomeAssistantError(id, HaJson.Text(error, "code") ?? "unknown_error", HaJson.Text(error, "message") ?? "Home Assistant reported an error");
    }
}
