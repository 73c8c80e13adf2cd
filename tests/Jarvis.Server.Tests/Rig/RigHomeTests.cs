using Jarvis.Rig.Household;
using Jarvis.Server.Tests.Conversation;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// Issue 11 on the real-time rig: the plan's dialogue and every command class of the plan's home, said in the kitchen into
/// the real satellite's microphone, in both conversation modes, asserted on the Home Assistant emulator's recorded calls, on
/// what the ASR and TTS emulators heard and said and on what the kitchen's speaker played (PersonaPlex is silent, so that
/// is Jarvis's own: the confirmation earcon, speech). Prints each Home Assistant call's latency from the end of speech.
/// The duplex dialogue is in the short set (CI); the rest needs <c>JARVIS_RIG=1</c>.
/// </summary>
[Collection(RigCollection.Name)]
[Trait("Category", "Rig")]
public sealed class RigHomeTests(ITestOutputHelper output)
{
    private static readonly string[] LivingRoomLights = ["light.living_room_ceiling", "light.living_room_lamp"];

    [SkippableFact]
    public async Task Duplex_the_plan_dialogue_turns_on_the_offered_lights_dims_them_and_perfect_does_nothing()
    {
        RigGate.SkipUnlessEnabledOr(shortSet: true); // ~35 s: the one home scenario CI runs
        await RunAsync("Duplex", async (scenario, household, ct) =>
        {
            var dark = await scenario.SayAsync(household, "It's getting dark", ct);
            Assert.True(dark is { Handling: "passed", Calls.Count: 0, Spoken.Count: 0 }, dark.ToString());
            AssertSilent(dark);

            await HomeScenario.ModelSaysAsync(household, "Want me to turn on some lights?", ct);
            var on = await scenario.SayAsync(household, "Yeah, in the living room", ct);
            AssertDoneWithEarcon(on, "light", "turn_on", LivingRoomLights, null);

            var dim = await scenario.SayAsync(household, "Actually, dim them a bit", ct);
            AssertDoneWithEarcon(dim, "light", "turn_on", LivingRoomLights, "{\"brightness_step_pct\":-30}");
            Assert.All(LivingRoomLights, id => Assert.InRange(scenario.Brightness(id), 178, 179)); // ≈ 70 % of 255

            var perfect = await scenario.SayAsync(household, "Perfect", ct);
            Assert.True(perfect is { Handling: "home", Home: "thanks", Calls.Count: 0, Spoken.Count: 0 }, perfect.ToString());
            AssertSilent(perfect);
        });
    }

    [SkippableFact]
    public async Task Pipeline_the_plan_dialogue_speaks_the_engines_offer_turns_on_dims_and_closes()
    {
        RigGate.SkipUnlessEnabled();
        await RunAsync("Pipeline", async (scenario, household, ct) =>
        {
            var dark = await scenario.SayAsync(household, "It's getting dark", ct);
            AssertSpoken(dark, "offer", "Want me to turn on some lights?");
            Assert.Empty(dark.Calls);

            var on = await scenario.SayAsync(household, "Yeah, in the living room", ct);
            AssertSpoken(on, "done", "Done.");
            AssertCall(on, "light", "turn_on", LivingRoomLights, null);

            var dim = await scenario.SayAsync(household, "Actually, dim them a bit", ct);
            AssertSpoken(dim, "done", "Done.");
            AssertCall(dim, "light", "turn_on", LivingRoomLights, "{\"brightness_step_pct\":-30}");
            Assert.All(LivingRoomLights, id => Assert.InRange(scenario.Brightness(id), 178, 179));

            var perfect = await scenario.SayAsync(household, "Perfect", ct);
            AssertSpoken(perfect, "thanks", "Glad to help.");
            Assert.Empty(perfect.Calls);
        });
    }

