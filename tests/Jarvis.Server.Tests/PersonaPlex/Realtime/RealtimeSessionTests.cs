using System.Text.Json;
using Jarvis.PersonaPlex.Emulator.Realtime;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>The Realtime backend (vLLM-Omni) under the session manager, against the strict emulator.</summary>
public sealed class RealtimeSessionTests : IAsyncLifetime
{
    private readonly RealtimeEmulator _emulator = new(new RealtimeEmulatorOptions { ChunkFrames = 2 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Warm_sessions_open_with_autostart_off_and_one_session_update_and_are_clocked_in_real_time()
    {
        await using var harness = await StartAsync();

        await Eventually.TrueAsync(() => harness.Manager.GetStatus().All(s => s.State == PersonaPlexState.Warm), "both slots warm");
        var sessions = _emulator.OpenedSessions;
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s =>
        {
            Assert.Equal("1", s.Query["duplex"]);
            Assert.Equal("0", s.Query["autostart"]);
            Assert.Equal("nvidia/personaplex-7b-v1", s.Query["model"]);
            Assert.Equal("NATF2.pt", s.Voice);
            Assert.Equal(PersonaPlexOptions.JarvisPersona, s.Instructions);
            Assert.Equal("session.update", s.ClientEvents.First());
        });
        await Eventually.TrueAsync(() => sessions.All(s => s.OutputFrames >= 5), "silence clocks the model and audio comes back");
        Assert.All(sessions, s => Assert.Empty(s.Errors));
        Assert.Equal(["ws://127.0.0.1:" + _emulator.Port + "/v1/realtime?session=1", "ws://127.0.0.1:" + _emulator.Port + "/v1/realtime?session=2"],
            harness.Manager.GetStatus().Select(s => s.Endpoint.ToString()));
    }

    [Fact]
    public async Task A_conversation_sends_the_rooms_audio_as_24_kHz_frames_and_the_room_hears_the_model()
    {
        _emulator.Options.TextPieces = [" Hel", "lo"];
        await using var harness = await StartAsync(capacity: 1);
        await Eventually.TrueAsync(() => harness.Status.State == PersonaPlexState.Warm, "warm");

        await using var room = new PacedRoom(await harness.Manager.AcquireAsync("kitchen", CancellationToken.None), Tone.Kitchen);
        Assert.Equal(PersonaPlexState.InConversation, harness.Status.State);
        var session = _emulator.OpenedSessions[0];
        await Eventually.TrueAsync(() => session.Frames.Count(f => Tone.Dominant(f.Samples, 24000) == Tone.Kitchen) >= 10, "the kitchen's tone reaches the session");
        await Eventually.TrueAsync(() => Tone.Heard(Tone.Decode(room.Heard)).Count(t => t == Tone.Kitchen) >= 5, "the kitchen hears the model");
        var said = string.Empty;
        for (var piece = 0; piece < 4; piece++)
        {
            said += await room.Channel.Text.ReadAsync().AsTask().WaitAsync(Eventually.Deadline);
        }

        Assert.Contains(" Hello", said); // transcript deltas, in order: suffixes of the running text, not aligned to words
        Assert.All(room.Heard, p => Assert.Equal(480, Jarvis.Protocol.Opus.OpusPacket.GetSampleCount(p, 24000)));
        Assert.All(room.Heard, p => Assert.Equal(Jarvis.Protocol.Opus.OpusMode.CeltOnly, Jarvis.Protocol.Opus.OpusPacket.GetMode(p))); // a third of the encode time of hybrid
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Wss_with_a_self_signed_certificate_works_once_accepted_and_fails_clearly_otherwise()
    {
        // vLLM-Omni behind a TLS proxy (wss:// and https://), with a certificate made on the LAN.
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var emulator = new RealtimeEmulator(new RealtimeEmulatorOptions { Certificate = certificate, MaxSessions = 1, ChunkFrames = 2 });
        await emulator.StartAsync();
        Assert.Equal("wss", emulator.RealtimeUrl.Scheme);
        var endpoint = new PersonaPlexEndpointOptions { Url = emulator.RealtimeUrl.ToString(), Capacity = 1 };

        await using (var strict = await ManagerHarness.StartAsync(o => o.Endpoints = [endpoint]))
        {
            await Eventually.TrueAsync(() => strict.Status.LastError?.Contains("AcceptAnyServerCertificate", StringComparison.Ordinal) == true,
                "an untrusted certificate is reported with the setting that accepts it");
            Assert.Empty(emulator.Sessions);
        }

        await using var trusting = await ManagerHarness.StartAsync(o =>
        {
            o.Endpoints = [endpoint];
            o.AcceptAnyServerCertificate = true;
        });
        await Eventually.TrueAsync(() => trusting.Status.State == PersonaPlexState.Warm, "warm over TLS");
        await using var room = new PacedRoom(await trusting.Manager.AcquireAsync("kitchen", CancellationToken.None), Tone.Kitchen);
        await Eventually.TrueAsync(() => Tone.Heard(Tone.Decode(room.Heard)).Count(t => t == Tone.Kitchen) >= 5, "the kitchen hears the model over TLS");
    }

    private Task<ManagerHarness> StartAsync(int capacity = 2, Action<PersonaPlexOptions>? configure = null) =>
        ManagerHarness.StartAsync(o =>
        {
            o.Endpoints = [new PersonaPlexEndpointOptions { Url = _emulator.RealtimeUrl.ToString(), Capacity = capacity }];
            configure?.Invoke(o);
        });
}
