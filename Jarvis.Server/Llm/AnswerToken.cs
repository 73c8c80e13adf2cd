namespace Jarvis.Server.Llm;

/// <summary>A piece of a streamed answer. <see cref="IsFallback"/> marks the spoken apology that replaces a failed answer.</summary>
public readonly record struct AnswerToken(string Text, bool IsFallback = false);
