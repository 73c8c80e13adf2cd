using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>
/// Wyoming TTS emulator (wyoming-piper's behaviour): <c>synthesize</c> {text} → <c>audio-start</c>, 2048-byte
/// <c>audio-chunk</c>s of <see cref="SpeechLikeSignal"/> at 22050 Hz, <c>audio-stop</c>. With <see cref="SupportsStreaming"/>:
/// <c>synthesize-start</c> → <c>synthesize-chunk</c>* (one audio stream per completed sentence, as Piper splits) →
/// <c>synthesize</c> (ignored) → <c>synthesize-stop</c> → rest of the audio, <c>synthesize-stopped</c>. Without it, streaming
/// events are ignored like an older server would.
/// </summary>
public sealed class WyomingTtsEmulator : WyomingEmulator
{
    public const int SampleRate = 22050;
    public const int ChunkBytes = 2048;

    /// <summary>The one voice installed; a <c>synthesize</c> asking for another is refused (as Piper does for a missing model).</summary>
    public const string InstalledVoice = "en_GB-alan-medium";

    public bool SupportsStreaming { get; init; }

    /// <summary>Time before the first audio of each stream (the emulated synthesis cost).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every text that was turned into an audio stream, in order.</summary>
    public ConcurrentQueue<string> Spoken { get; } = new();

    /// <summary>Streaming syntheses the client closed without <c>synthesize-stop</c> (e.g. the answer was interrupted).</summary>
    public int AbandonedSyntheses => Volatile.Read(ref _abandoned);

    private int _abandoned;

    protected override WyomingEvent Info => new(WyomingEventTypes.Info, new JsonObject
    {
        ["tts"] = new JsonArray(new JsonObject
        {
            ["name"] = "piper",
            ["installed"] = true,
            ["attribution"] = new JsonObject { ["name"] = "test", ["url"] = "http://localhost" },
            ["voices"] = new JsonArray(new JsonObject { ["name"] = InstalledVoice, ["languages"] = new JsonArray("en_GB"), ["installed"] = true }),
            ["supports_synthesize_streaming"] = SupportsStreaming,
        }),
    });

    protected override async Task<bool> HandleAsync(WyomingConnection connection, ConnectionState state, WyomingEvent evt, CancellationToken cancellationToken)
    {
        switch (evt.Type)
        {
            case WyomingEventTypes.Synthesize when state.StreamingText is not null:
                return true;
            case WyomingEventTypes.Synthesize:
                var text = evt.GetString("text");
                if (string.IsNullOrWhiteSpace(text))
                {
                    return await RejectAsync(connection, "synthesize without text", cancellationToken);
                }

                if ((string?)evt.Data["voice"]?["name"] is { } voice && voice != InstalledVoice)
                {
                    return await RejectAsync(connection, $"voice {voice} not found", cancellationToken);
                }

                await SpeakAsync(connection, text, cancellationToken);
                return true;
            case WyomingEventTypes.SynthesizeStart when SupportsStreaming:
                if (state.StreamingText is not null)
                {
                    return await RejectAsync(connection, "synthesize-start while a streaming synthesis is open", cancellationToken);
                }

                state.StreamingText = new System.Text.StringBuilder();
                return true;
            case WyomingEventTypes.SynthesizeChunk when SupportsStreaming:
                if (state.StreamingText is null)
                {
                    return await RejectAsync(connection, "synthesize-chunk before synthesize-start", cancellationToken);
                }

                state.StreamingText.Append(evt.GetString("text"));
                await SpeakCompletedSentencesAsync(connection, state.StreamingText, cancellationToken);
                return true;
            case WyomingEventTypes.SynthesizeStop when SupportsStreaming:
                if (state.StreamingText is null)
                {
                    return await RejectAsync(connection, "synthesize-stop before synthesize-start", cancellationToken);
                }

                var rest = state.StreamingText.ToString().Trim();
                if (rest.Length > 0)
                {
                    await SpeakAsync(connection, rest, cancellationToken);
                }

                state.StreamingText = null;
                await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.SynthesizeStopped), cancellationToken);
                return true;
            default:
                return true;
        }
    }

    protected override void OnClosed(ConnectionState state)
    {
        if (state.StreamingText is not null)
        {
            Interlocked.Increment(ref _abandoned);
        }
    }

    private async Task SpeakCompletedSentencesAsync(WyomingConnection connection, System.Text.StringBuilder buffer, CancellationToken cancellationToken)
    {
        var text = buffer.ToString();
        var end = Math.Max(Math.Max(text.LastIndexOf(". ", StringComparison.Ordinal), text.LastIndexOf("! ", StringComparison.Ordinal)), text.LastIndexOf("? ", StringComparison.Ordinal));
        if (end < 0)
        {
            return;
        }

        buffer.Remove(0, end + 2);
        await SpeakAsync(connection, text[..(end + 1)].Trim(), cancellationToken);
    }

    private async Task SpeakAsync(WyomingConnection connection, string text, CancellationToken cancellationToken)
    {
        Spoken.Enqueue(text);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        var format = new AudioFormat(SampleRate, 2, 1);
        var pcm = SpeechLikeSignal.Render(text, SampleRate);
        await connection.WriteEventAsync(WyomingEvents.AudioStart(format, 0), cancellationToken);
        for (var offset = 0; offset < pcm.Length; offset += ChunkBytes)
        {
            var chunk = pcm.AsMemory(offset, Math.Min(ChunkBytes, pcm.Length - offset));
            await connection.WriteEventAsync(WyomingEvents.AudioChunk(format, chunk, offset * 1000L / format.BytesPerSecond), cancellationToken);
        }

        await connection.WriteEventAsync(WyomingEvents.AudioStop(pcm.Length * 1000L / format.BytesPerSecond), cancellationToken);
    }
}
