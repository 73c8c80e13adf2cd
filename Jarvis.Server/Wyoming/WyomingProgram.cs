namespace Jarvis.Server.Wyoming;

/// <summary>One program in an <c>info</c> event (e.g. faster-whisper, piper) with its models/voices.</summary>
public sealed record WyomingProgram(string Name, IReadOnlyList<WyomingModel> Models, bool SupportsStreaming)
{
    public override string ToString() =>
        $"{Name}({string.Join(", ", Models.Select(m => m.Name))}{(SupportsStreaming ? ", streaming" : "")})";
}
