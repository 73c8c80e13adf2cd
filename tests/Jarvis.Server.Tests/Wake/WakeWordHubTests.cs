using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Duplex;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Wake;

public sealed class WakeWordHubTests
{
    [Fact]
    public async Task The_loudest_of_three_satellites_hearing_the_wake_word_wins_even_when_it_arrives_last()
    {
        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Rooms:WakeMode"] = "WakeWord",
            ["Rooms:ArbitrationWindow"] = "00:00:01.500",
            ["Speech:Wake:Uri"] = wake.Uri.ToString(),
        });
        var kitchen = await hub.SatelliteAsync("kitchen");
        var hall = await hub.SatelliteAsync("hall");
        var office = await hub.SatelliteAsync("office");
        var heyJarvis = LoudSpeech(25);

        foreach (var (satellite, level) in new[] { (kitchen, -40.0), (hall, -30.0), (office, -12.0) })
        {
            await satellite.VoiceAsync(true, 0.9, level);
            foreach (var packet in heyJarvis)
            {
                await satellite.SendAudioAsync(packet);
            }

            await Eventually.TrueAsync(() => wake.DetectionCount >= Array.IndexOf([kitchen, hall, office], satellite) + 1, $"the wake word is detected in {satellite.Room}");
        }

        await DuplexFixture.ActiveAsync(office);
        Assert.Equal("office", hub.Server.Get<ConversationCoordinator>().ActiveRoom(0));
        Assert.All([kitchen, hall], room => Assert.DoesNotContain(room.Messages, m => m is ConversationMessage { Active: true }));
        Assert.All([kitchen, hall], room => Assert.Equal(LedState.Idle, room.Last<LedMessage>()?.State));
    }

    [Fact]
    public async Task A_wake_word_in_the_joined_packets_welcome_offers_starts_the_conversation()
    {
        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Rooms:WakeMode"] = "WakeWord",
            ["Speech:Wake:Uri"] = wake.Uri.ToString(),
        });
        var kitchen = await hub.SatelliteAsync("kitchen");
        Assert.Equal(60, kitchen.Last<WelcomeMessage>()!.WakePacketMs); // the default offer

        await kitchen.VoiceAsync(true, 0.9, -12);
        var joiner = new OpusPacketJoiner(3);
        var joined = new byte[joiner.MaxPacketBytes];
        foreach (var frame in LoudSpeech(24))
        {
            joiner.Add(frame);
            if (joiner.Count == 3)
            {
                var packet = joined.AsSpan(0, joiner.Join(joined)).ToArray();
                Assert.Equal(960, OpusPacket.GetSampleCount(packet, 16000));
                await kitchen.SendAudioAsync(packet);
            }
        }

        await Eventually.TrueAsync(() => wake.DetectionCount == 1, "the wake word is detected");
        await DuplexFixture.ActiveAsync(kitchen);
    }

    [Fact]
    public async Task Without_a_wake_service_a_long_press_still_starts_a_conversation()
    {
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Rooms:WakeMode"] = "WakeWord",
            ["Speech:Wake:Uri"] = $"tcp://127.0.0.1:{FreePort.Next()}",
        });
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.VoiceAsync(true, 0.9);
        foreach (var packet in LoudSpeech(5))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await kitchen.LongPressAsync();

        await DuplexFixture.ActiveAsync(kitchen);
    }

    [Fact]
    public async Task An_undecodable_packet_from_one_room_is_dropped_there_and_the_wake_word_still_works_everywhere()
    {
        byte[] malformed = [0x03, 0x00]; // code 3 (several frames) announcing zero frames
        using (var decoder = OpusFrameDecoder.Create(16000))
        {
            Assert.Throws<InvalidDataException>(() => decoder.Decode(malformed, new short[OpusFrameDecoder.MaxSamplesPerPacket(16000)]));
        }

        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Rooms:WakeMode"] = "WakeWord",
            ["Speech:Wake:Uri"] = wake.Uri.ToString(),
        });
        var hall = await hub.SatelliteAsync("hall");
        var kitchen = await hub.SatelliteAsync("kitchen");

        await hall.VoiceAsync(true, 0.9, -20);
        await hall.SendAudioAsync(malformed);
        await kitchen.VoiceAsync(true, 0.9, -20);
        foreach (var packet in LoudSpeech(25))
        {
            await kitchen.SendAudioAsync(packet);
        }

        await Eventually.TrueAsync(() => wake.DetectionCount >= 1, "the kitchen's wake word is heard right after the hall's bad packet");
        await DuplexFixture.ActiveAsync(kitchen);
        using var http = hub.Server.ApiClient();
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("jarvis_undecodable_packets_total{room=\"hall\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains(hub.Server.Errors.All, l => l.Contains("Room hall sent audio that does not decode", StringComparison.Ordinal));
        Assert.DoesNotContain(hub.Server.Errors.All, l => l.Contains("Wake-word service unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wake_words_tail_and_a_pause_are_not_transcribed_the_next_utterance_is()
    {
        // "Hey Jarvis" and a pause: the conversation starts in that breath, and what it hears of it is the wake word's
        // tail and silence until the satellite's voice stop. A recogniser could still make words of it.
        var heard = await TranscribedAfterWakeInMidBreathAsync(async kitchen =>
        {
            await SayAsync(kitchen, Tone(40, 300, 0), stop: true);
            await kitchen.VoiceAsync(true, 0.9, -12);
            await SayAsync(kitchen, Tone(25, 440, 9000), stop: true);
        });

        Assert.Equal([25 * 640], heard); // that one alone, not the wake word's tail before it
    }

    [Fact]
    public async Task Words_in_the_wake_words_breath_are_the_first_utterance()
    {
        var heard = await TranscribedAfterWakeInMidBreathAsync(kitchen => SayAsync(kitchen, Tone(30, 440, 9000), stop: true));

        Assert.True(heard.Single() >= 30 * 640, $"transcribed {heard.Single()} bytes, not the 30 frames said after the wake word");
    }

    /// <summary>
    /// The kitchen says the wake word (17 frames; the emulator fires after 15) and its conversation starts in that breath;
    /// then <paramref name="goOn"/>. Returns the length in bytes of each utterance the ASR emulator transcribed, once there is one.
    /// </summary>
    private static async Task<IReadOnlyCollection<int>> TranscribedAfterWakeInMidBreathAsync(Func<SimulatedSatellite, Task> goOn)
    {
        await using var wake = new WyomingWakeEmulator();
        wake.Start();
        await using var asr = new WyomingAsrEmulator();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<int>();
        asr.Transcriber = (audio, _) =>
        {
            heard.Enqueue(audio.Length);
            return "";
        };
        asr.Start();
        await using var hub = await DuplexFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Rooms:WakeMode"] = "WakeWord",
            ["Speech:Wake:Uri"] = wake.Uri.ToString(),
            ["Speech:Asr:Uri"] = asr.Uri.ToString(),
        });
        var kitchen = await hub.SatelliteAsync("kitchen");
        await kitchen.VoiceAsync(true, 0.9, -12);
        await SayAsync(kitchen, LoudSpeech(17), stop: false);
        await DuplexFixture.ActiveAsync(kitchen);

        await goOn(kitchen);

        await Eventually.TrueAsync(() => !heard.IsEmpty, "an utterance is transcribed");
        return [.. heard];
    }

    /// <summary>Sends <paramref name="packets"/>, then the voice stop when <paramref name="stop"/>.</summary>
    private static async Task SayAsync(SimulatedSatellite satellite, List<byte[]> packets, bool stop)
    {
        foreach (var packet in packets)
        {
            await satellite.SendAudioAsync(packet);
        }

        if (stop)
        {
            await satellite.VoiceAsync(false, 0);
        }
    }

    /// <summary>16 kHz, 20 ms Opus packets of a steady loud tone (what the wake emulator takes for the wake word).</summary>
    private static List<byte[]> LoudSpeech(int frames) => Tone(frames, 300, 9000);

    private static List<byte[]> Tone(int frames, double hertz, double amplitude)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 16000, FrameMilliseconds = 20 });
        var pcm = new short[encoder.FrameSamples];
        var buffer = new byte[1275];
        var packets = new List<byte[]>();
        for (var frame = 0; frame < frames; frame++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(amplitude * Math.Sin(2 * Math.PI * hertz * ((frame * pcm.Length) + i) / 16000.0));
            }

            packets.Add(buffer.AsSpan(0, encoder.Encode(pcm, buffer)).ToArray());
        }

        return packets;
    }
}
