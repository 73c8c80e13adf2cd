using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.Tests.PersonaPlex.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Server.Tests.PersonaPlex;

public sealed class PersonaPlexClientTests : IAsyncLifetime
{
    private static readonly PersonaPlexPersona Jarvis = new(PersonaPlexOptions.JarvisPersona, "NATF2.pt");
    private readonly PersonaPlexEmulator _emulator = new(new EmulatorOptions { PromptSteps = 15, TextPieces = [" Hello", " there"] });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Handshake_arrives_after_the_prompt_phase_with_the_persona_in_the_query()
    {
        await using var client = NewClient();
        await client.ConnectAsync(CancellationToken.None);

        var session = Assert.Single(_emulator.Sessions);
        Assert.Equal(SessionPhase.Streaming, session.Phase);
        Assert.Equal(PersonaPlexOptions.JarvisPersona, session.Query["text_prompt"]);
        Assert.Equal("NATF2.pt", session.Query["voice_prompt"]);
        Assert.False(session.Query.ContainsKey("seed"));
        Assert.True(client.IsReady);
    }

    [Fact]
    public async Task Packets_sent_before_the_handshake_wait_for_it_and_none_are_lost()
    {
        var packets = TestPackets.Tone(12);
        await using var client = NewClient();
        var connecting = client.ConnectAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _emulator.Sessions.Count == 1, "the upgrade");
        var sending = Task.Run(async () =>
        {
            foreach (var packet in packets)
            {
                await client.SendAudioAsync(packet, CancellationToken.None);
            }
        });
        Assert.False(sending.IsCompleted);

        await connecting;
        await sending.WaitAsync(Eventually.Deadline);
        var session = _emulator.Sessions[0];
        await Eventually.TrueAsync(() => session.DecodedPackets.Count == packets.Count, "all packets decoded");
        Assert.Equal(0, session.DiscardedDuringPrompt);
        Assert.Equal(packets, session.DecodedPackets.ToArray());
    }

    [Fact]
    public async Task Opus_packets_pass_through_byte_for_byte_and_come_back_as_decodable_80_ms_packets()
    {
        var packets = TestPackets.Tone(50); // 1 s: 12 model steps of 1920 samples at 24 kHz
        await using var client = NewClient();
        await client.ConnectAsync(CancellationToken.None);
        foreach (var packet in packets)
        {
            await client.SendAudioAsync(packet, CancellationToken.None);
        }

        using var decoder = OpusFrameDecoder.Create(24000);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(24000)];
        var granules = new List<long>();
        var loudest = 0;
        await foreach (var packet in client.ReceiveAudioAsync().WithCancellation(new CancellationTokenSource(Eventually.Deadline).Token))
        {
            using (packet)
            {
                Assert.Equal(1920, decoder.Decode(packet.Span, pcm));
                loudest = Math.Max(loudest, pcm.Take(1920).Max(s => Math.Abs((int)s)));
                granules.Add(packet.Granule);
            }

            if (granules.Count == 12)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 12).Select(n => 1920L * n), granules);
        Assert.True(loudest > 1000, $"the emulator echoes the tone one step late; loudest sample {loudest}");
        Assert.Equal(packets, _emulator.Sessions[0].DecodedPackets.ToArray());
        Assert.Equal(12, _emulator.Sessions[0].Steps);
    }

    [Fact]
    public async Task Text_pieces_reach_the_text_stream()
    {
        await using var client = NewClient();
        await client.ConnectAsync(CancellationToken.None);
        foreach (var packet in TestPackets.Tone(8))
        {
            await client.SendAudioAsync(packet, CancellationToken.None);
        }

        var first = await client.Text.ReadAsync().AsTask().WaitAsync(Eventually.Deadline);
        var second = await client.Text.ReadAsync().AsTask().WaitAsync(Eventually.Deadline);
        Assert.Equal(" Hello there", first + second);
    }

    [Fact]
    public async Task A_second_client_is_reported_busy_instead_of_hanging()
    {
        await using var first = NewClient();
        await first.ConnectAsync(CancellationToken.None);
        await using var second = NewClient(TimeSpan.FromSeconds(1));

        var busy = await Assert.ThrowsAsync<PersonaPlexBusyException>(() => second.ConnectAsync(CancellationToken.None));

        Assert.Contains("busy", busy.Message);
        Assert.Equal(SessionPhase.Streaming, _emulator.Sessions[0].Phase);
        await Eventually.TrueAsync(() => _emulator.Sessions[1].EndReason == "left while queued", "the queued client to be let go");
    }

    [Fact]
    public async Task An_unknown_voice_is_explained_when_the_server_drops_the_connection()
    {
        await using var client = new PersonaPlexClient(_emulator.ChatUrl, new PersonaPlexPersona("Be brief.", "NOPE.pt"), TimeSpan.FromSeconds(10), TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<PersonaPlexException>(() => client.ConnectAsync(CancellationToken.None));

        Assert.Contains("PersonaPlex:Voice", error.Message);
        Assert.StartsWith("aborted: voice prompt NOPE.pt not found", _emulator.Sessions[0].EndReason);
    }

    [Fact]
    public async Task Nothing_listening_gives_a_clear_error()
    {
        var port = _emulator.Port;
        await _emulator.StopAsync();
        await using var client = NewClient();

        var error = await Assert.ThrowsAsync<PersonaPlexException>(() => client.ConnectAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("running", error.Message);
    }

    [Fact]
    public async Task Bytes_that_are_not_opus_are_refused_before_they_can_kill_the_session()
    {
        await using var client = NewClient();
        await client.ConnectAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAudioAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None).AsTask());
        Assert.True(client.IsReady);
    }

    private PersonaPlexClient NewClient(TimeSpan? handshakeTimeout = null) =>
        new(_emulator.ChatUrl, Jarvis, handshakeTimeout ?? TimeSpan.FromSeconds(10), TimeProvider.System, NullLogger.Instance);
}
