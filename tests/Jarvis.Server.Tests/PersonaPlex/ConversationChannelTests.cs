using System.Collections.Concurrent;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex;

/// <summary>
/// What a conversation gets from its channel: the model's output handed straight to the conversation's output, and a lost
/// session reported through the channel's completion (nothing polls the status).
/// </summary>
public sealed class ConversationChannelTests : IAsyncLifetime
{
    private readonly PersonaPlexEmulator _emulator = new(new EmulatorOptions { PromptSteps = 10 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task With_an_output_the_models_audio_and_words_go_straight_to_it()
    {
        _emulator.Options.TextPieces = [" Hi"];
        await using var harness = await StartAsync();
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        var output = new RecordingOutput();

        await using var conversation = await harness.Manager.AcquireAsync("kitchen", output, CancellationToken.None);

        await Eventually.TrueAsync(() => output.AudioPackets >= 3, "PersonaPlex's packets reach the output");
        await Eventually.TrueAsync(() => output.Words.Contains(" Hi"), "and its words");
        Assert.False(conversation.Audio.TryRead(out _), "nothing is queued in the channel");
        Assert.False(conversation.Completion.IsCompleted);
    }

    [Fact]
    public async Task A_lost_session_faults_the_channels_completion_with_why()
    {
        await using var harness = await StartAsync();
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        await using var conversation = await harness.Manager.AcquireAsync("kitchen", new RecordingOutput(), CancellationToken.None);

        await _emulator.StopAsync();

        var lost = await Assert.ThrowsAsync<PersonaPlexException>(() => conversation.Completion.WaitAsync(Eventually.Deadline));
        Assert.Contains("dropped the session", lost.Message, StringComparison.Ordinal);
        Assert.Contains(_emulator.ChatUrl.Authority, lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_is_down_when_the_room_takes_it_faults_the_completion_at_once()
    {
        await _emulator.StopAsync();
        await using var harness = await StartAsync();
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Backoff, "the endpoint is in backoff");

        await using var conversation = await harness.Manager.AcquireAsync("kitchen", CancellationToken.None);

        var lost = await Assert.ThrowsAsync<PersonaPlexException>(() => conversation.Completion.WaitAsync(Eventually.Deadline));
        Assert.Contains("is not available", lost.Message, StringComparison.Ordinal);
        Assert.True(conversation.Audio.Completion.IsCompleted, "the streams end with it");
    }

    [Fact]
    public async Task Letting_go_of_the_channel_completes_it_without_a_fault()
    {
        await using var harness = await StartAsync();
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm session");
        var conversation = await harness.Manager.AcquireAsync("kitchen", CancellationToken.None);

        await conversation.DisposeAsync();

        await conversation.Completion.WaitAsync(Eventually.Deadline);
        Assert.True(conversation.Completion.IsCompletedSuccessfully);
    }

    private Task<ManagerHarness> StartAsync() => ManagerHarness.StartAsync(o => o.Url = _emulator.ChatUrl.ToString());

    private sealed class RecordingOutput : IModelOutput
    {
        private int _audio;

        public int AudioPackets => Volatile.Read(ref _audio);

        public ConcurrentQueue<string> Words { get; } = new();

        public void OnAudio(PersonaPlexAudioPacket packet)
        {
            using (packet)
            {
                Interlocked.Increment(ref _audio);
            }
        }

        public void OnText(string piece) => Words.Enqueue(piece);
    }
}
