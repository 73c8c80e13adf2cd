using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>Per-connection state an emulator tracks to enforce the event order.</summary>
public sealed class ConnectionState
{
    public AudioFormat? AudioFormat { get; set; }

    public MemoryStream Audio { get; } = new();

    public bool Transcribing { get; set; }

    public bool Detected { get; set; }

    public bool AnyDetected { get; set; }

    public long VoicedMs { get; set; }

    public long StreamMs { get; set; }

    public System.Text.StringBuilder? StreamingText { get; set; }

    public bool TranscriptStarted { get; set; }

    public int WordsSent { get; set; }

    public void ResetAudio()
    {
        AudioFormat = null;
        Audio.SetLength(0);
        VoicedMs = 0;
        StreamMs = 0;
        Detected = false;
        AnyDetected = false;
        TranscriptStarted = false;
        WordsSent = 0;
    }
}
