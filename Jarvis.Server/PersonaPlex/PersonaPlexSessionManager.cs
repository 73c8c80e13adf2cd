using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Pool;
using Jarvis.Server.Reconnect;
using Jarvis.Server.Rooms;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// Owns the house's PersonaPlex sessions and hands them to rooms: one supervised slot per Moshi endpoint (NVIDIA's server
/// serves one conversation), <c>Capacity</c> slots per Realtime endpoint (vLLM-Omni serves several per GPU). A room waits
/// while every slot is in use.
/// </summary>
public sealed class PersonaPlexSessionManager : BackgroundService, IPersonaPlexSessions
{
    private readonly ISessionSlot[] _slots;
    // Never disposed: a conversation may end (and release its endpoint) while the host is being disposed; a
    // SemaphoreSlim whose wait handle is never used holds no unmanaged resource.
    private readonly SemaphoreSlim _free;
    private readonly Lock _gate = new();
    private volatile PersonaPlexPersona _persona;

    /// <param name="options">The <c>PersonaPlex</c> section.</param>
    /// <param name="time">Clock of every session, timeout and rotation.</param>
    /// <param name="loggers">Loggers.</param>
    /// <param name="house">The rooms' activity: idle sessions are replaced only when the house is quiet (null: no rooms, always quiet).</param>
    /// <param name="probe">Probes an endpoint's port while backing off (null: a real TCP probe).</param>
    public PersonaPlexSessionManager(IOptions<PersonaPlexOptions> options, TimeProvider time, ILoggerFactory loggers, IHouseActivity? house = null,
        IPortProbe? probe = null)
    {
        var settings = options.Value;
        _persona = new PersonaPlexPersona(settings.TextPrompt, settings.Voice);
        _slots = SessionSlots.Create(settings, () => _persona, house, time, loggers, probe ?? new TcpPortProbe(time));
        _free = new SemaphoreSlim(_slots.Length, _slots.Length);
    }

    public ValueTask<IConversationChannel> AcquireAsync(string roomId, CancellationToken cancellationToken) => AcquireAsync(roomId, null, cancellationToken);

    public async ValueTask<IConversationChannel> AcquireAsync(string roomId, IModelOutput? output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var slot = _slots.Where(s => !s.IsLeased).MinBy(Preference)!;
            return slot.Attach(roomId, output, lease => Release(slot, lease));
        }
    }

    public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _persona = new PersonaPlexPersona(textPrompt, voice);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<PersonaPlexEndpointStatus> GetStatus() => _slots.Select(s => s.GetStatus()).ToArray();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_slots.Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)));

    /// <summary>A ready session first, then one on its way, and a stopped endpoint (configuration error) last.</summary>
    private static int Preference(ISessionSlot slot) => slot.IsReady ? 0 : slot.State == PersonaPlexState.Stopped ? 2 : 1;

    private void Release(ISessionSlot slot, IConversationChannel lease)
    {
        lock (_gate)
        {
            slot.Detach(lease);
        }

        _free.Release();
    }
}
