using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// The speech pipeline's home-command seam (<see cref="IHomeCommandHandler"/>) served by the Home Assistant engine;
/// while Home Assistant is not configured it says so instead of guessing.
/// </summary>
public sealed class HomeAssistantCommandHandler(
    IOptions<HomeAssistantOptions> options,
    IHomeAssistantConversation conversation) : IHomeCommandHandler
{
    private readonly UnconfiguredHomeCommandHandler _unconfigured = new();

    public async Task<HomeCommandResult> HandleAsync(string transcript, string room, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return await _unconfigured.HandleAsync(transcript, room, cancellationToken).ConfigureAwait(false);
        }

        var reply = await conversation.HandleAsync(transcript, room, cancellationToken).ConfigureAwait(false);
        return new HomeCommandResult(reply.Handled, reply.Speech);
    }
}
