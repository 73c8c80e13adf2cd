using Jarvis.Server.Routing;
using Jarvis.Server.Tests.Emulators;

namespace Jarvis.Server.Tests.Routing;

public sealed class ComplexityRouterTests
{
    private static ComplexityRouter Router(double threshold = 0.7) =>
        new(new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions { ComplexityThreshold = threshold }));

    [Theory]
    [InlineData("Turn on the lights", QueryRoute.Fast)]
    [InlineData("What's the weather?", QueryRoute.Fast)]
    [InlineData("Explain quantum physics", QueryRoute.Deep)]
    [InlineData("Write a Python function", QueryRoute.Deep)]
    [InlineData("Yeah, that sounds good", QueryRoute.Fast)]
    public void Plan_examples_route_as_the_plan_says(string query, QueryRoute expected)
    {
        Assert.Equal(expected, Router().Decide(query).Route);
    }

    [Fact]
    public void Turn_on_the_lights_is_a_home_command()
    {
        var decision = Router().Decide("Turn on the lights");

        Assert.True(decision.IsHomeCommand);
        Assert.Contains(decision.Features, f => f.Name == "home-command");
    }

    [Theory]
    [InlineData("lock all the doors")]
    [InlineData("set the thermostat in the living room to seventy two degrees and turn on the fan")]
    [InlineData("is the garage door still open")]
    public void Home_commands_stay_fast_even_when_long(string query)
    {
        var decision = Router(threshold: 0.01).Decide(query);

        Assert.True(decision.IsHomeCommand);
        Assert.Equal(QueryRoute.Fast, decision.Route);
    }

    [Theory]
    [InlineData("write a cover letter")]
    [InlineData("compare tcp and udp")]
    [InlineData("derive the quadratic formula")]
    [InlineData("what would happen if the moon disappeared")]
    public void Short_complex_requests_go_deep(string query)
    {
        Assert.Equal(QueryRoute.Deep, Router().Decide(query).Route);
    }

    [Theory]
    [InlineData("could you please set an alarm for seven thirty tomorrow morning so that i don't miss my flight")]
    [InlineData("remind me to pick up the kids from school at three and also to buy milk on the way home")]
    [InlineData("thank you so much that was really helpful and exactly what i needed to know today")]
    public void Long_simple_requests_stay_fast(string query)
    {
        Assert.Equal(QueryRoute.Fast, Router().Decide(query).Route);
    }

    [Fact]
    public void Case_and_punctuation_do_not_change_the_score()
    {
        var a = Router().Decide("EXPLAIN, in detail: how does TCP's congestion control work?!");
        var b = Router().Decide("explain in detail how does tcp's congestion control work");

        Assert.Equal(a.Score, b.Score);
        Assert.Equal(a.NormalizedQuery, b.NormalizedQuery);
    }

    [Fact]
    public void The_explanation_lists_the_features_that_fired()
    {
        var decision = Router().Decide("Write a Python function");

        Assert.Contains(decision.Features, f => f.Name == "task-verb" && f.Weight > 0);
        Assert.Contains(decision.Features, f => f.Name == "code");
        Assert.StartsWith("deep score=", decision.Explain());
    }

    [Fact]
    public void Score_is_in_range_and_the_threshold_comes_from_options()
    {
        var decision = Router().Decide("what is the weather like");

        Assert.InRange(decision.Score, 0.0, 1.0);
        Assert.Equal(QueryRoute.Deep, Router(threshold: 0.0).Decide("what is the weather like").Route);
        Assert.Equal(QueryRoute.Fast, Router(threshold: 1.0).Decide("explain quantum physics in detail").Route);
    }

    [Fact]
    public void Empty_input_routes_fast()
    {
        Assert.Equal(QueryRoute.Fast, Router().Decide("  ?! ").Route);
    }

    [Fact]
    public void Dev_corpus_accuracy_is_at_least_92_percent()
    {
        var corpus = RouteEvaluation.ReadCorpus(SharedCorpus.Path("corpora", "routing", "dev.jsonl")).ToList();

        var evaluation = RouteEvaluation.Run(Router(), corpus);

        Assert.Equal(300, evaluation.Total);
        Assert.True(evaluation.Accuracy >= 0.92, $"accuracy {evaluation.Accuracy:0.000}");
    }
}
