using Jarvis.Server.PersonaPlex.Client;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>
/// Supervises the sessions of one PersonaPlex endpoint: connects (at once in warm mode, when a room comes in on-demand mode),
/// keeps the session live, replaces it on rotation, drift or failure with capped backoff, and routes one room's audio.
/// </summary>
internal sealed class EndpointSession
{
    private readonly PersonaPlexOptions _options;
    private readonly Func<PersonaPlexPersona> _persona;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _leaseChanged = new(0);
    private readonly ReadyGate _ready = new();
    private readonly EndpointEvents _events;
    private volatile ConversationLease? _lease;
    private volatile int _state = (int)PersonaPlexState.Idle;

    public EndpointSession(Uri endpoint, PersonaPlexOptions options, Func<PersonaPlexPersona> persona, TimeProvider time, ILogger logger)
    {
        Endpoint = endpoint;
        _options = options;
        _persona = persona;
        _time = time;
        _logger = logger;
        _events = new EndpointEvents(endpoint, options, logger);
    }

    public Uri Endpoint { get; }

    public PersonaPlexState State
    {
        get => (PersonaPlexState)_state;
        private set => _state = (int)value;
    }

    public ConversationLease? Lease => _lease;

    public bool IsReady => _ready.Client is not null;

    /// <summary>The persona the next session will use (a live session ends itself when idle and this changes).</summary>
    public PersonaPlexPersona Persona => _persona();

    public void Attach(ConversationLease lease)
    {
        _lease = lease;
        if (IsReady)
        {
            State = PersonaPlexState.InConversation;
        }

        _leaseChanged.Release();
    }

    public void Detach(ConversationLease lease)
    {
        if (Interlocked.CompareExchange(ref _lease, null, lease) == lease)
        {
            if (IsReady)
            {
                State = PersonaPlexState.Warm;
            }

            _leaseChanged.Release();
        }
    }

    /// <summary>Sends a room packet on the live session, waiting while none is ready; dropped if the session dies meanwhile.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        var client = _ready.Client;
        while (client is null)
        {
            await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
            client = _ready.Client;
        }

        try
        {
            await client.SendAudioAsync(opusPacket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "PersonaPlex {Endpoint}: packet dropped, the session is being replaced", Endpoint);
        }
    }

    public PersonaPlexEndpointStatus GetStatus()
    {
        var client = _ready.Client;
        return _events.Counters.Snapshot(Endpoint, State, _lease?.RoomId, client?.SentSeconds ?? 0, client?.ReceivedSeconds ?? 0);
    }

    /// <summary>The supervising loop; returns when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectBackoffInitial, _options.ReconnectBackoffMax);
        var client = new PersonaPlexClient(Endpoint, _persona(), _options.HandshakeTimeout, _time, _logger, _options.AcceptAnyServerCertificate);
        await using (client.ConfigureAwait(false))
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_options.Mode == PersonaPlexMode.OnDemand && _lease is null)
                {
                    State = PersonaPlexState.Idle;
                    if (!await CompletesAsync(_leaseChanged.WaitAsync(cancellationToken)).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                var delay = await RunOneSessionAsync(client, backoff, cancellationToken).ConfigureAwait(false);
                if (delay is { } wait && !await CompletesAsync(Task.Delay(wait, _time, cancellationToken)).ConfigureAwait(false))
                {
                    break;
                }
            }
        }

        State = PersonaPlexState.Stopped;
    }

    private async Task<TimeSpan?> RunOneSessionAsync(PersonaPlexClient client, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        LiveSession? live = null;
        try
        {
            State = PersonaPlexState.Connecting;
            var persona = _persona();
            await client.SetPersonaAsync(persona.TextPrompt, persona.Voice, cancellationToken).ConfigureAwait(false);
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            backoff.Reset();
            _events.Opened(client.HandshakeDuration);
            live = new LiveSession(client, this, persona, _options, _time);
            _ready.Open(client);
            State = _lease is null ? PersonaPlexState.Warm : PersonaPlexState.InConversation;
            _events.Ended(await live.RunAsync(cancellationToken).ConfigureAwait(false));
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (PersonaPlexBusyException ex)
        {
            _events.Busy(ex);
            State = PersonaPlexState.Busy;
            return backoff.Next();
        }
        catch (Exception ex)
        {
            _events.Failed(ex, wasLive: live is not null);
            State = PersonaPlexState.Backoff;
            return backoff.Next();
        }
        finally
        {
            _ready.Close();
            await client.DisconnectAsync().ConfigureAwait(false);
            if (live is not null)
            {
                await live.Pumps.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static async Task<bool> CompletesAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
