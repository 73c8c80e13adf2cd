using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>
/// Wyoming wake emulator (wyoming-openwakeword's behaviour): optional <c>detect</c> {names}, <c>audio-start</c>, chunks.
/// It fires <c>detection</c> {name: hey_jarvis, timestamp} when the audio stays above <see cref="ThresholdRms"/> for
/// <see cref="MinimumVoiced"/> (once per loud stretch: a refractory period until the audio goes quiet), or on
/// <see cref="TriggerAsync"/>. <c>audio-stop</c> → <c>not-detected</c> when nothing fired.
/// </summary>
public sealed class WyomingWakeEmulator : WyomingEmulator
{
    public const string WakeWord = "hey_jarvis";

    private readonly ConcurrentDictionary<ConnectionState, WyomingConnection> _streams = new();

    public double ThresholdRms { get; set; } = 2000;

    public TimeSpan MinimumVoiced { get; set; } = TimeSpan.FromMilliseconds(300);

    public int DetectionCount;

    protected override WyomingEvent Info => new(WyomingEventTypes.Info, new JsonObject
    {
        ["wake"] = new JsonArray(new JsonObject
        {
            ["name"] = "openwakeword",
            ["installed"] = true,
            ["attribution"] = new JsonObject { ["name"] = "test", ["url"] = "http://localhost" },
            ["models"] = new JsonArray(new JsonObject { ["name"] = WakeWord, ["languages"] = new JsonArray("en"), ["phrase"] = "hey jarvis", ["installed"] = true }),
        }),
    });

    /// <summary>Scripted trigger: every open audio stream gets a <c>detection</c> now.</summary>
    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (state, connection) in _streams)
        {
            state.AnyDetected = true;
            await SendDetectionAsync(connection, state, cancellationToken);
        }
    }

    protected override async Task<bool> HandleAsync(WyomingConnection connection, ConnectionState state, WyomingEvent evt, CancellationToken cancellationToken)
    {
        switch (evt.Type)
        {
            case WyomingEventTypes.Detect:
                if (evt.Data["names"] is JsonArray names && !names.Any(n => n?.GetValue<string>() == WakeWord))
                {
                    return await RejectAsync(connection, "no such wake word model", cancellationToken);
                }

                return true;
            case WyomingEventTypes.AudioStart:
                if (state.AudioFormat is not null || WyomingEvents.ReadFormat(evt) is not { } format)
                {
                    return await RejectAsync(connection, "audio-start twice or without a format", cancellationToken);
                }

                state.AudioFormat = format;
                _streams[state] = connection;
                return true;
            case WyomingEventTypes.AudioChunk:
                if (state.AudioFormat is not { } streamFormat)
                {
                    return await RejectAsync(connection, "audio-chunk before audio-start", cancellationToken);
                }

                await AnalyseAsync(connection, state, streamFormat, evt.Payload, cancellationToken);
                return true;
            case WyomingEventTypes.AudioStop:
                if (state.AudioFormat is null)
                {
                    return await RejectAsync(connection, "audio-stop before audio-start", cancellationToken);
                }

                _streams.TryRemove(state, out _);
                if (!state.AnyDetected)
                {
                    await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.NotDetected), cancellationToken);
                }

                state.ResetAudio();
                return true;
            default:
                return true;
        }
    }

    private async Task AnalyseAsync(WyomingConnection connection, ConnectionState state, AudioFormat format, ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        var samples = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(pcm.Span[..(pcm.Length & ~1)]);
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        var rms = samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
        var ms = pcm.Length * 1000L / format.BytesPerSecond;
        state.StreamMs += ms;
        if (rms < ThresholdRms)
        {
            state.VoicedMs = 0;
            state.Detected = false;
            return;
        }

        state.VoicedMs += ms;
        if (!state.Detected && state.VoicedMs >= MinimumVoiced.TotalMilliseconds)
        {
            state.AnyDetected = true;
            await SendDetectionAsync(connection, state, cancellationToken);
        }
    }

    private async Task SendDetectionAsync(WyomingConnection connection, ConnectionState state, CancellationToken cancellationToken)
    {
        state.Detected = true;
        Interlocked.Increment(ref DetectionCount);
        await connection.WriteEventAsync(new WyomingEvent(WyomingEventTypes.Detection, new JsonObject { ["name"] = WakeWord, ["timestamp"] = state.StreamMs }), cancellationToken);
    }
}
