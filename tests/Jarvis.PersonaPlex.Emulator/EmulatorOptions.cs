namespace Jarvis.PersonaPlex.Emulator;

/// <summary>How the emulated PersonaPlex server behaves. Timing values may be changed while it runs.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Model steps of the system-prompt phase (voice frames + 6 + text tokens + 6 on the real server).</summary>
    public int PromptSteps { get; set; } = 10;

    /// <summary>Duration of one prompt-phase step.</summary>
    public TimeSpan PromptStepTime { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Compute time of one model step in the conversation (above 80 ms the server falls behind real time).</summary>
    public TimeSpan ComputeDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Echo mode (on by default): each output page is the input of the previous step, decoded and re-encoded (the reply is the
    /// input one 80 ms frame later, for mouth-to-ear measurements). Off: the model answers with digital silence.
    /// </summary>
    public bool Echo { get; set; } = true;

    /// <summary>Word pieces sent as 0x02 messages, one per step in turn, just before the step's audio page (none when empty).</summary>
    public IReadOnlyList<string> TextPieces { get; set; } = [];

    /// <summary>Word pieces sent once each, one per step, before any <see cref="TextPieces"/> (see <see cref="PersonaPlexEmulator.Say"/>).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Script { get; } = new();

    /// <summary>Voice prompt files that "exist" on the server; any other <c>voice_prompt</c> drops the connection.</summary>
    public IReadOnlySet<string> Voices { get; set; } = new HashSet<string>(
        ["NATF0.pt", "NATF1.pt", "NATF2.pt", "NATF3.pt", "NATM0.pt", "NATM1.pt", "NATM2.pt", "NATM3.pt",
         "VARF0.pt", "VARF1.pt", "VARF2.pt", "VARF3.pt", "VARF4.pt", "VARM0.pt", "VARM1.pt", "VARM2.pt", "VARM3.pt", "VARM4.pt"]);

    /// <summary>
    /// Send the two header pages in the same message as the first audio page, as sphn 0.2 does (benob/personaplex-mlx),
    /// instead of as two messages right after the handshake (sphn 0.1, the official server).
    /// </summary>
    public bool HeadersWithFirstAudioPage { get; set; }

    /// <summary>Serve <c>wss://</c> with this certificate (PersonaPlex's <c>--ssl</c>) instead of plain <c>ws://</c>.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; set; }

    /// <summary>Keep a copy of every Opus packet decoded from clients and sent to them (for passthrough and playback checks).</summary>
    public bool RecordPackets { get; set; } = true;
}
