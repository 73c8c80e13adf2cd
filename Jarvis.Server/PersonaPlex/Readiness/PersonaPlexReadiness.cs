using Jarvis.Server.Health;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex.Readiness;

/// <summary>
/// PersonaPlex in <c>/health</c>: every endpoint probed over plain HTTP (Moshi: <c>GET /api/chat</c> → 400; Realtime:
/// <c>/health</c> and <c>/v1/models</c>), never by opening a session, plus the state of its sessions.
/// </summary>
public sealed class PersonaPlexReadiness : IBackendReadiness, IDisposable
{
    private readonly PersonaPlexOptions _options;
    private readonly IPersonaPlexSessions _sessions;
    private readonly HttpClient _http;
    private readonly PersonaPlexProbe _probe;
    private readonly RealtimeProbe _realtime;

    public PersonaPlexReadiness(IOptions<PersonaPlexOptions> options, IPersonaPlexSessions sessions)
    {
        _options = options.Value;
        _sessions = sessions;
        _http = PersonaPlexProbe.CreateHttpClient(_options.AcceptAnyServerCertificate);
        _probe = new PersonaPlexProbe(_http);
        _realtime = new RealtimeProbe(_http);
    }

    public string Name => "personaplex";

    public async Task<BackendStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var endpoints = _options.EffectiveEndpointOptions;
        var probes = await Task.WhenAll(endpoints.Select((e, i) => ProbeAsync(e, i, cancellationToken))).ConfigureAwait(false);
        var states = _sessions.GetStatus();
        var details = endpoints.Select((endpoint, i) => $"{probes[i].Detail}; {Sessions(new Uri(endpoint.Url, UriKind.Absolute), states)}");
        return new BackendStatus(probes.Any(p => p.Ready), string.Join(" | ", details));
    }

    public void Dispose() => _http.Dispose();

    private Task<BackendStatus> ProbeAsync(PersonaPlexEndpointOptions endpoint, int index, CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint.Url, UriKind.Absolute);
        var key = _options.Endpoints.Count > 0 ? $"PersonaPlex:Endpoints:{index}" : "PersonaPlex:Url";
        return endpoint.EffectiveKind == PersonaPlexBackend.Realtime
            ? _realtime.CheckAsync(url, endpoint.Model, endpoint.ApiKey, key, cancellationToken)
            : _probe.CheckAsync(url, cancellationToken);
    }

    /// <summary>The state of the endpoint's sessions (a Realtime endpoint has one per slot, <c>…?session=N</c>).</summary>
    private static string Sessions(Uri endpoint, IReadOnlyList<PersonaPlexEndpointStatus> states)
    {
        var own = states.Where(s => s.Endpoint.GetLeftPart(UriPartial.Path) == endpoint.GetLeftPart(UriPartial.Path)).ToArray();
        var words = own.Select(s => s.State is PersonaPlexState.Busy or PersonaPlexState.Stopped && s.LastError is { } error
            ? $"{s.State}: {error}"
            : s.State.ToString());
        var trimmed = own.Sum(s => s.TrimmedPackets);
        var notReady = own.Sum(s => s.DroppedNotReadyPackets);
        var clock = trimmed + notReady == 0 ? ""
            : $"; room packets dropped: {trimmed} ahead of real time, {notReady} while no session was ready";
        return (own.Length == 1 ? "session " : "sessions ") + string.Join(", ", words) + clock;
    }
}
