using Jarvis.Server.Health;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex.Readiness;

/// <summary>PersonaPlex in <c>/health</c>: every endpoint probed over plain HTTP, plus the session manager's state.</summary>
public sealed class PersonaPlexReadiness : IBackendReadiness, IDisposable
{
    private readonly PersonaPlexOptions _options;
    private readonly IPersonaPlexSessions _sessions;
    private readonly HttpClient _http;
    private readonly PersonaPlexProbe _probe;

    public PersonaPlexReadiness(IOptions<PersonaPlexOptions> options, IPersonaPlexSessions sessions)
    {
        _options = options.Value;
        _sessions = sessions;
        _http = PersonaPlexProbe.CreateHttpClient(_options.AcceptAnyServerCertificate);
        _probe = new PersonaPlexProbe(_http);
    }

    public string Name => "personaplex";

    public async Task<BackendStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var endpoints = _options.EffectiveEndpoints;
        var probes = await Task.WhenAll(endpoints.Select(e => _probe.CheckAsync(e, cancellationToken))).ConfigureAwait(false);
        var states = _sessions.GetStatus();
        var details = probes.Zip(states, (probe, state) => state.State == PersonaPlexState.Busy
            ? $"{probe.Detail}; session {state.State}: {state.LastError}"
            : $"{probe.Detail}; session {state.State}");
        return new BackendStatus(probes.Any(p => p.Ready), string.Join(" | ", details));
    }

    public void Dispose() => _http.Dispose();
}
