using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Tests.Link;
using Jarvis.Satellite.Tests.Support;
using Xunit.Abstractions;

namespace Jarvis.Satellite.Tests.EndToEnd;

/// <summary>
/// The real <c>jarvis-satellite</c> program (JIT build here; a Native AOT publish with <c>JARVIS_SATELLITE_EXE</c>) with
/// each audio backend and every echo engine on ALSA file devices at real time: it captures an espeak-ng sentence, streams it to the test
/// server on voice, plays what the server sends back, and stops cleanly on SIGTERM.
/// </summary>
[Collection(AlsaCollection.Name)]
public sealed class ProgramEndToEndTests(AlsaFileDevices alsa, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string> BackendsAndEngines { get; } = new()
    {
        { "Alsa", "WebRtc" },
        { "Alsa", "Speex" },
        { "Alsa", "System" },
        { "PortAudio", "WebRtc" },
        { "PortAudio", "Speex" },
        { "PortAudio", "System" },
    };

    [Theory]
    [MemberData(nameof(BackendsAndEngines))]
    public async Task The_program_streams_speech_and_plays_the_answer_with_each_backend_and_echo_engine(string backend, string engine)
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-e2e-").FullName;
        var speech = SpeechFiles.Speak(directory, "speech", SpeechFiles.NearText);
        short[] microphone = [.. new short[16000], .. speech, .. new short[16000 * 2]];
        // No microphone file yet: the program cannot open its input and retries every 5 s, so the sentence starts only
        // once the link is up (on a loaded machine the JIT build connects seconds after it could capture).
        File.Delete(alsa.MicFile);
        File.Delete(alsa.PlaybackFile);
        await using var server = await TestLinkServer.StartAsync();
        server.EchoAfterVoiceStop = true;

        var satellite = SatelliteProcess.Start(SatelliteProcess.Program, alsa.AlsaConfigPath,
        [
            "--config", Path.Combine(directory, "none.json"), $"--Satellite:StateDirectory={directory}",
            $"--Satellite:Link:ServerUrl={server.Uri}", "--Satellite:Link:SatelliteId=kitchen-sat", "--Satellite:Link:Room=kitchen",
            "--Satellite:Link:Token=secret-token", "--Satellite:Audio:InputDevice=jarvis_in", "--Satellite:Audio:OutputDevice=jarvis_out",
            "--Satellite:Audio:Pace=true", $"--Satellite:Audio:Backend={backend}", $"--Satellite:Aec:Engine={engine}",
        ]);
        int exitCode;
        await using (satellite)
        {
            try
            {
                await Eventually.TrueAsync(() => server.Welcomes > 0 || satellite.HasExited, Deadline, "the program connects", 50);
                alsa.SetMicrophone(microphone);
                await Eventually.TrueAsync(() => satellite.ListeningAfter is not null || satellite.HasExited, Deadline, "the program listens", 50);
                await Eventually.TrueAsync(() => server.EchoDone && server.EchoedPackets == server.Uplink.Count, Deadline, "the server has echoed the sentence", 100);
                await Eventually.TrueAsync(() => PlayedSpeech(speech).Correlation > 0.8, Deadline, "the sentence is played", 250);
                exitCode = await satellite.StopAsync(TimeSpan.FromSeconds(15));
            }
            finally
            {
                if (!File.Exists(alsa.MicFile))
                {
                    alsa.SetMicrophone([]);
                }

                output.WriteLine($"uplink {server.Uplink.Count}, echoed {server.EchoedPackets}, played {PlayedSpeech(speech)}, voice " +
                    string.Join(", ", server.ReceivedOf<Jarvis.Protocol.Link.Messages.VoiceActivityMessage>()));
                output.WriteLine(string.Join('\n', satellite.Lines.Where(l => !l.StartsWith("ALSA lib", StringComparison.Ordinal) && !l.Contains("jack", StringComparison.OrdinalIgnoreCase))));
            }
        }

        var (correlation, level) = PlayedSpeech(speech);
        output.WriteLine($"{SatelliteProcess.Program}, backend {backend}, engine {engine}: " +
            $"uplink {server.Uplink.Count} packets, played sentence envelope correlation {correlation:0.00}, level {level:0.0} dB, exit code {exitCode}");
        Directory.Delete(directory, recursive: true);
        Assert.Equal(0, exitCode);
        Assert.True(server.Uplink.Count >= speech.Length / 320, "the whole sentence was streamed");
        Assert.InRange(level, -10, 6);
    }

    [Fact]
    public async Task The_program_joins_wake_path_frames_into_the_packets_the_server_offers_and_sends_single_frames_in_a_conversation()
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-e2e-").FullName;
        var speech = SpeechFiles.Speak(directory, "speech", SpeechFiles.NearText);
        File.Delete(alsa.MicFile);
        File.Delete(alsa.PlaybackFile);
        await using var server = await TestLinkServer.StartAsync();
        server.WakePacketMs = 60;
        var satellite = SatelliteProcess.Start(SatelliteProcess.Program, alsa.AlsaConfigPath,
        [
            "--config", Path.Combine(directory, "none.json"), $"--Satellite:StateDirectory={directory}",
            $"--Satellite:Link:ServerUrl={server.Uri}", "--Satellite:Link:SatelliteId=kitchen-sat", "--Satellite:Link:Room=kitchen",
            "--Satellite:Link:Token=secret-token", "--Satellite:Audio:InputDevice=jarvis_in", "--Satellite:Audio:OutputDevice=jarvis_out",
            "--Satellite:Audio:Pace=true",
        ]);
        List<int> wakePath;
        List<int> conversation;
        await using (satellite)
        {
            try
            {
                await Eventually.TrueAsync(() => server.Welcomes > 0 || satellite.HasExited, Deadline, "the program connects", 50);
                alsa.SetMicrophone([.. new short[16000], .. speech, .. new short[16000 * 30]]);
                await Eventually.TrueAsync(() => server.ReceivedOf<VoiceActivityMessage>().Any(v => v.State == VoiceActivityState.Stop) || satellite.HasExited,
                    Deadline, "the sentence is streamed and the voice stops", 100);
                await Eventually.TrueAsync(() => Durations(server).Sum() >= speech.Length / 16, Deadline, "the last joined packet arrives", 50);
                wakePath = Durations(server);
                await server.SendAsync(new ConversationMessage(true, "conv-1"));
                await Eventually.TrueAsync(() => server.Uplink.Count >= wakePath.Count + 30 || satellite.HasExited, Deadline, "the conversation streams", 50);
                conversation = Durations(server).Skip(wakePath.Count).ToList();
            }
            finally
            {
                output.WriteLine(string.Join('\n', satellite.Lines.Where(l => !l.StartsWith("ALSA lib", StringComparison.Ordinal))));
            }

            Assert.Equal(0, await satellite.StopAsync(TimeSpan.FromSeconds(15)));
        }

        output.WriteLine($"wake path: {wakePath.Count} packets ({string.Join(' ', wakePath)} ms); conversation: {string.Join(' ', conversation)} ms");
        Directory.Delete(directory, recursive: true);
        // Each burst of voice ends with a packet of what was left when the voice stopped (20-60 ms); all others are 60 ms.
        var stops = server.ReceivedOf<VoiceActivityMessage>().Count(v => v.State == VoiceActivityState.Stop);
        Assert.All(wakePath, ms => Assert.Contains(ms, new[] { 20, 40, 60 }));
        Assert.InRange(wakePath.Count(ms => ms != 60), 0, stops);
        Assert.True(wakePath.Count(ms => ms == 60) >= speech.Length / 960 - 2, "the sentence went in 60 ms packets");
        Assert.All(conversation, ms => Assert.Equal(20, ms));
    }

    private static List<int> Durations(TestLinkServer server) =>
        server.Uplink.Select(p => Jarvis.Protocol.Opus.OpusPacket.GetSampleCount(p.Payload, 16000) / 16).ToList();

    private (double Correlation, double LevelDb) PlayedSpeech(short[] speech)
    {
        short[] played;
        try
        {
            played = [.. alsa.ReadPlayback(), .. new short[speech.Length]];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            return (0, double.NegativeInfinity);
        }

        var (lag, correlation) = Envelope.Align(Envelope.Of(played), Envelope.Of(speech));
        var start = lag * 320;
        return (correlation, Signals.Db(Signals.Rms(played.AsSpan(start, speech.Length)) / Signals.Rms(speech)));
    }
}
