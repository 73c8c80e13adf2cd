using System.Diagnostics;
using System.Globalization;
using Jarvis.Bench.Routing;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Bench.Conversation;

/// <summary>
/// <c>-- harness conversation [--turns 10] [--tts-latency-ms 40] [--token-ms 25]</c>: the real server in-process with the
/// PersonaPlex, Wyoming ASR/TTS and Ollama emulators and one satellite over the real link. Deep questions in pipeline mode
/// and in duplex mode; reports end of speech (the satellite's voice stop) → PersonaPlex cut (duplex) and → first answer
/// audio at the satellite, and the server's stage latencies (transcript, first token, first audio, sentence → audio).
/// </summary>
internal static class ConversationHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var turns = Option(args, "--turns", 10);
        var ttsLatency = TimeSpan.FromMilliseconds(Option(args, "--tts-latency-ms", 40));
        var tokenDelay = TimeSpan.FromMilliseconds(Option(args, "--token-ms", 25));
        await using var personaPlex = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5, RecordPackets = false });
        await personaPlex.StartAsync();
        await using var asr = new WyomingAsrEmulator();
        asr.Start();
        await using var tts = new WyomingTtsEmulator { SupportsStreaming = true, Latency = ttsLatency };
        tts.Start();
        await using var ollama = await new OllamaEmulator { TokenDelay = tokenDelay }.StartAsync();
        ollama.Answer = _ => "Here it is. A second sentence adds detail.";

        Console.WriteLine($"conversation: {turns} deep turns per mode, TTS emulator latency {ttsLatency.TotalMilliseconds:0} ms, Ollama token delay {tokenDelay.TotalMilliseconds:0} ms, 300 ms utterances");
        foreach (var mode in new[] { TurnMode.Pipeline, TurnMode.Duplex })
        {
            var result = await RunModeAsync(mode, turns, personaPlex, asr, tts, ollama);
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private static async Task<int> RunModeAsync(TurnMode mode, int turns, PersonaPlexEmulator personaPlex, WyomingAsrEmulator asr, WyomingTtsEmulator tts, OllamaEmulator ollama)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Mqtt:Port"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Satellites:Devices:bench-pi:Room"] = "bench",
            ["Satellites:Devices:bench-pi:Token"] = BenchSecrets.TokenOf("bench"),
            ["State:Directory"] = BenchSecrets.NewStateDirectory(),
            ["Rooms:WakeMode"] = "Button",
            ["Rooms:QuietPeriod"] = "00:10:00",
            ["PersonaPlex:Url"] = personaPlex.ChatUrl.ToString(),
            ["Speech:Asr:Uri"] = asr.Uri.ToString(),
            ["Speech:Tts:Uri"] = tts.Uri.ToString(),
            ["Ollama:Url"] = ollama.Url.ToString(),
            ["Routing:RatingsPath"] = Path.GetTempFileName(),
            ["Conversation:Mode"] = mode.ToString(),
            ["Logging:LogLevel:Default"] = "Error",
        };
        var app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await app.StartAsync();
        var satellite = new TurnSatellite("bench");
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            await WaitAsync(() => app.Services.GetRequiredService<IPersonaPlexSessions>().GetStatus()[0].State == PersonaPlexState.Warm, "PersonaPlex warm");
            await satellite.ConnectAsync(new Uri($"ws://{address.Authority}/link/v1"), BenchSecrets.TokenOf("bench"));
            await satellite.SendAsync(new ButtonMessage(ButtonPress.Long, 0));
            await WaitAsync(() => satellite.ConversationsStarted > 0, "the conversation starts");
            var log = app.Services.GetRequiredService<TurnLog>();
            var packets = Utterance();
            var toCut = new List<double>();
            var toAudio = new List<double>();
            var records = new List<TurnRecord>();
            for (var i = -2; i < turns; i++)
            {
                var question = $"explain in detail how engine number {i + 100} works";
                asr.Transcript = question;
                satellite.Mark(audioAfterFlush: mode == TurnMode.Duplex);
                var endOfSpeech = await satellite.SayAsync(packets);
                await WaitAsync(() => satellite.FirstAudioAt != 0, $"the answer to turn {i} reaches the satellite");
                await WaitAsync(() => log.Recent().Any(t => t.Transcript == question), $"turn {i} completes", 30);
                var record = log.Recent().Last(t => t.Transcript == question);
                if (i < 0)
                {
                    continue;
                }

                if (record.Handling != "llm" || record.Mode != mode)
                {
                    Console.Error.WriteLine($"turn {i}: expected an LLM answer in {mode} mode, got {record.Handling} in {record.Mode} ({record.Error})");
                    return 1;
                }

                records.Add(record);
                toAudio.Add(Stopwatch.GetElapsedTime(endOfSpeech, satellite.FirstAudioAt).TotalMilliseconds);
                if (mode == TurnMode.Duplex)
                {
                    toCut.Add(Stopwatch.GetElapsedTime(endOfSpeech, satellite.FirstFlushAt).TotalMilliseconds);
                }
            }

            Console.WriteLine($"[{mode.ToString().ToLowerInvariant()}]");
            if (toCut.Count > 0)
            {
                Report("  voice stop -> PersonaPlex cut (flush) at the satellite", toCut);
            }

            Report("  voice stop -> first answer audio at the satellite", toAudio);
            Report("  server: end of speech -> transcript", [.. records.Select(r => r.EndOfSpeechToTranscript!.Value.TotalMilliseconds)]);
            Report("  server: end of speech -> first LLM token", [.. records.Select(r => r.EndOfSpeechToFirstToken!.Value.TotalMilliseconds)]);
            Report("  server: end of speech -> first audio to the room", [.. records.Select(r => r.EndOfSpeechToFirstAudio!.Value.TotalMilliseconds)]);
            Report("  server: first sentence -> first audio to the room", [.. records.Select(r => r.FirstSentenceToFirstAudio!.Value.TotalMilliseconds)]);
            return 0;
        }
        finally
        {
            await satellite.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>300 ms of a real 16 kHz Opus utterance (a modulated tone), as a satellite sends it.</summary>
    internal static List<byte[]> Utterance()
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 16000, FrameMilliseconds = 20 });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var packets = new List<byte[]>();
        for (var n = 0; n < 15; n++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * ((n * pcm.Length) + i) / 16000.0));
            }

            packets.Add(packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray());
        }

        return packets;
    }

    internal static async Task WaitAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}");
            }

            await Task.Delay(2);
        }
    }

    internal static void Report(string what, List<double> values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine($"{what}: p50 {RouterLatencyHarness.Percentile(sorted, 0.5):0.0} ms, p99 {RouterLatencyHarness.Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
