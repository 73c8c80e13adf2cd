using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary>
/// <c>personaplex talk</c>: streams a WAV file to PersonaPlex in real time (24 kHz Opus, 20 ms packets), writes what the
/// model said to a WAV file and prints its words and timings (handshake, first audio, per-frame latency).
/// </summary>
internal static class TalkCommand
{
    private const int SampleRate = 24000;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(Uri url, CommandArguments args, CancellationToken cancellationToken)
    {
        if (args.Get("input") is not { } input || args.Get("output") is not { } output)
        {
            await Console.Error.WriteLineAsync("talk needs --input in.wav and --output out.wav").ConfigureAwait(false);
            return 2;
        }

        var (samples, rate) = WavFile.ReadMono(input);
        var pcm = WavFile.Resample(samples, rate, SampleRate);
        var persona = new PersonaPlexPersona(args.Get("text-prompt") ?? PersonaPlexOptions.JarvisPersona, args.Get("voice") ?? "NATF2.pt");
        var time = TimeProvider.System;
        var handshakeTimeout = TimeSpan.FromSeconds(args.GetSeconds("handshake-timeout", 60));
        await using var client = new PersonaPlexClient(url, persona, handshakeTimeout, time, NullLogger.Instance, args.Has("accept-any-certificate"));

        Console.WriteLine($"connecting to {url} (voice {persona.Voice}); waiting for the prompt phase…");
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"handshake after {client.HandshakeDuration.TotalSeconds:0.00} s");

        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = SampleRate, FrameMilliseconds = 20, Application = OpusApplicationKind.Audio });
        var expectedSteps = pcm.Length / TalkRecorder.StepSamples;
        var recorder = new TalkRecorder(expectedSteps, time);
        var receiving = recorder.ReceiveAsync(client, cancellationToken);
        var words = PrintWordsAsync(client, cancellationToken);

        var started = time.GetTimestamp();
        await StreamAsync(client, encoder, pcm, recorder, time, cancellationToken).ConfigureAwait(false);
        await recorder.AllReceived.WaitAsync(DrainTimeout, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await client.DisconnectAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await words.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        WavFile.WriteMono16(output, recorder.Output, SampleRate);
        Console.WriteLine();
        Console.WriteLine($"sent {pcm.Length / (double)SampleRate:0.00} s, received {recorder.Output.Length / (double)SampleRate:0.00} s ({recorder.Received}/{expectedSteps} frames) -> {output}");
        if (recorder.FirstAudio is { } first)
        {
            Console.WriteLine($"first audio {(first - started) * 1000.0 / time.TimestampFrequency:0} ms after the first packet sent");
        }

        if (recorder.LatenciesMs.Count > 0)
        {
            var sorted = recorder.LatenciesMs.Order().ToArray();
            Console.WriteLine($"frame latency: mean {sorted.Average():0.0} ms, p95 {sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1]:0.0} ms, max {sorted[^1]:0.0} ms");
        }

        return recorder.Received > 0 ? 0 : 1;
    }

    private static async Task StreamAsync(PersonaPlexClient client, OpusFrameEncoder encoder, short[] pcm, TalkRecorder recorder, TimeProvider time, CancellationToken cancellationToken)
    {
        var frame = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20), time);
        for (var offset = 0; offset < pcm.Length; offset += frame.Length)
        {
            var count = Math.Min(frame.Length, pcm.Length - offset);
            Array.Clear(frame);
            pcm.AsSpan(offset, count).CopyTo(frame);
            var length = encoder.Encode(frame, packet);
            await client.SendAudioAsync(packet.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            recorder.Sent(offset + frame.Length);
            await pace.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task PrintWordsAsync(PersonaPlexClient client, CancellationToken cancellationToken)
    {
        await foreach (var piece in client.Text.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Console.Write(piece);
        }
    }
}
