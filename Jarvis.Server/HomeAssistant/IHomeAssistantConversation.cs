namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// Entry point for the conversation hub: one transcript from the satellite in <paramref name="roomArea"/> (area id or
/// name) → spoken reply and the actions taken. Keeps per-room context for follow-ups ("dim them a bit").
/// </summary>
public interface IHomeAssistantConversation
{
    Task<HomeReply> HandleAsync(string transcript, string roomArea, CancellationToken cancellationToken);
}
