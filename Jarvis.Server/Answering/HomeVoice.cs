using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Answering;

/// <summary>
/// How the room hears a home outcome. Pipeline mode: every line is spoken by TTS. Duplex mode (PersonaPlex talks and
/// cannot know the home): a command done is confirmed by an earcon (or the spoken confirmation, when configured) played
/// between the model's words; a failure, an answer from the home's state and a "which one?" question are spoken after
/// cutting the model's audio (the room is given back afterwards, as for a deep answer); other dialogue lines (offers,
/// thanks, "OK") are the model's to say, so nothing is played.
/// </summary>
public sealed class HomeVoice(RoomSpeech speech, ConfirmationEarcon earcon, IOptionsMonitor<ConversationModeOptions> options)
{
    public async Task SayAsync(HomeOutcome outcome, TurnMode mode, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        if (mode == TurnMode.Pipeline)
        {
            await speech.SpeakTextAsync(outcome.Speech, sink, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (outcome)
        {
            case HomeDone done:
                var clip = options.CurrentValue.HomeConfirmation == HomeConfirmation.Speech && !string.IsNullOrWhiteSpace(done.Confirmation)
                    ? await speech.RenderAsync(done.Confirmation, cancellationToken).ConfigureAwait(false)
                    : earcon.Clip;
                await sink.SendClipAsync(clip, cancellationToken).ConfigureAwait(false);
                break;
            case HomeFailed or HomeAnswer or HomeDialogue { Act: DialogueAct.Clarify } when !string.IsNullOrWhiteSpace(outcome.Speech):
                await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
                await speech.SpeakTextAsync(outcome.Speech, sink, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
