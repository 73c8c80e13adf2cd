using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>
/// A tiny stand-in for HA's built-in conversation agent: "what time is it" and "turn on|off NAME" with an exact
/// friendly name; anything else
/// is an <c>error</c> response with code <c>no_intent_match</c> (HTTP 200, as real HA answers).
/// </summary>
public static class EmulatedConversation
{
    public static JsonObject Process(EmulatedHome home, string text, string? conversationId)
    {
        home.ConversationQueries.Enqueue(text);
        var lower = text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant();
        if (lower == "what time is it")
        {
            return Response($"It is {DateTimeOffset.UtcNow:HH:mm}", "query_answer", new JsonObject { ["targets"] = new JsonArray(), ["success"] = new JsonArray(), ["failed"] = new JsonArray() }, conversationId);
        }

        foreach (var (prefix, service) in new[] { ("turn on ", "turn_on"), ("turn off ", "turn_off") })
        {
            if (!lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = lower[prefix.Length..].Replace("the ", "", StringComparison.Ordinal);
            var entity = home.Entities.FirstOrDefault(e => string.Equals((string?)e.Attributes["friendly_name"], name, StringComparison.OrdinalIgnoreCase));
            if (entity is not null && EmulatedServices.Exists(entity.Domain, service))
            {
                EmulatedServices.Apply(home, entity.Domain, service, [], [entity.EntityId], Guid.NewGuid().ToString("N"));
                var done = service == "turn_on" ? "Turned on" : "Turned off";
                return Response($"{done} {entity.Attributes["friendly_name"]}", "action_done", new JsonObject
                {
                    ["targets"] = new JsonArray(),
                    ["success"] = new JsonArray(new JsonObject { ["name"] = (string?)entity.Attributes["friendly_name"], ["type"] = "entity", ["id"] = entity.EntityId }),
                    ["failed"] = new JsonArray(),
                }, conversationId);
            }
        }

        return Response("Sorry, I couldn't understand that", "error", new JsonObject { ["code"] = "no_intent_match" }, conversationId);
    }

    private static JsonObject Response(string speech, string type, JsonObject data, string? conversationId) => new()
    {
        ["response"] = new JsonObject
        {
            ["speech"] = new JsonObject { ["plain"] = new JsonObject { ["speech"] = speech, ["extra_data"] = null } },
            ["card"] = new JsonObject(),
            ["language"] = "en",
            ["response_type"] = type,
            ["data"] = data,
        },
        ["conversation_id"] = conversationId ?? Guid.NewGuid().ToString("N"),
        ["continue_conversation"] = false,
    };
}
