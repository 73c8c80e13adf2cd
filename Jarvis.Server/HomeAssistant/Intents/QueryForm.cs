namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>How a state question wants its answer.</summary>
public enum QueryForm
{
    /// <summary>"is …?", "are any …?": yes/no (naming what matches).</summary>
    Any,

    /// <summary>"are all …?"</summary>
    All,

    /// <summary>"which …?", "what …?", "who …?": the names.</summary>
    Which,

    /// <summary>"how many …?"</summary>
    Count,
}
