using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Tests.Support;
using Xunit.Abstractions;

namespace Jarvis.Satellite.Tests.Link;

public sealed class LinkClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly short[] Silence = new short[16000];
    private TestLinkServer server = null!;

    public async Task InitializeAsync() => server = await TestLinkServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Hello_carries_the_satellite_room_and_token_and_the_mute_state_follows_welcome()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);

        await Eventually.TrueAsync(() => server.ReceivedOf<MuteMessage>().Any(), Deadline, "the mute state is reported");
        var hello = server.ReceivedOf<HelloMessage>().Single();
        Assert.Equal(("kitchen-sat", "kitchen", "secret-token"), (hello.SatelliteId, hello.Room, hello.Token));
        Assert.Contains(16000, hello.Capabilities.SampleRates);
        Assert.Equal(new MuteMessage(false, MuteSource.Startup), server.ReceivedOf<MuteMessage>().First());
        await Eventually.TrueAsync(() => satellite.Status.Connected, Deadline, "the satellite sees the link up");
    }

    [Fact]
    public async Task Satellite_reconnects_after_the_link_drops()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => server.Welcomes == 1, Deadline, "the first welcome");

        server.AbortConnection();

        await Eventually.TrueAsync(() => server.Welcomes == 2, Deadline, "the satellite is back");
    }

    [Fact]
    public async Task Satellite_reconnects_when_the_server_comes_back()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => server.Welcomes == 1, Deadline, "the first welcome");
        var port = server.Port;
        await server.DisposeAsync();
        await Eventually.TrueAsync(() => !satellite.Status.Connected, Deadline, "the satellite notices");

        var down = System.Diagnostics.Stopwatch.StartNew();
        var link = satellite.Hosted<Jarvis.Satellite.Link.LinkClientService>();
        await Eventually.TrueAsync(() => link.ConsecutiveFailures >= 6, Deadline, "the backoff has reached its cap");
        server = await TestLinkServer.StartAsync(port);
        var back = System.Diagnostics.Stopwatch.StartNew();

        await Eventually.TrueAsync(() => server.Welcomes == 1, Deadline, "the satellite reconnects to the restarted server");
        output.WriteLine($"server down {down.Elapsed.TotalSeconds - back.Elapsed.TotalSeconds:0.00} s; satellite back {back.Elapsed.TotalMilliseconds:0} ms after the server");
    }

    [Fact]
    public async Task A_rejected_token_shows_the_error_LED_and_is_not_retried_in_a_tight_loop()
    {
        server.Token = "another-token";
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);

        await Eventually.TrueAsync(() => satellite.Status.LedState == LedState.Error, Deadline, "the error LED is on");
        Assert.Equal(1, server.Connections);
        Assert.Equal(0, server.Welcomes);
    }

    [Fact]
    public async Task A_mute_command_from_the_server_mutes_and_survives_a_restart()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => satellite.Status.Connected, Deadline, "connected");

        await server.SendAsync(new MuteMessage(true, MuteSource.Server));

        await Eventually.TrueAsync(() => satellite.Status.Muted, Deadline, "muted");
        Assert.Equal(new MuteState(true, MuteSource.Server), satellite.Get<MuteStateStore>().Load());
        await Eventually.TrueAsync(() => server.ReceivedOf<MuteMessage>().Any(m => m is { Muted: true, Source: MuteSource.Server }), Deadline, "reported");
    }

    [Fact]
    public async Task A_server_unmute_of_a_button_mute_is_refused_and_the_real_state_reported_back()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        // Starting the real satellite (PortAudio, ALSA) is slow on a loaded machine: a longer deadline for the connection only.
        await Eventually.TrueAsync(() => satellite.Status.Connected, TimeSpan.FromSeconds(45), "connected");
        satellite.Get<MuteController>().Set(true, MuteSource.Button);
        await Eventually.TrueAsync(() => server.ReceivedOf<MuteMessage>().Any(m => m is { Muted: true, Source: MuteSource.Button }), Deadline, "the button mute is reported");
        var reports = server.ReceivedOf<MuteMessage>().Count();

        await server.SendAsync(new MuteMessage(false, MuteSource.Server));

        await Eventually.TrueAsync(() => server.ReceivedOf<MuteMessage>().Count() > reports, Deadline, "the satellite answers the command");
        Assert.Equal(new MuteMessage(true, MuteSource.Button), server.ReceivedOf<MuteMessage>().Last());
        Assert.True(satellite.Status.Muted);
        Assert.Equal(new MuteState(true, MuteSource.Button), satellite.Get<MuteStateStore>().Load());
    }

    [Fact]
    public async Task Long_press_asks_the_server_for_a_conversation()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => satellite.Status.Connected, Deadline, "connected");

        satellite.Hosted<ButtonService>().OnGesture(ButtonGesture.LongPress);

        await Eventually.TrueAsync(() => server.ReceivedOf<ButtonMessage>().Any(b => b.Press == ButtonPress.Long), Deadline, "the long press arrives");
    }

    [Fact]
    public async Task Microphone_audio_streams_while_the_server_holds_a_conversation()
    {
        server.ConversationActive = true;
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);

        await Eventually.TrueAsync(() => server.Uplink.Count >= 10, Deadline, "uplink frames arrive");
        var sequences = server.Uplink.Take(10).Select(p => p.Sequence).ToArray();
        Assert.Equal(Enumerable.Range((int)sequences[0], 10).Select(i => (uint)i), sequences);
    }

    [Fact]
    public async Task Downlink_audio_is_played_and_a_flush_silences_it()
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => satellite.Status.Connected, Deadline, "connected");
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions());
        var tone = Signals.Sine(440, 16000, 320);
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        for (uint seq = 0; seq < 100; seq++)
        {
            await server.SendAudioAsync(seq, packet.AsSpan(0, encoder.Encode(tone, packet)));
        }

        await Eventually.TrueAsync(() => Signals.Rms(satellite.Speaker!.Snapshot()) > 500, Deadline, "the tone is played");
        await server.SendAsync(new FlushMessage(FlushReason.BargeIn));

        await Eventually.TrueAsync(() => satellite.Get<JitterBuffer>().Stats().DepthMilliseconds == 0, Deadline, "the queue is dropped");
    }

    [Theory]
    [InlineData(StreamKind.RealTime)]
    [InlineData(StreamKind.Burst)]
    public async Task A_two_second_burst_is_cut_to_the_target_on_a_real_time_stream_and_played_whole_otherwise(StreamKind kind)
    {
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => satellite.Status.Connected, Deadline, "connected");
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions());
        var tone = Signals.Sine(440, 16000, 320);
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        await server.SendAsync(new StreamMessage(kind));
        for (uint seq = 0; seq < 100; seq++)
        {
            await server.SendAudioAsync(seq, packet.AsSpan(0, encoder.Encode(tone, packet)));
        }

        var jitter = satellite.Get<JitterBuffer>();
        await Eventually.TrueAsync(() => jitter.Stats().Received == 100, Deadline, "the packets arrive");
        if (kind == StreamKind.RealTime)
        {
            await Eventually.TrueAsync(() => jitter.Stats().TrimmedMilliseconds > 1000, Deadline, "the excess is dropped");
            Assert.InRange(jitter.Stats().TrimmedMilliseconds, 1000, 2000);
        }
        else
        {
            await Eventually.TrueAsync(() => jitter.Stats().DepthMilliseconds == 0, Deadline, "the burst plays out");
            Assert.Equal(0, jitter.Stats().TrimmedMilliseconds);
        }
    }

    [Fact]
    public async Task PersonaPlex_style_24_kHz_hybrid_packets_are_decoded_and_played()
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-pp-").FullName;
        var speech16k = SpeechFiles.Speak(dir, "speech", SpeechFiles.NearText);
        Directory.Delete(dir, recursive: true);
        var resampler = new Jarvis.Satellite.Audio.LinearResampler(16000, 24000);
        var speech24k = new short[resampler.MaxOutput(speech16k.Length)];
        speech24k = speech24k[..resampler.Process(speech16k, speech24k)];
        await using var satellite = await SatelliteUnderTest.StartAsync(server.Uri, Silence);
        await Eventually.TrueAsync(() => satellite.Status.Connected, Deadline, "connected");
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 24000, FrameMilliseconds = 60, Bitrate = 24000 });
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        var modes = new List<OpusMode>();
        uint seq = 0;
        for (var offset = 0; offset + encoder.FrameSamples <= speech24k.Length; offset += encoder.FrameSamples)
        {
            var length = encoder.Encode(speech24k.AsSpan(offset, encoder.FrameSamples), packet);
            modes.Add(OpusPacket.GetMode(packet.AsSpan(0, length)));
            await server.SendAudioAsync(seq++, packet.AsSpan(0, length));
        }

        Assert.Contains(OpusMode.Hybrid, modes);
        await Eventually.TrueAsync(() => satellite.Speaker!.RecordedSamples > speech16k.Length, Deadline, "the speech is played");
        await Eventually.TrueAsync(() => satellite.Get<JitterBuffer>().Stats().DepthMilliseconds == 0, Deadline, "all played");
        var played = satellite.Speaker!.Snapshot();
        // Zeros after the recording: the needle's own trailing silence may fall past the end of what was played.
        var (_, correlation) = Envelope.Align(Envelope.Of([.. played, .. new short[speech16k.Length]]), Envelope.Of(speech16k));
        output.WriteLine($"hybrid packets {modes.Count(m => m == OpusMode.Hybrid)}/{modes.Count}, envelope correlation {correlation:0.00}");
        Assert.True(correlation > 0.8, $"envelope correlation {correlation:0.00}");
    }
}
