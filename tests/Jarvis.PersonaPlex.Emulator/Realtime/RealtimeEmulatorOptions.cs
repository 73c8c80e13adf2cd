namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>How the emulated vLLM-Omni PersonaPlex deploy behaves (realtime-duplex-protocol.md). Values may change while it runs.</summary>
public sealed class RealtimeEmulatorOptions
{
    /// <summary>The default persona of the plugin (<c>duplex/config.py DEFAULT_PERSONA</c>).</summary>
    public const string DefaultPersona = "You are a wise and friendly teacher. Answer questions or provide advice in a clear and engaging way.";

    /// <summary><c>duplex_session.max_sessions</c>: 2 in the shipped deploy.</summary>
    public int MaxSessions { get; set; } = 2;

    /// <summary>Serve wss:// and https:// with this certificate (the deploy behind a TLS proxy); null = plain.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>The served model name (<c>/v1/models</c>, <c>session.created</c>).</summary>
    public string Model { get; set; } = "nvidia/personaplex-7b-v1";

    /// <summary>Where the checkpoint "is", for the <c>prefill_unavailable</c> message.</summary>
    public string ModelPath { get; set; } = "/models/nvidia/personaplex-7b-v1";

    /// <summary>The bundled voice prompts; any other <c>.pt</c> name fails the prefill.</summary>
    public IReadOnlySet<string> Voices { get; set; } = new HashSet<string>(
        ["NATF0.pt", "NATF1.pt", "NATF2.pt", "NATF3.pt", "NATM0.pt", "NATM1.pt", "NATM2.pt", "NATM3.pt",
         "VARF0.pt", "VARF1.pt", "VARF2.pt", "VARF3.pt", "VARF4.pt", "VARM0.pt", "VARM1.pt", "VARM2.pt", "VARM3.pt", "VARM4.pt"]);

    /// <summary>Window slots the voice prompt takes (the prefill is this + 2 × 6 silence frames + the persona's tokens).</summary>
    public int VoiceRows { get; set; } = 50;

    /// <summary><c>max_model_len</c>: slots of one epoch's window (prefill included).</summary>
    public int WindowFrames { get; set; } = 3000;

    /// <summary>Compute time of the prefill, spent at the first frame of every epoch.</summary>
    public TimeSpan PrefillDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Compute time of one model step (above 80 ms the model falls behind real time).</summary>
    public TimeSpan ComputeDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Frames in an epoch's first audio delta (<c>initial_codec_chunk_frames</c>).</summary>
    public int InitialChunkFrames { get; set; } = 1;

    /// <summary>Frames in the later audio deltas (<c>codec_chunk_frames</c>).</summary>
    public int ChunkFrames { get; set; } = 5;

    /// <summary>Text the model "says": one piece per output frame, in turn, sent as transcript deltas (none when empty).</summary>
    public IReadOnlyList<string> TextPieces { get; set; } = [];

    /// <summary>A zero frame is inserted once the next real frame is this late, then every 80 ms until real input resumes.</summary>
    public TimeSpan SilenceGrace { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Wait for the first client message (<c>_DEFAULT_CONFIG_TIMEOUT_S</c>).</summary>
    public TimeSpan ConfigTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No client frame for this long closes the session as a disconnect (<c>_DEFAULT_IDLE_TIMEOUT_S</c>).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How long a closed session still counts against the limit (stage cleanup).</summary>
    public TimeSpan CleanupDelay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, <c>/v1/*</c> requires <c>Authorization: Bearer KEY</c> (vLLM's <c>--api-key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The engine died: <c>/health</c> answers 503.</summary>
    public bool EngineDead { get; set; }

    /// <summary>Keep every frame the sessions receive (decoded to float) for tests; off for benchmarks.</summary>
    public bool RecordAudio { get; set; } = true;
}
