using System.Diagnostics;
using System.Globalization;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Execution;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Intents.Evaluation;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jarvis.Bench.HomeAssistant;

/// <summary>
/// <c>-- harness ha [iterations]</c>: intent matching time per sentence (p50/p99) on the fixture home and on a synthetic
/// 2,000-entity home, and transcript → <c>call_service</c> acknowledged (and → state confirmed) against the emulator.
/// </summary>
internal static class HomeAssistantHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var fixture = FixtureHome.Load(CorpusPaths.Fixtures);
        var dev = CorpusCase.ReadJsonLines(CorpusPaths.Dev)
            .Select(c => (c.Sentence, fixture.Registries.AreaByName(c.ContextArea ?? "")?.Id)).ToList();
        Report("matching, fixture home (107 entities), dev sentences", Measure(fixture.Registries, dev, rounds));

        var synthetic = SyntheticHome.Create(2000);
        var build = Stopwatch.StartNew();
        HomeVocabulary.For(synthetic.Registries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vocabulary build, 2,000 entities: {build.Elapsed.TotalMilliseconds:0.0} ms (once per registry change)"));
        var syntheticSentences = SyntheticHome.Sentences(synthetic.Registries, 1000).Select(s => (s.Sentence, (string?)s.Area)).ToList();
        Report("matching, synthetic home (2,000 entities), generated sentences", Measure(synthetic.Registries, syntheticSentences, rounds));
        Report("matching, synthetic home (2,000 entities), dev sentences", Measure(synthetic.Registries, dev, rounds));

        await AcknowledgementAsync(rounds * 10).ConfigureAwait(false);
        return 0;
    }

    private static List<double> Measure(HomeSnapshot home, List<(string Sentence, string? Area)> sentences, int rounds)
    {
        var recognised = sentences.Count(s => IntentRecognizer.Recognize(s.Sentence, home, s.Area) is not null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recognised {recognised}/{sentences.Count} sentences"));

        var times = new List<double>(sentences.Count * rounds);
        for (var r = 0; r < rounds; r++)
        {
            foreach (var (sentence, area) in sentences)
            {
                var start = Stopwatch.GetTimestamp();
                IntentRecognizer.Recognize(sentence, home, area);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task AcknowledgementAsync(int count)
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync().ConfigureAwait(false);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["HomeAssistant:Url"] = emulator.Url, ["HomeAssistant:Token"] = emulator.Token });
        builder.Services.AddHomeAssistant(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        var client = host.Services.GetRequiredService<HomeAssistantClient>();
        while (client.Status.State != HomeAssistantConnectionState.Connected)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        var conversation = host.Services.GetRequiredService<IHomeEngine>();
        string[] commands = ["turn on the kitchen lights", "turn off the kitchen lights", "set the bedroom lamp to 40%", "lock the front door", "unlock the front door"];
        var acknowledged = new List<double>();
        var confirmed = new List<double>();
        for (var i = 0; i < count + 20; i++)
        {
            var text = commands[i % commands.Length];
            var start = Stopwatch.GetTimestamp();
            var match = IntentRecognizer.Recognize(text, client.Model.Snapshot, "kitchen_id")!;
            var entities = TargetResolver.Resolve(match.Target, client.Model.Snapshot, ["light"]);
            foreach (var call in ActionPlanner.Plan(match, entities, client.Model))
            {
                await client.CallServiceAsync(call.Domain, call.Service, call.Data, call.EntityIds, CancellationToken.None).ConfigureAwait(false);
            }

            var ack = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            var reply = await conversation.HandleAsync(new HomeRequest(commands[(i + 1) % commands.Length], "Kitchen", EngineSpeaks: true), CancellationToken.None).ConfigureAwait(false);
            var full = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= 20)
            {
                acknowledged.Add(ack);
                confirmed.Add(full);
            }

            if (reply.Actions.Any(a => !a.Succeeded))
            {
                Console.WriteLine($"failed: {reply.Speech}");
            }
        }

        await host.StopAsync().ConfigureAwait(false);
        Report("transcript → call_service acknowledged (emulator, WebSocket)", acknowledged);
        Report("transcript → reply with state change confirmed (HandleAsync)", confirmed);
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: n={times.Count} p50={P(0.50):0.000} ms p99={P(0.99):0.000} ms max={times[^1]:0.000} ms"));
    }
}
