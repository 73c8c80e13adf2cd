using Jarvis.Server.Routing.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Routing;

/// <summary>
/// Complexity router: a logistic score over explainable features (cue phrases for deep work and for fast turns, request
/// shape), compared with <see cref="RoutingOptions.ComplexityThreshold"/>. Case and punctuation never matter (the text is
/// normalised first); home commands always route fast. Decisions are logged with the features that fired.
/// </summary>
public sealed class ComplexityRouter : IQueryRouter
{
    /// <summary>Logit of a request that matches no cue at all (leans fast).</summary>
    public const double Bias = -1.2;

    private static readonly CueLexicon Cues = new([.. DeepCues.All, .. FastCues.All]);

    private readonly IOptionsMonitor<RoutingOptions> _options;
    private readonly ILogger<ComplexityRouter> _logger;

    public ComplexityRouter(IOptionsMonitor<RoutingOptions> options, ILogger<ComplexityRouter>? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger<ComplexityRouter>.Instance;
    }

    public RouteDecision Decide(string utterance)
    {
        var normalized = QueryNormalizer.Normalize(utterance);
        var tokens = QueryNormalizer.Tokenize(normalized);
        var fired = new List<FiredFeature>(8);
        var logit = Bias + Cues.Score(tokens, RequestPrefixes.LeadIndex(tokens), fired) + StructureFeatures.Score(tokens, fired);
        var score = 1.0 / (1.0 + Math.Exp(-logit));
        var home = HomeCommandDetector.IsHomeCommand(tokens);
        if (home)
        {
            fired.Add(new FiredFeature("home-command", "device + control", 0));
        }

        var route = !home && score >= _options.CurrentValue.ComplexityThreshold ? QueryRoute.Deep : QueryRoute.Fast;
        var decision = new RouteDecision(route, score, home, normalized, fired);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Routed \"{Query}\": {Explanation}", normalized, decision.Explain());
        }

        return decision;
    }
}
