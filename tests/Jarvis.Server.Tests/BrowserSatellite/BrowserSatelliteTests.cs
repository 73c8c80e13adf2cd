using System.Diagnostics;
using System.Net.Http.Json;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Opus;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.Status;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.BrowserSatellite;

/// <summary>
/// The browser satellite (<c>/satellite</c>) end to end in Debian's headless Chromium with a fake microphone that plays a
/// spoken phrase (espeak-ng) over and over: enrolment, the talk button, the speech at PersonaPlex (emulated, echo mode), the
/// reply played by the page, mute, flush and a server restart. Screenshots go to <c>docs/browser-satellite/</c> with <c>JARVIS_UPDATE_SCREENSHOTS=1</c>.
/// </summary>
public sealed class BrowserSatelliteTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const int WavRate = 16000;
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_browser_joins_a_room_talks_to_PersonaPlex_hears_the_reply_mutes_and_survives_a_server_restart()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: apt-get install chromium (.ci/run installs it)");
        var (wav, speech) = SpeechWav();
        await using var emulator = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5 });
        await emulator.StartAsync();
        var settings = new Dictionary<string, string?>(TestState.PatientHello())
        {
            ["PersonaPlex:Url"] = emulator.ChatUrl.ToString(),
            ["PersonaPlex:ReconnectBackoffInitial"] = "00:00:00.200",
            ["PersonaPlex:ReconnectBackoffMax"] = "00:00:00.500",
            ["Rooms:QuietPeriod"] = "00:10:00",
            // The fake microphone loops the phrase from the start: with the test server's Vad mode, speech alone could wake
            // the room before the page is seen idle (it did once under CI load); here only the talk button starts a conversation.
            ["Rooms:WakeMode"] = "Button",
        };
        var server = await HubTestServer.StartAsync(settings);
        var profile = Directory.CreateTempSubdirectory("jarvis-chromium-").FullName;
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                    $"--use-file-for-fake-audio-capture={wav}", "--autoplay-policy=no-user-gesture-required"],
            });
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 700 },
                DeviceScaleFactor = 2,
                IsMobile = true,
                HasTouch = true,
            });
            var page = await context.NewPageAsync();
            page.Console += (_, message) => output.WriteLine($"page: {message.Text}");
            await page.GotoAsync(new Uri(server.BaseUri, "/satellite?record").ToString());

            // Enrolment: a token made by the page, a pending request with its pairing code, approval by the owner.
            await Screenshot(page, "join.png");
            await page.FillAsync("#room", "living-room");
            await page.FillAsync("#device", "sofa-phone");
            await page.ClickAsync("#join");
            await Assertions.Expect(page.Locator("#pairing-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Fa-f]{6}$"), new() { Timeout = 30_000 });
            await Screenshot(page, "waiting.png");
            var code = await page.Locator("#pairing-code").TextContentAsync();
            using (var api = server.ApiClient())
            {
                var approved = await api.PostAsJsonAsync("/api/satellites/sofa-phone/approve", new { pairingCode = code });
                Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
            }

            await WaitForAsync(page, "jarvisSatellite.state === 'connected' && jarvisSatellite.led === 'idle'", "the page is welcomed and idle");
            await Screenshot(page, "ready.png");

            // Talk: a conversation in the room; the speech reaches PersonaPlex and its reply is played.
            // The server feeds its warm session with silence until a room talks: only what came after the talk button counts.
            var (silentIn, silentOut) = (PacketCount(emulator, s => s.DecodedPackets), PacketCount(emulator, s => s.SentPackets));
            await page.ClickAsync("#talk");
            var talkTime = await page.EvaluateAsync<double>("jarvisSatellite.stats().audio_time");
            await WaitForAsync(page, "jarvisSatellite.conversation", "the talk button starts a conversation");
            await Eventually.TrueAsync(() => PacketCount(emulator, s => s.DecodedPackets) - silentIn > 3 * speech.Length / 320,
                "three loops of the phrase reach PersonaPlex", Patient);
            await Screenshot(page, "talking.png");
            output.WriteLine(await page.EvaluateAsync<string>("JSON.stringify(jarvisSatellite.stats())"));
            var heard = Envelope.Of(Decoded(emulator, s => s.DecodedPackets, silentIn), 24000);
            var uplink = Envelope.BestMatch(Envelope.Of(speech, WavRate), heard);
            var captured = Envelope.Of((await RecordingAsync(page, "capture")).Samples, WavRate);
            output.WriteLine($"speech at PersonaPlex vs the WAV: envelope correlation {uplink.Correlation:F3} (loudest 10 ms: captured {captured.Max():F1} dBFS, at PersonaPlex {heard.Max():F1} dBFS)");
            Assert.True(uplink.Correlation >= 0.8, $"PersonaPlex did not hear the phrase (envelope correlation {uplink.Correlation:F3})");

            var sent = Envelope.Of(Decoded(emulator, s => s.SentPackets, silentOut), 24000);
            var played = await RecordingAsync(page, "played");
            var playedEnvelope = Envelope.Of(played.Samples, played.Rate);
            var phrase = sent.AsSpan(sent.Length - 400, 300).ToArray(); // 3 s of the reply, well before the end of the recording
            var downlink = Envelope.BestMatch(phrase, playedEnvelope);
            output.WriteLine($"played vs what PersonaPlex sent: envelope correlation {downlink.Correlation:F3}");
            Assert.True(downlink.Correlation >= 0.8, $"the page did not play PersonaPlex's reply (envelope correlation {downlink.Correlation:F3})");
            ReportMouthToEar(await RecordingAsync(page, "capture"), played, talkTime, await page.EvaluateAsync<double>("jarvisSatellite.stats().output_latency"));

            // Mute: the server ends the conversation and flushes; nothing more leaves the page.
            await page.ClickAsync("#mute");
            await WaitForAsync(page, "jarvisSatellite.flushes().length > 0", "the muted room's conversation is flushed");
            Assert.Equal("end_of_conversation", await page.EvaluateAsync<string>("jarvisSatellite.flushes()[0].reason"));
            await WaitForAsync(page, "jarvisSatellite.stats().flushedSamples > 0 && jarvisSatellite.stats().depthMs === 0", "the flush emptied the playback buffer");
            await Screenshot(page, "muted.png");
            var framesAtMute = await page.EvaluateAsync<long>("jarvisSatellite.stats().uplink_frames_sent");
            var packetsAtMute = PacketCount(emulator, s => s.DecodedPackets);
            await page.EvaluateAsync("new Promise(resolve => setTimeout(resolve, 1500))"); // a window in which nothing may be sent
            Assert.Equal(framesAtMute, await page.EvaluateAsync<long>("jarvisSatellite.stats().uplink_frames_sent"));
            Assert.Equal("button", await page.EvaluateAsync<string>("jarvisSatellite.mute.source"));
            using (var api = server.ApiClient())
            {
                // The page reported a button mute: a privacy mute, which the owner's API cannot lift either.
                var unmute = await api.PostAsJsonAsync("/api/satellites/sofa-phone/mute", new { muted = false });
                Assert.Equal(System.Net.HttpStatusCode.Conflict, unmute.StatusCode);
            }

            // The server goes on feeding PersonaPlex with silence; none of the phrase may be in it (200 ms were in flight).
            var afterMute = Envelope.Of(Decoded(emulator, s => s.DecodedPackets, packetsAtMute + 10), 24000);
            Assert.True(afterMute.Length > 100, "PersonaPlex is still fed after the mute");
            Assert.True(afterMute.Max() < -60, $"speech reached PersonaPlex after the mute ({afterMute.Max():F1} dBFS)");

            // A server restart: the page shows it is disconnected, comes back without a new approval, and talks again.
            await server.StopAsync();
            await WaitForAsync(page, "jarvisSatellite.state === 'disconnected'", "the page sees the server go");
            await Screenshot(page, "disconnected.png");
            server = await server.StartAgainAsync(settings);
            await WaitForAsync(page, "jarvisSatellite.state === 'connected'", "the page is back after the restart");
            await page.ClickAsync("#talk");
            await WaitForAsync(page, "jarvisSatellite.conversation && !jarvisSatellite.mute.muted", "talk unmutes and starts a conversation on the new server");
            var before = emulator.Sessions.Sum(s => s.DecodedPackets.Count);
            await Eventually.TrueAsync(() => emulator.Sessions.Sum(s => s.DecodedPackets.Count) > before + 50, "speech reaches PersonaPlex after the restart", Patient);
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(profile, recursive: true);
            File.Delete(wav);
        }
    }

    /// <summary>Mouth-to-ear as on the rig: the page's microphone reads a phrase's onset → the echo's onset is played.</summary>
    private void ReportMouthToEar((short[] Samples, int Rate, double Start) capture, (short[] Samples, int Rate, double Start) played, double since, double outputLatency)
    {
        var mouths = Envelope.Onsets(Envelope.Of(capture.Samples, capture.Rate), -40, 50).Select(w => capture.Start + w * Envelope.WindowSeconds).Where(t => t > since).ToList();
        var playedEnvelope = Envelope.Of(played.Samples, played.Rate);
        var latencies = new List<double>();
        foreach (var mouth in mouths)
        {
            var from = (int)Math.Ceiling((mouth - played.Start) / Envelope.WindowSeconds);
            if (from < 0 || from >= playedEnvelope.Length)
            {
                // A phrase said before playback was recorded, or after its recording ends (the capture was read later).
                continue;
            }

            var ear = Array.FindIndex(playedEnvelope, from, e => e > -45);
            if (ear >= 0 && ear < from + 220)
            {
                latencies.Add((ear - from) * Envelope.WindowSeconds * 1000 + outputLatency * 1000);
            }
        }

        latencies.Sort();
        output.WriteLine($"mouth-to-ear through the browser satellite ({latencies.Count} of {mouths.Count} phrases, incl. output latency {outputLatency * 1000:F0} ms): " +
            string.Join(", ", latencies.Select(l => l.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))) + " ms");
        Assert.NotEmpty(latencies);
    }

    private static async Task<(short[] Samples, int Rate, double Start)> RecordingAsync(IPage page, string kind)
    {
        var recording = await page.EvaluateAsync<PageRecording>($"jarvisSatellite.recording('{kind}')");
        var bytes = Convert.FromBase64String(recording.Pcm);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return (samples, recording.Rate, recording.Start);
    }

    private static int PacketCount(PersonaPlexEmulator emulator, Func<SessionRecord, IReadOnlyCollection<byte[]>> packets) =>
        emulator.Sessions.Sum(s => packets(s).Count);

    /// <summary>The packets of every session after the first <paramref name="skip"/>, decoded at 24 kHz.</summary>
    private static short[] Decoded(PersonaPlexEmulator emulator, Func<SessionRecord, IEnumerable<byte[]>> packets, int skip)
    {
        using var decoder = OpusFrameDecoder.Create(24000);
        var pcm = new List<short>();
        var buffer = new short[OpusFrameDecoder.MaxSamplesPerPacket(24000)];
        foreach (var packet in emulator.Sessions.SelectMany(packets))
        {
            var samples = decoder.Decode(packet, buffer);
            if (skip-- <= 0)
            {
                pcm.AddRange(buffer.AsSpan(0, samples));
            }
        }

        return [.. pcm];
    }

    // Polled from here rather than with WaitForFunctionAsync, which needs eval and the page's CSP forbids it (rightly).
    private static async Task WaitForAsync(IPage page, string condition, string because)
    {
        var deadline = Stopwatch.StartNew();
        while (!await page.EvaluateAsync<bool>($"!!({condition})"))
        {
            if (deadline.Elapsed > Patient)
            {
                var state = await page.EvaluateAsync<string>("JSON.stringify({state: jarvisSatellite.state, led: jarvisSatellite.led, stats: jarvisSatellite.stats(), error: document.getElementById('error').textContent})");
                Assert.Fail($"Timed out waiting until {because}: {state}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A spoken phrase then 2 s of silence (the fake microphone loops the file), 16 kHz mono 16-bit.</summary>
    private static (string Path, short[] Samples) SpeechWav()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jarvis-browser-speech-{Guid.NewGuid():N}.wav");
        using var process = Process.Start(new ProcessStartInfo("bash",
            ["-c", $"espeak-ng --stdout 'Jarvis, what is the weather like in the garden today?' | sox -t wav - -r {WavRate} -b 16 -c 1 -e signed-integer {path} pad 0.3 2"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("bash did not start");
        Assert.True(process.WaitForExit(30_000) && process.ExitCode == 0, "espeak-ng and sox make the speech file: " + process.StandardError.ReadToEnd());
        var bytes = File.ReadAllBytes(path)[44..];
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return (path, samples);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var directory = Screenshots.Directory("browser-satellite");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private sealed class PageRecording
    {
        public int Rate { get; set; }

        public double Start { get; set; }

        public string Pcm { get; set; } = "";
    }
}
