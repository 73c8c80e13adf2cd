namespace Jarvis.Server.Wyoming;

/// <summary>Event type names used by Jarvis (see wyoming-protocol.md §3).</summary>
public static class WyomingEventTypes
{
    public const string Describe = "describe";
    public const string Info = "info";
    public const string AudioStart = "audio-start";
    public const string AudioChunk = "audio-chunk";
    public const string AudioStop = "audio-stop";
    public const string Transcribe = "transcribe";
    public const string Transcript = "transcript";
    public const string TranscriptStart = "transcript-start";
    public const string TranscriptChunk = "transcript-chunk";
    public const string TranscriptStop = "transcript-stop";
    public const string Synthesize = "synthesize";
    public const string SynthesizeStart = "synthesize-start";
    public const string SynthesizeChunk = "synthesize-chunk";
    public const string SynthesizeStop = "synthesize-stop";
    public const string SynthesizeStopped = "synthesize-stopped";
    public const string Detect = "detect";
    public const string Detection = "detection";
    public const string NotDetected = "not-detected";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Error = "error";
}
