using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.Hosting;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Jarvis.Server.Tests.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TestPackets = Jarvis.Server.Tests.PersonaPlex.Support.TestPackets;

namespace Jarvis.Server.Tests.Conversation;

/// <summary>
/// The real server on 127.0.0.1:0 wired to the PersonaPlex, Wyoming ASR/TTS, Ollama and Home Assistant emulators (the plan's
/// home, <c>Answering/Fixtures/plan-home.json</c>: the kitchen satellite is in HA's Kitchen area), with simulated satellites
/// over the real link endpoint. Fails on logged server errors.
/// </summary>
internal sealed class ConversationFixture : IAsyncDisposable
{
    private readonly List<SimulatedSatellite> _satellites = [];
    private readonly ErrorLogCollector _errors = new();
    private readonly string _ratings = Path.Combine(Path.GetTempPath(), $"ratings-{Guid.NewGuid():N}.jsonl");
    private WebApplication? _app;

    public PersonaPlexEmulator PersonaPlex { get; } = new(new EmulatorOptions { PromptSteps = 5 });

    public WyomingAsrEmulator Asr { get; } = new();

    public WyomingTtsEmulator Tts { get; } = new() { SupportsStreaming = true };

    public OllamaEmulator Ollama { get; } = new();

    /// <summary>The emulated Home Assistant: its recorded service calls are what the home engine did.</summary>
    public HomeAssistantEmulator HomeAssistant { get; private set; } = null!;

    public EmulatedHome Home => HomeAssistant.Home;

    public static string PlanHome => Path.Combine(AppContext.BaseDirectory, "Answering", "Fixtures", "plan-home.json");

    public Uri LinkUri { get; private set; } = new("ws://127.0.0.1:1/link/v1");

    public T Get<T>()
        where T : notnull => _app!.Services.GetRequiredService<T>();

    public IReadOnlyList<TurnRecord> Turns => Get<TurnLog>().Recent();

    public static async Task<ConversationFixture> StartAsync(string mode = "Duplex", IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var fixture = new ConversationFixture();
        fixture.HomeAssistant = await HomeAssistantEmulator.StartAsync(EmulatedHome.FromFixtures(PlanHome));
        await fixture.PersonaPlex.StartAsync();
        fixture.Asr.Start();
        fixture.Tts.Start();
        await fixture.Ollama.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Discovery:Enabled"] = "false",
            ["Mqtt:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:ServerId"] = "test-server",
            ["Satellites:Devices:kitchen-pi:Room"] = "kitchen",
            ["Satellites:Devices:kitchen-pi:Token"] = HubTestServer.TokenOf("kitchen"),
            ["Rooms:WakeMode"] = "Button",
            ["PersonaPlex:Url"] = fixture.PersonaPlex.ChatUrl.ToString(),
            ["PersonaPlex:ReconnectBackoffInitial"] = "00:00:00.200",
            ["PersonaPlex:ReconnectBackoffMax"] = "00:00:00.500",
            ["Speech:Asr:Uri"] = fixture.Asr.Uri.ToString(),
            ["Speech:Tts:Uri"] = fixture.Tts.Uri.ToString(),
            ["Ollama:Url"] = fixture.Ollama.Url.ToString(),
            ["Routing:RatingsPath"] = fixture._ratings,
            ["Conversation:Mode"] = mode,
            ["Conversation:EndOfTurnTimeout"] = "00:00:02",
            ["HomeAssistant:Url"] = fixture.HomeAssistant.Url,
            ["HomeAssistant:Token"] = fixture.HomeAssistant.Token,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        TestState.Apply(settings, TestState.NewDirectory());
        fixture._app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(),
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(fixture._errors));
        await fixture._app.StartAsync();
        var client = fixture.Get<HomeAssistantClient>();
        await Eventually.TrueAsync(() => client.Status.State == HomeAssistantConnectionState.Connected && client.Model.IsLoaded, "the server has loaded the home from Home Assistant");
        var address = fixture._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fixture.LinkUri = new Uri($"ws://{new Uri(address).Authority}/link/v1");
        return fixture;
    }

    public async Task<SimulatedSatellite> KitchenAsync()
    {
        var satellite = await SimulatedSatellite.ConnectAsync(LinkUri, "kitchen");
        _satellites.Add(satellite);
        await satellite.WaitWelcomedAsync();
        return satellite;
    }

    /// <summary>Long press, then waits until the kitchen's conversation is active.</summary>
    public static async Task ConverseAsync(SimulatedSatellite satellite)
    {
        var started = satellite.Messages.OfType<ConversationMessage>().Count(m => m.Active);
        await satellite.LongPressAsync();
        await Eventually.TrueAsync(() => satellite.Messages.OfType<ConversationMessage>().Count(m => m.Active) > started, "the conversation starts");
    }

    /// <summary>The user says <paramref name="transcript"/>: voice start, 300 ms of audio, voice stop; the ASR emulator hears it.</summary>
    public async Task SayAsync(SimulatedSatellite satellite, string transcript)
    {
        Asr.Transcript = transcript;
        await satellite.VoiceAsync(true, 0.9);
        foreach (var packet in TestPackets.Tone(15))
        {
            await satellite.SendAudioAsync(packet);
        }

        await satellite.VoiceAsync(false, 0);
    }

    /// <summary>
    /// PersonaPlex says <paramref name="sentence"/> (its text pieces, one per model step) in the conversation; returns once the
    /// last piece is out and the room has heard audio after it.
    /// </summary>
    public async Task ModelSaysAsync(SimulatedSatellite satellite, string sentence)
    {
        PersonaPlex.Say(sentence);
        await Eventually.TrueAsync(() => PersonaPlex.Options.Script.IsEmpty, "PersonaPlex has said its sentence");
        var heard = satellite.AudioReceived;
        await Eventually.TrueAsync(() => satellite.AudioReceived >= heard + 2, "the room hears PersonaPlex after its sentence");
    }

    /// <summary>Says <paramref name="transcript"/> and waits for its turn to be recorded.</summary>
    public async Task<TurnRecord> TalkAsync(SimulatedSatellite satellite, string transcript)
    {
        var nth = Turns.Count(t => t.Transcript == transcript) + 1;
        await SayAsync(satellite, transcript);
        return await TurnAsync(transcript, nth);
    }

    public Task<TurnRecord> TurnAsync(string transcript) => TurnAsync(transcript, 1);

    /// <summary>Waits for the <paramref name="nth"/> recorded turn of <paramref name="transcript"/>.</summary>
    public async Task<TurnRecord> TurnAsync(string transcript, int nth)
    {
        await Eventually.TrueAsync(() => Turns.Count(t => t.Transcript == transcript) >= nth, $"the turn '{transcript}' #{nth} is recorded", TimeSpan.FromSeconds(20));
        return Turns.Where(t => t.Transcript == transcript).ElementAt(nth - 1);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var satellite in _satellites)
        {
            await satellite.DisposeAsync();
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        await PersonaPlex.DisposeAsync();
        await Asr.DisposeAsync();
        await Tts.DisposeAsync();
        await Ollama.DisposeAsync();
        await HomeAssistant.DisposeAsync();
        File.Delete(_ratings);
        Assert.True(_errors.Errors.IsEmpty, $"The server logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, _errors.Errors)}");
    }
}
