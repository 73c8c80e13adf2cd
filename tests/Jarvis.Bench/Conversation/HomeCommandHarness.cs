using System.Diagnostics;
using System.Globalization;
using Jarvis.Bench.Routing;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Bench.Conversation;

/// <summary>
/// <c>-- harness home-command [--turns 200]</c>: the real server in-process with the Home Assistant emulator (the plan's home),
/// an instant ASR (the Wyoming emulator), the TTS and PersonaPlex emulators, and one satellite over the real link. Device
/// commands are spoken in duplex and in pipeline mode; reports the end of the utterance (the voice stop read by the server,
/// and as sent by the satellite) → the <c>call_service</c> reaching Home Assistant, p50/p99.
/// </summary>
internal static class HomeCommandHarness
{
    private static readonly string[] Commands =
    [
        "turn off the kitchen lights", "turn on the kitchen lights", "lock the front door", "unlock the front door",
        "set the living room lights to 40 percent", "pause the TV", "set the thermostat to 21 degrees", "activate party mode",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var turns = ConversationHarness.Option(args, "--turns", 200);
        await using var personaPlex = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5, RecordPackets = false });
        await personaPlex.StartAsync();
        await using var asr = new WyomingAsrEmulator();
        asr.Start();
        await using var tts = new WyomingTtsEmulator { SupportsStreaming = true };
        tts.Start();
        var plan = Path.Combine(AppContext.BaseDirectory, "Answering", "Fixtures", "plan-home.json");
        await using var homeAssistant = await HomeAssistantEmulator.StartAsync(EmulatedHome.FromFixtures(plan));

        Console.WriteLine($"home-command: {turns} device commands per mode, instant ASR, 300 ms utterances, Home Assistant emulator over WebSocket");
        foreach (var mode in new[] { TurnMode.Duplex, TurnMode.Pipeline })
        {
            if (await RunModeAsync(mode, turns, personaPlex, asr, tts, homeAssistant) != 0)
            {
                return 1;
            }
        }

        return 0;
    }

    private static void Report(string what, List<double> values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: p50 {RouterLatencyHarness.Percentile(sorted, 0.5):0.00} ms, p99 {RouterLatencyHarness.Percentile(sorted, 0.99):0.00} ms, max {sorted[^1]:0.00} ms"));
    }

    private static async Task<int> RunModeAsync(TurnMode mode, int turns, PersonaPlexEmulator personaPlex, WyomingAsrEmulator asr,
        WyomingTtsEmulator tts, HomeAssistantEmulator homeAssistant)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Mqtt:Port"] = ConversationHarness.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Satellites:Devices:kitchen-pi:Room"] = "kitchen",
            ["Satellites:Devices:kitchen-pi:Token"] = BenchSecrets.TokenOf("kitchen"),
            ["State:Directory"] = BenchSecrets.NewStateDirectory(),
            ["Rooms:WakeMode"] = "Button",
            ["Rooms:QuietPeriod"] = "00:10:00",
            ["PersonaPlex:Url"] = personaPlex.ChatUrl.ToString(),
            ["Speech:Asr:Uri"] = asr.Uri.ToString(),
            ["Speech:Tts:Uri"] = tts.Uri.ToString(),
            ["HomeAssistant:Url"] = homeAssistant.Url,
            ["HomeAssistant:Token"] = homeAssistant.Token,
            ["Ollama:WarmUpOnStart"] = "false",
            ["Routing:RatingsPath"] = Path.GetTempFileName(),
            ["Conversation:Mode"] = mode.ToString(),
            ["Logging:LogLevel:Default"] = "Error",
        };
        var stops = new VoiceStopRecorder();
        var app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), services => services.AddSingleton<IRoomVoiceObserver>(stops));
        await app.StartAsync();
        var satellite = new TurnSatellite("kitchen");
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var client = app.Services.GetRequiredService<HomeAssistantClient>();
            await ConversationHarness.WaitAsync(() => client.Model.IsLoaded && client.Status.State == HomeAssistantConnectionState.Connected, "Home Assistant loaded");
            await ConversationHarness.WaitAsync(() => app.Services.GetRequiredService<IPersonaPlexSessions>().GetStatus()[0].State == PersonaPlexState.Warm, "PersonaPlex warm");
            await satellite.ConnectAsync(new Uri($"ws://{address.Authority}/link/v1"), BenchSecrets.TokenOf("kitchen"));
            await satellite.SendAsync(new ButtonMessage(ButtonPress.Long, 0));
            await ConversationHarness.WaitAsync(() => satellite.ConversationsStarted > 0, "the conversation starts");
            var log = app.Services.GetRequiredService<TurnLog>();
            var packets = ConversationHarness.Utterance();
            var fromServer = new List<double>();
            var fromSatellite = new List<double>();
            for (var i = -5; i < turns; i++)
            {
                var command = Commands[(i + Commands.Length) % Commands.Length];
                asr.Transcript = command;
                var calls = homeAssistant.Home.CallTimestamps.Count;
                var stopCount = stops.Stops.Count;
                var lastTurn = log.Recent(1).FirstOrDefault()?.Id;
                var sent = await satellite.SayAsync(packets);
                await ConversationHarness.WaitAsync(() => log.Recent(1).FirstOrDefault()?.Id != lastTurn, $"turn {i} completes", 30);
                var record = log.Recent(1)[0];
                if (record.Handling == "home")
                {
                    await ConversationHarness.WaitAsync(() => homeAssistant.Home.CallTimestamps.Count > calls, $"'{command}' reaches Home Assistant");
                }

                if (record.Handling != "home" || record.Home != "done")
                {
                    Console.Error.WriteLine($"'{command}' in {mode} mode: {record.Handling}/{record.Home} \"{record.AnswerText}\" {record.Error}");
                    return 1;
                }

                if (i < 0)
                {
                    continue;
                }

                var called = homeAssistant.Home.CallTimestamps.Skip(calls).First();
                fromServer.Add(Stopwatch.GetElapsedTime(stops.Stops.Skip(stopCount).First(), called).TotalMilliseconds);
                fromSatellite.Add(Stopwatch.GetElapsedTime(sent, called).TotalMilliseconds);
            }

            Console.WriteLine($"[{mode.ToString().ToLowerInvariant()}] n={fromServer.Count}");
            Report("  voice stop read by the server -> call_service at Home Assistant", fromServer);
            Report("  voice stop sent by the satellite -> call_service at Home Assistant", fromSatellite);
            return 0;
        }
        finally
        {
            await satellite.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
