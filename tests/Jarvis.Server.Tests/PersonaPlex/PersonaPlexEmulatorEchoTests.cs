using System.Diagnostics;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.Tests.PersonaPlex.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Server.Tests.PersonaPlex;

/// <summary>The emulator's echo mode (the rig's mouth-to-ear reference) and its record of when input arrived.</summary>
public sealed class PersonaPlexEmulatorEchoTests
{
    private static readonly PersonaPlexPersona Jarvis = new(PersonaPlexOptions.JarvisPersona, "NATF2.pt");

    [Fact]
    public async Task In_echo_mode_each_page_is_the_input_of_the_step_before()
    {
        var pages = await ExchangeAsync(new EmulatorOptions { PromptSteps = 2 }, steps: 6);

        Assert.True(Rms(pages[0]) < 50, $"the first page echoes the step before the conversation (silence), RMS {Rms(pages[0]):0}");
        Assert.All(pages.Skip(1), page => Assert.True(Rms(page) > 300, $"later pages echo the tone, RMS {Rms(page):0}"));
    }

    [Fact]
    public async Task Without_echo_the_model_answers_with_silence()
    {
        var pages = await ExchangeAsync(new EmulatorOptions { PromptSteps = 2, Echo = false }, steps: 6);

        Assert.All(pages, page => Assert.True(Rms(page) < 50, $"silence, RMS {Rms(page):0}"));
    }

    [Fact]
    public async Task The_record_shows_input_sent_in_one_burst_as_a_burst_ahead_of_the_wall_clock()
    {
        await using var emulator = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 2 });
        await emulator.StartAsync();
        await using var client = new PersonaPlexClient(emulator.ChatUrl, Jarvis, TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance);
        await client.ConnectAsync(CancellationToken.None);

        foreach (var packet in TestPackets.Tone(50))
        {
            await client.SendAudioAsync(packet, CancellationToken.None); // one second of audio at once
        }

        var session = emulator.Sessions[0];
        await Eventually.TrueAsync(() => session.InputArrivals.Count == 50, "every packet decoded");
        Assert.InRange(session.MaxInputBurst(), TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(1.001));
        Assert.True(session.MaxInputAhead() > session.MaxInputBurst() - Stopwatch.GetElapsedTime(session.HandshakeSent, session.InputArrivals.First().Timestamp) - TimeSpan.FromMilliseconds(1));
    }

    private static async Task<short[][]> ExchangeAsync(EmulatorOptions options, int steps)
    {
        await using var emulator = new PersonaPlexEmulator(options);
        await emulator.StartAsync();
        await using var client = new PersonaPlexClient(emulator.ChatUrl, Jarvis, TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance);
        await client.ConnectAsync(CancellationToken.None);
        foreach (var packet in TestPackets.Tone(steps * 4, sampleRate: 24000))
        {
            await client.SendAudioAsync(packet, CancellationToken.None);
        }

        using var decoder = OpusFrameDecoder.Create(24000);
        var pages = new short[steps][];
        for (var i = 0; i < steps; i++)
        {
            using var packet = await client.Audio.ReadAsync().AsTask().WaitAsync(Eventually.Deadline);
            var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(24000)];
            var samples = decoder.Decode(packet.Span, pcm);
            Assert.Equal(1920, samples);
            pages[i] = pcm[..samples];
        }

        return pages;
    }

    private static double Rms(short[] pcm) => Math.Sqrt(pcm.Average(s => (double)s * s));
}
