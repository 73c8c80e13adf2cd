using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Sessions;
using Jarvis.Server.Tests.PersonaPlex.Support;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.PersonaPlex;

public sealed class PersonaPlexPartsTests
{
    [Fact]
    public void Backoff_doubles_up_to_its_cap_and_starts_over_after_a_success()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalSeconds));
        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Theory]
    [InlineData(" Hello", true)]
    [InlineData("world", true)]
    [InlineData("<s>", false)]
    [InlineData(" </s> ", false)]
    [InlineData(" ", false)]
    public void Only_word_pieces_reach_the_text_stream(string piece, bool kept)
    {
        Assert.Equal(kept, TextPieceFilter.IsWords(piece));
    }

    [Fact]
    public void Silence_is_one_small_20_ms_opus_packet_encoded_once()
    {
        var silence = SilencePacket.Bytes;

        Assert.Equal(480, Jarvis.Protocol.Opus.OpusPacket.GetSampleCount(silence.Span, 24000));
        Assert.True(silence.Length < 40, $"{silence.Length} bytes");
        Assert.True(SilencePacket.Bytes.Span == silence.Span);
    }

    [Fact]
    public async Task A_released_conversation_refuses_more_audio_and_frees_its_endpoint()
    {
        var options = new PersonaPlexOptions { Url = "ws://127.0.0.1:9/api/chat", Mode = PersonaPlexMode.OnDemand };
        using var manager = new PersonaPlexSessionManager(Options.Create(options), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var conversation = await manager.AcquireAsync("hall", CancellationToken.None);

        await conversation.DisposeAsync();
        await conversation.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => conversation.SendAsync(TestPackets.Tone(1)[0], CancellationToken.None).AsTask());
        Assert.True(conversation.Audio.Completion.IsCompleted);
        await using var next = await manager.AcquireAsync("hall", CancellationToken.None).AsTask().WaitAsync(Eventually.Deadline);
        Assert.Equal("hall", manager.GetStatus()[0].RoomId);
    }
}
