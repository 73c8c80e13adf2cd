using System.Text.Json.Nodes;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>A subscription event (<c>{"id":sub,"type":"event","event":{…}}</c>).</summary>
internal sealed record HomeAssistantEvent(JsonObject Message) : HomeAssistantInbound
{
    /// <summary>The event's <c>event_type</c>, or null.</summary>
    public string? EventType => HaJson.Text(Message["event"], "event_type");

    /// <summary>The <c>data</c> object of the event, or null.</summary>
    public JsonObject? Data => HaJson.Child(Message["event"], "data") as JsonObject;
}
