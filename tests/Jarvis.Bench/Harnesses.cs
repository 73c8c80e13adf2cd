namespace Jarvis.Bench;

/// <summary>End-to-end latency harnesses (not BenchmarkDotNet kernels): <c>-- harness NAME</c>.</summary>
internal static class Harnesses
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hub-duplex"] = Hub.HubDuplexHarness.RunAsync,
        ["hub-satellites"] = Hub.HubSatellitesHarness.RunAsync,
        ["personaplex-bridge"] = PersonaPlex.PersonaPlexBridgeHarness.RunAsync,
        ["ha"] = HomeAssistant.HomeAssistantHarness.RunAsync,
        ["route-latency"] = Routing.RouterLatencyHarness.RunAsync,
        ["answer-streaming"] = Routing.AnswerStreamingHarness.RunAsync,
        ["satellite-pipeline"] = Satellite.SatellitePipelineHarness.RunAsync,
        ["satellite-live"] = Satellite.SatelliteLiveHarness.RunAsync,
        ["echo"] = Satellite.EchoHarness.RunAsync,
        ["satellite-process"] = Satellite.SatelliteProcessHarness.RunAsync,
        ["conversation"] = Conversation.ConversationHarness.RunAsync,
        ["home-command"] = Conversation.HomeCommandHarness.RunAsync,
        ["household"] = Household.HouseholdHarness.RunAsync,
        ["soak"] = Soak.SoakHarness.RunAsync,
    };

    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args[0] != "harness")
        {
            return false;
        }

        if (args.Length < 2 || !All.TryGetValue(args[1], out var harness))
        {
            Console.Error.WriteLine($"harnesses: {string.Join(", ", All.Keys)}");
            exitCode = 2;
            return true;
        }

        exitCode = harness(args[2..]).GetAwaiter().GetResult();
        return true;
    }
}
