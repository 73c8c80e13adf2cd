using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>A sentence the model said, as dialogue context: whether it asked something, and the home action it offered (if any).</summary>
internal sealed record ModelSentence(bool IsQuestion, IntentMatch? Offer);
