using System.Net.Http.Json;
using System.Text.Json;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Enrolment;

/// <summary>
/// The real <c>jarvis-satellite</c> program, never enrolled, with no server URL and no token: it generates its token,
/// finds the server by mDNS (<c>_jarvis._tcp</c>), waits as pending, is approved through the HTTP API and streams — all
/// against one running server, without a restart.
/// </summary>
public sealed class EnrolmentEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_unenrolled_satellite_program_finds_the_server_waits_is_approved_and_streams()
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-enrol-e2e-").FullName;
        var alsa = Path.Combine(directory, "asoundrc");
        await File.WriteAllTextAsync(alsa, $$"""
            pcm.jarvis_out_file { type file slave.pcm "null" file "{{directory}}/playback.wav" format "wav" }
            pcm.jarvis_out { type plug slave { pcm "jarvis_out_file" format S16_LE rate 16000 channels 1 } }
            pcm.jarvis_in_file { type file slave.pcm "null" file "/dev/null" infile "/dev/zero" format "raw" }
            pcm.jarvis_in { type plug slave { pcm "jarvis_in_file" format S16_LE rate 16000 channels 1 } }
            """);
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>(TestState.PatientHello())
        {
            ["Discovery:Enabled"] = "true",
            ["Discovery:InstanceName"] = $"jarvis-test-{Guid.NewGuid():N}",
            ["Logging:LogLevel:Jarvis.Server.Discovery"] = "Information",
        });
        var satellite = SatelliteProgram.Start($"/usr/share/alsa/alsa.conf:{alsa}",
        [
            "--config", Path.Combine(directory, "none.json"), $"--Satellite:StateDirectory={directory}",
            "--Satellite:Link:SatelliteId=garage-pi", "--Satellite:Link:Room=garage",
            "--Satellite:Audio:InputDevice=jarvis_in", "--Satellite:Audio:OutputDevice=jarvis_out", "--Satellite:Audio:Pace=true",
        ]);
        await using (satellite)
        {
            try
            {
                using var http = server.ApiClient();
                JsonElement pending = default;
                await Eventually.TrueAsync(async () =>
                {
                    using var list = JsonDocument.Parse(await http.GetStringAsync("/api/satellites"));
                    var found = list.RootElement.GetProperty("pending").EnumerateArray().Where(p => p.GetProperty("waiting").GetBoolean()).ToArray();
                    pending = found.Length == 1 ? found[0].Clone() : default;
                    return found.Length == 1 || satellite.HasExited;
                }, "the satellite finds the server by mDNS and waits for approval", Deadline);
                Assert.False(satellite.HasExited, "the satellite program exited");
                Assert.Equal(("garage-pi", "garage"), (pending.GetProperty("id").GetString(), pending.GetProperty("room").GetString()));
                var code = pending.GetProperty("pairingCode").GetString()!;
                Assert.Contains(satellite.Lines, l => l.Contains($"pairing code {code}", StringComparison.Ordinal));
                Assert.Contains(satellite.Lines, l => l.Contains("Found the Jarvis server at ws://127.0.0.1:", StringComparison.Ordinal));
                Assert.Null(server.Get<SatelliteRegistry>().ByRoom("garage"));

                (await http.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { pairingCode = code })).EnsureSuccessStatusCode();

                await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("garage") is not null, "the approved satellite is in at once", Deadline);
                var token = (await File.ReadAllTextAsync(Path.Combine(directory, "link-token"))).Trim();
                Assert.DoesNotContain(token, await File.ReadAllTextAsync(Path.Combine(TestStateDirectory(server), "satellites.json")), StringComparison.Ordinal);
                server.Get<ConversationCoordinator>().Wake("garage", 1.0, WakeSource.LongPress);
                await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("garage") is { PacketsIn: > 25 }, "the satellite streams its microphone", Deadline);
                Assert.Equal(0, await satellite.StopAsync(TimeSpan.FromSeconds(15)));
            }
            finally
            {
                output.WriteLine(string.Join('\n', satellite.Lines.Where(l => !l.StartsWith("ALSA lib", StringComparison.Ordinal) && !l.Contains("jack", StringComparison.OrdinalIgnoreCase))));
            }
        }

        Directory.Delete(directory, recursive: true);
    }

    private static string TestStateDirectory(HubTestServer server) => server.Get<Jarvis.Server.State.StateDirectory>().Path;
}
