using BenchmarkDotNet.Attributes;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Bench.HomeAssistant;

/// <summary>Kernel: one sentence through the local intent engine (fixture home and a 2,000-entity home).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class IntentMatchingBenchmarks
{
    private HomeSnapshot _fixture = HomeSnapshot.Empty;
    private HomeSnapshot _large = HomeSnapshot.Empty;

    [Params("turn off all the lights on the first floor", "is the phone battery low?", "set the bedroom lamp brightness to 50%")]
    public string Sentence { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _fixture = FixtureHome.Load(CorpusPaths.Fixtures).Registries;
        _large = SyntheticHome.Create(2000).Registries;
        HomeVocabulary.For(_fixture);
        HomeVocabulary.For(_large);
    }

    [Benchmark(Baseline = true)]
    public IntentMatch? FixtureHome107() => IntentRecognizer.Recognize(Sentence, _fixture, "living_room_id");

    [Benchmark]
    public IntentMatch? SyntheticHome2000() => IntentRecognizer.Recognize(Sentence, _large, "a1");
}