    [SkippableFact]
    public async Task Duplex_every_command_class_reaches_home_assistant_with_an_earcon_and_questions_are_answered_aloud_over_a_cut()
    {
        RigGate.SkipUnlessEnabled();
        await RunAsync("Duplex", async (scenario, household, ct) =>
        {
            foreach (var command in HomeCommandClasses.All)
            {
                var said = await scenario.SayAsync(household, command.Said, ct);
                if (command.IsQuestion)
                {
                    // PersonaPlex's audio is cut (the satellite flushes), the answer is spoken, nothing is called.
                    Assert.True(said is { Handling: "home", Home: "answer", Calls.Count: 0, Cuts: 1 } && said.Spoken.SequenceEqual([command.Data!]), said.ToString());
                    Assert.True(said.Played >= TimeSpan.FromMilliseconds(150), $"the answer is heard in the kitchen: {said}");
                    continue;
                }

                AssertDoneWithEarcon(said, command.Domain!, command.Service!, command.Targets, command.Data);
            }

            // The room is given back to PersonaPlex after the spoken answer: what it says (here the user's words echoed) is heard.
            household.Emulator.Options.Echo = true;
            var joke = await scenario.SayAsync(household, "Tell me a joke", ct);
            Assert.True(joke is { Handling: "passed", Calls.Count: 0, Spoken.Count: 0, Cuts: 0 }, joke.ToString());
            Assert.True(HomeScenario.Kitchen(household).EarTime(joke.EndOfSpeech - ToTicks(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(3), HomeScenario.SoundDbfs) is not null,
                $"PersonaPlex is heard again after the answer: {joke}");
        });
    }

    [SkippableFact]
    public async Task Pipeline_every_command_class_reaches_home_assistant_and_its_reply_is_spoken()
    {
        RigGate.SkipUnlessEnabled();
        await RunAsync("Pipeline", async (scenario, household, ct) =>
        {
            foreach (var command in HomeCommandClasses.All)
            {
                var said = await scenario.SayAsync(household, command.Said, ct);
                if (command.IsQuestion)
                {
                    AssertSpoken(said, "answer", command.Data!);
                    Assert.Empty(said.Calls);
                    continue;
                }

                AssertSpoken(said, "done", (string)said.Turn["answerText"]!);
                AssertCall(said, command.Domain!, command.Service!, command.Targets, command.Data);
            }
        });
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);

    /// <summary>A home command done in duplex mode: one matching call, no speech and no cut, the earcon (200 ms) in the speaker.</summary>
    private static void AssertDoneWithEarcon(Said said, string domain, string service, IReadOnlyList<string> targets, string? data)
    {
        Assert.True(said is { Handling: "home", Home: "done", Spoken.Count: 0, Cuts: 0 }, said.ToString());
        AssertCall(said, domain, service, targets, data);
        // The earcon rides in PersonaPlex's real-time stream; on a loaded machine (CI) the satellite may trim some of it.
        Assert.True(said.Played >= TimeSpan.FromMilliseconds(RigGate.Choose(100, 50)) && said.Played <= TimeSpan.FromMilliseconds(400), $"the earcon (200 ms) confirms it: {said}");
    }

    /// <summary>Exactly one call, to <paramref name="domain"/>.<paramref name="service"/> on <paramref name="targets"/>, its data containing <paramref name="data"/>.</summary>
    private static void AssertCall(Said said, string domain, string service, IReadOnlyList<string> targets, string? data)
    {
        var call = Assert.Single(said.Calls);
        Assert.True((call.Domain, call.Service, string.Join(',', call.Targets.Order())) == (domain, service, string.Join(',', targets.Order())), said.ToString());
        Assert.Contains(data ?? "", call.Data.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>A home turn whose one reply, <paramref name="reply"/>, was spoken and heard in the kitchen.</summary>
    private static void AssertSpoken(Said said, string home, string reply)
    {
        Assert.True(said is { Handling: "home" } && said.Home == home && said.Spoken.SequenceEqual([reply]), $"expected {home} \"{reply}\": {said}");
        Assert.True(said.Played >= TimeSpan.FromMilliseconds(150), $"the reply is heard in the kitchen: {said}");
    }

    private static void AssertSilent(Said said) =>
        Assert.True(said.Played == TimeSpan.Zero, $"nothing is played: {said}");

    private async Task RunAsync(string mode, Func<HomeScenario, Household, CancellationToken, Task> dialogue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await using var scenario = await HomeScenario.StartAsync();
        await using var household = await Household.StartAsync(scenario.Options(mode), timeout.Token);
        try
        {
            output.WriteLine((await scenario.WakeAsync(household, timeout.Token)).ToString());
            await dialogue(scenario, household, timeout.Token);
            Assert.Empty(scenario.Expected.Mismatches);
            Assert.Equal(0, scenario.Expected.Pending);
        }
        finally
        {
            output.WriteLine(scenario.HeardReport());
            output.WriteLine(household.Diagnostics());
        }

        output.WriteLine(scenario.LatencyReport());
    }
}
