using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Sessions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// Owns the house's PersonaPlex sessions, one supervised session per configured endpoint, and hands them to rooms.
/// A second room waits for a free endpoint: PersonaPlex serves one conversation per server.
/// </summary>
public sealed class PersonaPlexSessionManager : BackgroundService, IPersonaPlexSessions
{
    private readonly EndpointSession[] _endpoints;
    // Never disposed: a conversation may end (and release its endpoint) while the host is being disposed; a
    // SemaphoreSlim whose wait handle is never used holds no unmanaged resource.
    private readonly SemaphoreSlim _free;
    private readonly Lock _gate = new();
    private volatile PersonaPlexPersona _persona;

    public PersonaPlexSessionManager(IOptions<PersonaPlexOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var settings = options.Value;
        _persona = new PersonaPlexPersona(settings.TextPrompt, settings.Voice);
        var logger = loggers.CreateLogger<PersonaPlexSessionManager>();
        _endpoints = settings.EffectiveEndpoints
            .Select(uri => new EndpointSession(uri, settings, () => _persona, time, logger))
            .ToArray();
        _free = new SemaphoreSlim(_endpoints.Length, _endpoints.Length);
    }

    public async ValueTask<IConversationChannel> AcquireAsync(string roomId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var endpoint = _endpoints.Where(e => e.Lease is null).OrderBy(e => e.IsReady ? 0 : 1).First();
            var lease = new ConversationLease(roomId, endpoint, Release);
            endpoint.Attach(lease);
            return lease;
        }
    }

    public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _persona = new PersonaPlexPersona(textPrompt, voice);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<PersonaPlexEndpointStatus> GetStatus() => _endpoints.Select(e => e.GetStatus()).ToArray();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_endpoints.Select(e => Task.Run(() => e.RunAsync(stoppingToken), CancellationToken.None)));

    private void Release(ConversationLease lease)
    {
        lock (_gate)
        {
            lease.Session.Detach(lease);
        }

        _free.Release();
    }
}
