using Jarvis.Rig.Measure;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// One barge-in round: speech onset → the answer stops in the speaker file (ms; null when it never stopped), the sound
/// heard after the stop within the watch (ms of loud 10 ms windows), answers Ollama gave beyond the question's (the
/// interruption carries no request: must be 0), and where the stop went.
/// </summary>
public sealed record BargeInRound(double? StopMs, double PlayedAfterMs, int AnswersAfter, BargeInStages? Stages);
