using System.Globalization;
using System.Net;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Rig.Faults;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Jarvis.Server.Tests.Mqtt;

namespace Jarvis.Server.Tests.Soak;

/// <summary>
/// The soak's backends: the PersonaPlex and Home Assistant emulators (stopped and started again on their port, as a killed
/// and restarted process), Ollama and the Wyoming ASR/TTS/wake emulators behind a <see cref="FaultProxy"/> each (killed:
/// every connection reset and new ones refused), and a real mosquitto as the external broker (killed and started again).
/// </summary>
internal sealed class SoakBackends : IAsyncDisposable
{
    private readonly List<FaultProxy> _proxies = [];

    private SoakBackends(PersonaPlexEmulator personaPlex, HomeAssistantEmulator homeAssistant, OllamaEmulator ollama,
        WyomingAsrEmulator asr, WyomingTtsEmulator tts, WyomingWakeEmulator wake, MosquittoBroker broker)
    {
        PersonaPlex = personaPlex;
        HomeAssistant = homeAssistant;
        Ollama = ollama;
        Asr = asr;
        Tts = tts;
        Wake = wake;
        Broker = broker;
    }

    public PersonaPlexEmulator PersonaPlex { get; }

    public HomeAssistantEmulator HomeAssistant { get; }

    public OllamaEmulator Ollama { get; }

    public WyomingAsrEmulator Asr { get; }

    public WyomingTtsEmulator Tts { get; }

    public WyomingWakeEmulator Wake { get; }

    public MosquittoBroker Broker { get; }

    public FaultProxy OllamaProxy => _proxies[0];

    /// <summary>ASR, TTS and wake (the one Wyoming fault kills all three, as one Wyoming host going down).</summary>
    public IReadOnlyList<FaultProxy> WyomingProxies => _proxies[1..];

    public static async Task<SoakBackends> StartAsync()
    {
        var personaPlex = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5, RecordPackets = false });
        await personaPlex.StartAsync();
        var plan = Path.Combine(AppContext.BaseDirectory, "Answering", "Fixtures", "plan-home.json");
        var homeAssistant = await HomeAssistantEmulator.StartAsync(EmulatedHome.FromFixtures(plan));
        var ollama = await new OllamaEmulator { TokenDelay = TimeSpan.FromMilliseconds(30) }.StartAsync();
        ollama.Answer = _ => "Here is a long answer. It has several sentences. Each one takes a moment to say. This is the last one.";
        var asr = new WyomingAsrEmulator();
        asr.Start();
        var tts = new WyomingTtsEmulator { SupportsStreaming = true };
        tts.Start();
        var wake = new WyomingWakeEmulator();
        wake.Start();
        var broker = new MosquittoBroker();
        await broker.StartAsync();
        var backends = new SoakBackends(personaPlex, homeAssistant, ollama, asr, tts, wake, broker);
        foreach (var target in new[] { ollama.Url, asr.Uri, tts.Uri, wake.Uri })
        {
            backends._proxies.Add(new FaultProxy(new IPEndPoint(IPAddress.Loopback, target.Port), seed: target.Port).Start());
        }

        return backends;
    }

    /// <summary>The server's configuration keys for these backends (through the proxies where there are some).</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["PersonaPlex:Url"] = PersonaPlex.ChatUrl.ToString(),
        ["HomeAssistant:Url"] = HomeAssistant.Url,
        ["HomeAssistant:Token"] = HomeAssistant.Token,
        ["Ollama:Url"] = $"http://127.0.0.1:{OllamaProxy.Port}/",
        ["Speech:Asr:Uri"] = $"tcp://127.0.0.1:{WyomingProxies[0].Port}",
        ["Speech:Tts:Uri"] = $"tcp://127.0.0.1:{WyomingProxies[1].Port}",
        ["Speech:Wake:Uri"] = $"tcp://127.0.0.1:{WyomingProxies[2].Port}",
        ["Mqtt:Mode"] = "External",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Port"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }

        await PersonaPlex.DisposeAsync();
        await HomeAssistant.DisposeAsync();
        await Ollama.DisposeAsync();
        await Asr.DisposeAsync();
        await Tts.DisposeAsync();
        await Wake.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
