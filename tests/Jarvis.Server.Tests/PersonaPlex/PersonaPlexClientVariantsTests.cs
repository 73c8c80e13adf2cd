using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.Tests.PersonaPlex.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Server.Tests.PersonaPlex;

/// <summary>Server variants the client must cope with: TLS from <c>--ssl</c>, and sphn 0.2's header framing.</summary>
public sealed class PersonaPlexClientVariantsTests
{
    private static readonly PersonaPlexPersona Jarvis = new(PersonaPlexOptions.JarvisPersona, "NATF2.pt");

    [Fact]
    public async Task Header_pages_that_arrive_with_the_first_audio_page_are_read_too()
    {
        await using var emulator = new PersonaPlexEmulator(new EmulatorOptions { HeadersWithFirstAudioPage = true });
        await emulator.StartAsync();
        await using var client = NewClient(emulator.ChatUrl);
        await client.ConnectAsync(CancellationToken.None);

        foreach (var packet in TestPackets.Tone(8))
        {
            await client.SendAudioAsync(packet, CancellationToken.None);
        }

        using var first = await client.Audio.ReadAsync().AsTask().WaitAsync(Eventually.Deadline);
        using var second = await client.Audio.ReadAsync().AsTask().WaitAsync(Eventually.Deadline);
        Assert.Equal(1920, first.Granule);
        Assert.Equal(3840, second.Granule);
    }

    [Fact]
    public async Task Wss_with_a_self_signed_certificate_works_once_accepted_and_fails_clearly_otherwise()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var emulator = new PersonaPlexEmulator(new EmulatorOptions { Certificate = certificate });
        await emulator.StartAsync();
        Assert.Equal("wss", emulator.ChatUrl.Scheme);

        await using (var strict = NewClient(emulator.ChatUrl))
        {
            var error = await Assert.ThrowsAsync<PersonaPlexException>(() => strict.ConnectAsync(CancellationToken.None));
            Assert.Contains(emulator.ChatUrl.ToString(), error.Message);
            Assert.Contains("AcceptAnyServerCertificate", error.Message);
        }

        await using var trusting = NewClient(emulator.ChatUrl, acceptAnyCertificate: true);
        await trusting.ConnectAsync(CancellationToken.None);
        await trusting.SendAudioAsync(TestPackets.Tone(1)[0], CancellationToken.None);
        await Eventually.TrueAsync(() => emulator.Sessions[^1].DecodedPackets.Count == 1, "a packet over TLS");
    }

    private static PersonaPlexClient NewClient(Uri url, bool acceptAnyCertificate = false) =>
        new(url, Jarvis, TimeSpan.FromSeconds(10), TimeProvider.System, NullLogger.Instance, acceptAnyCertificate);
}
