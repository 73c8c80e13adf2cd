using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Tests.Conversation;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>
/// <see cref="IHomeEngine.IsCompleteCommand"/>: what heard at a pause is already a whole command (carried out before the
/// satellite's voice stop), and what may go on. The plan's home, from the kitchen.
/// </summary>
public sealed class CompleteCommandTests
{
    [Fact]
    public async Task Every_command_class_of_the_plan_is_whole_at_its_pause()
    {
        await using var env = await StartAsync();

        foreach (var command in HomeCommandClasses.All)
        {
            Assert.True(IsComplete(env, command.Said), $"'{command.Said}' is a whole command");
        }

        Assert.True(IsComplete(env, "Turn off the kitchen lights and lock the front door"));
    }

    [Theory]
    [InlineData("Turn on the lights and")]
    [InlineData("Turn on the lights in the")]
    [InlineData("Set the thermostat to")]
    [InlineData("Turn on the disco ball")]
    [InlineData("Tell me a joke")]
    [InlineData("It's getting dark")]
    [InlineData("Yeah")]
    [InlineData("Perfect")]
    [InlineData("")]
    public async Task What_may_go_on_or_is_not_the_homes_is_not_whole(string said)
    {
        await using var env = await StartAsync();

        Assert.False(IsComplete(env, said));
    }

    [Fact]
    public async Task While_an_offer_is_open_nothing_is_whole_until_it_is_answered()
    {
        await using var env = await StartAsync();
        Assert.IsType<HomeDialogue>(await env.Conversation.HandleAsync("It's getting dark", "kitchen", CancellationToken.None));

        Assert.False(IsComplete(env, "Yeah"));
        Assert.False(IsComplete(env, "Turn on the lights"));

        Assert.IsType<HomeDone>(await env.Conversation.HandleAsync("Yeah, in the living room", "kitchen", CancellationToken.None));
        Assert.True(IsComplete(env, "Turn on the lights"));
    }

    [Fact]
    public async Task After_the_model_offers_something_a_yes_or_a_command_waits_for_the_end()
    {
        await using var env = await StartAsync();
        var words = env.Host.Services.GetRequiredService<IModelWordsListener>();
        Assert.True(IsComplete(env, "Turn on the lights"));

        words.OnModelWords("kitchen", "Want me to turn on ");
        words.OnModelWords("kitchen", "some lights?");

        Assert.False(IsComplete(env, "Turn on the lights"));
        Assert.False(IsComplete(env, "Yeah"));
    }

    private static bool IsComplete(HomeAssistantTestEnvironment env, string said) =>
        env.Conversation.IsCompleteCommand(new HomeRequest(said, "kitchen", EngineSpeaks: true));

    private static Task<HomeAssistantTestEnvironment> StartAsync() =>
        HomeAssistantTestEnvironment.StartAsync(home: EmulatedHome.FromFixtures(ConversationFixture.PlanHome));
}
