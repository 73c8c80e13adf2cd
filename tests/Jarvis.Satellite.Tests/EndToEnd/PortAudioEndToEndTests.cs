using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Tests.Link;
using Jarvis.Satellite.Tests.Support;
using Xunit.Abstractions;

namespace Jarvis.Satellite.Tests.EndToEnd;

/// <summary>
/// The whole satellite with real PortAudio over ALSA file devices (no sound card): it captures an espeak-ng
/// sentence, streams it on voice to the test server, which echoes the Opus packets back after voice stop;
/// the satellite plays them and the playback file must contain the sentence.
/// </summary>
[Collection(AlsaCollection.Name)]
public sealed class PortAudioEndToEndTests(AlsaFileDevices alsa, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Captured_speech_goes_to_the_server_and_what_it_sends_back_is_played()
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-e2e-").FullName;
        var speech = SpeechFiles.Speak(directory, "speech", SpeechFiles.NearText);
        Directory.Delete(directory, recursive: true);
        short[] microphone = [.. new short[16000], .. speech, .. new short[16000 * 2]];
        alsa.SetMicrophone(microphone);
        await using var server = await TestLinkServer.StartAsync();
        server.EchoAfterVoiceStop = true;

        var satellite = await SatelliteUnderTest.StartAsync(server.Uri, null,
            "--Satellite:Audio:Backend=PortAudio", "--Satellite:Audio:InputDevice=jarvis_in", "--Satellite:Audio:OutputDevice=jarvis_out",
            "--Satellite:Audio:Pace=true");
        await using (satellite)
        {
            var audio = satellite.Hosted<Jarvis.Satellite.Audio.AudioService>();
            await Eventually.TrueAsync(() => audio.Capture?.Frames >= microphone.Length / 320, Deadline, "the whole file is captured", 100);
            await Eventually.TrueAsync(
                () => server.EchoDone && server.EchoedPackets == server.Uplink.Count, Deadline, "the server has echoed every utterance", 100);
            var jitter = satellite.Get<JitterBuffer>();
            await Eventually.TrueAsync(
                () => jitter.Stats().Received >= server.EchoedPackets && jitter.Stats().DepthMilliseconds == 0, Deadline, "everything is played", 100);
        }

        var played = alsa.ReadPlayback();
        var (lag, envelopeCorrelation) = Envelope.Align(Envelope.Of([.. played, .. new short[speech.Length]]), Envelope.Of(speech));
        played = [.. played, .. new short[speech.Length]];
        var start = lag * 320;
        var waveform = Signals.BestCorrelation(played.AsSpan(Math.Max(0, start - 640), Math.Min(played.Length - Math.Max(0, start - 640), speech.Length + 1280)),
            speech.AsSpan(0, Math.Min(speech.Length, 16000 * 2)));
        var level = Signals.Db(Signals.Rms(played.AsSpan(start, Math.Min(speech.Length, played.Length - start))) / Signals.Rms(speech));
        output.WriteLine(
            $"uplink packets {server.Uplink.Count}, echoed {server.EchoedPackets}, voice stops {server.ReceivedOf<Jarvis.Protocol.Link.Messages.VoiceActivityMessage>().Count(v => v.State == Jarvis.Protocol.Link.Messages.VoiceActivityState.Stop)}, played {played.Length / 16000.0:0.0} s; " +
            $"speech found at {start / 16000.0:0.00} s: envelope correlation {envelopeCorrelation:0.00}, waveform {waveform:0.00}, level {level:0.0} dB");

        Assert.True(server.Uplink.Count >= speech.Length / 320, "the whole sentence (and pre-roll) was streamed");
        Assert.True(envelopeCorrelation > 0.8, $"envelope correlation {envelopeCorrelation:0.00}");
        Assert.True(waveform > 0.5, $"waveform correlation {waveform:0.00}");
        Assert.InRange(level, -10, 6);
    }
}
