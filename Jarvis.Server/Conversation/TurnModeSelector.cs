using Microsoft.Extensions.Options;

namespace Jarvis.Server.Conversation;

/// <summary>
/// Picks the mode for the next conversation: the configured one, except that duplex falls back to the pipeline while
/// PersonaPlex is unavailable (and returns when it is back). Logs each switch once.
/// </summary>
public sealed class TurnModeSelector(IOptionsMonitor<ConversationModeOptions> options, ILogger<TurnModeSelector> logger)
{
    private int _last = -1;

    public TurnMode Select(bool personaPlexAvailable)
    {
        var configured = options.CurrentValue.Mode;
        var mode = configured == TurnMode.Duplex && !personaPlexAvailable ? TurnMode.Pipeline : configured;
        var previous = Interlocked.Exchange(ref _last, (int)mode);
        if (previous >= 0 && previous != (int)mode)
        {
            if (mode == TurnMode.Pipeline && configured == TurnMode.Duplex)
            {
                logger.LogWarning("PersonaPlex is unavailable: conversations use the pipeline (ASR, LLM, TTS) until it is back");
            }
            else
            {
                logger.LogInformation("Conversations use {Mode} mode again", mode);
            }
        }

        return mode;
    }
}
