using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Status;
using Jarvis.Server.Tests.Emulators;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jarvis.Server.Tests.Answering;

public sealed class TurnModeAndMetricsTests
{
    [Fact]
    public void Duplex_falls_back_to_the_pipeline_while_personaplex_is_down_and_returns()
    {
        var selector = new TurnModeSelector(new FixedOptionsMonitor<ConversationModeOptions>(new ConversationModeOptions()), NullLogger<TurnModeSelector>.Instance);

        Assert.Equal(TurnMode.Duplex, selector.Select(personaPlexAvailable: true));
        Assert.Equal(TurnMode.Pipeline, selector.Select(personaPlexAvailable: false));
        Assert.Equal(TurnMode.Duplex, selector.Select(personaPlexAvailable: true));
    }

    [Fact]
    public void Configured_pipeline_mode_stays_pipeline()
    {
        var selector = new TurnModeSelector(new FixedOptionsMonitor<ConversationModeOptions>(new ConversationModeOptions { Mode = TurnMode.Pipeline }), NullLogger<TurnModeSelector>.Instance);

        Assert.Equal(TurnMode.Pipeline, selector.Select(personaPlexAvailable: true));
    }

    [Fact]
    public void Turns_become_prometheus_histograms_and_counters()
    {
        var registry = new MetricsRegistry();
        new ConversationStageMetrics(registry).Record(new TurnRecord
        {
            Id = "a", Room = "kitchen", Mode = TurnMode.Pipeline, Transcript = "x", StartedAt = DateTimeOffset.UnixEpoch,
            Route = "deep", Handling = "llm", EndOfSpeechToFirstAudio = TimeSpan.FromMilliseconds(300),
        });

        var metrics = registry.WriteText();

        Assert.Contains("jarvis_conversation_stage_seconds_bucket{stage=\"first_audio\",mode=\"pipeline\",le=\"0.25\"} 0", metrics);
        Assert.Contains("jarvis_conversation_stage_seconds_bucket{stage=\"first_audio\",mode=\"pipeline\",le=\"0.5\"} 1", metrics);
        Assert.Contains("jarvis_conversation_stage_seconds_count{stage=\"first_audio\",mode=\"pipeline\"} 1", metrics);
        Assert.Contains("jarvis_conversation_turns_total{mode=\"pipeline\",route=\"deep\",handling=\"llm\",interrupted=\"false\"} 1", metrics);
        Assert.DoesNotContain("stage=\"transcript\"", metrics);
    }
}
