using System.Collections.Concurrent;
using Jarvis.Server.HomeAssistant;

namespace Jarvis.Server.Tests.Answering;

/// <summary>A home engine for turn tests: a fixed outcome per transcript, <see cref="HomeNotHandled"/> for any other; records every request.</summary>
public sealed class ScriptedHomeEngine : IHomeEngine
{
    public ConcurrentDictionary<string, HomeOutcome> Outcomes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<HomeRequest> Requests { get; } = new();

    public Task<HomeOutcome> HandleAsync(HomeRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(Outcomes.GetValueOrDefault(request.Transcript) ?? HomeNotHandled.Instance);
    }
}
