namespace Jarvis.Server.Answering;

/// <summary>Outcome of a home command: whether something was done and what to say about it.</summary>
public sealed record HomeCommandResult(bool Handled, string SpokenReply);
