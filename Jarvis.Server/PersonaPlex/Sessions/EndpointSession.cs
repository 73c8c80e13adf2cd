using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.Reconnect;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>
/// Supervises the sessions of one PersonaPlex endpoint: connects (at once in warm mode, when a room comes in on-demand mode),
/// keeps the session live, replaces it on rotation (when the house is quiet), drift or failure with capped backoff, and routes
/// one room's audio: a packet that arrives while no session is ready is dropped (counted), never held to be sent in a burst.
/// </summary>
internal sealed class EndpointSession
{
    private readonly PersonaPlexOptions _options;
    private readonly Func<PersonaPlexPersona> _persona;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _leaseChanged = new(0);
    private readonly ReplacementPolicy _replacements;
    private readonly EndpointEvents _events;
    private readonly ReconnectWait _reconnectWait;
    private volatile LiveSession? _live;
    private volatile ConversationLease? _lease;
    private volatile int _state = (int)PersonaPlexState.Idle;

    public EndpointSession(Uri endpoint, PersonaPlexOptions options, Func<PersonaPlexPersona> persona, ReplacementPolicy replacements,
        TimeProvider time, ILogger logger, ReconnectWait reconnectWait)
    {
        _reconnectWait = reconnectWait;
        Endpoint = endpoint;
        _options = options;
        _replacements = replacements;
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

    public bool IsReady => _live is not null;

    /// <summary>The persona the next session will use (a live session ends itself when idle and this changes).</summary>
    public PersonaPlexPersona Persona => _persona();

    public void Attach(ConversationLease lease)
    {
        _lease = lease;
        if (IsReady)
        {
            State = PersonaPlexState.InConversation;
        }
        else if (State is PersonaPlexState.Backoff or PersonaPlexState.Busy or PersonaPlexState.Stopped)
        {
            lease.Fail($"PersonaPlex at {Endpoint} is not available: {GetStatus().LastError ?? State.ToString()}");
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

    /// <summary>An idle session may end for a rotation or a persona change now (the house is quiet and it is this endpoint's turn).</summary>
    public bool MayReplaceNow() => _replacements.TryTake(this);

    /// <summary>
    /// Sends a room packet on the live session's clock. Dropped (and counted) while no session is ready: PersonaPlex would eat it
    /// in its prompt phase, and sent late it would come back as a burst. Dropped too if the session dies meanwhile.
    /// </summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        if (_live is not { } live)
        {
            _events.Counters.DroppedNotReady();
            return;
        }

        try
        {
            await live.SendRoomAsync(opusPacket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "PersonaPlex {Endpoint}: packet dropped, the session is being replaced", Endpoint);
        }
    }

    public PersonaPlexEndpointStatus GetStatus()
    {
        var client = _live?.Client;
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
                if (delay is { } wait && !await CompletesAsync(_reconnectWait.DelayAsync(wait, cancellationToken)).ConfigureAwait(false))
                {
                    break;
                }
            }
        }

        _replacements.Done(this);
        State = PersonaPlexState.Stopped;
        LoseLease($"PersonaPlex at {Endpoint} stopped");
    }

    /// <summary>The session under the room's conversation is gone (a new one would not know the conversation): the lease fails.</summary>
    private void LoseLease(string reason) => _lease?.Fail(reason);

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
            live = new LiveSession(client, this, persona, _options, _events.Counters, _time);
            var ended = live.RunAsync(cancellationToken);
            _live = live;
            _replacements.Done(this);
            State = _lease is null ? PersonaPlexState.Warm : PersonaPlexState.InConversation;
            var end = await ended.ConfigureAwait(false);
            _events.Ended(end);
            LoseLease($"PersonaPlex at {Endpoint} replaced the session ({end})");
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (PersonaPlexBusyException ex)
        {
            _replacements.Done(this);
            _events.Busy(ex);
            State = PersonaPlexState.Busy;
            LoseLease($"PersonaPlex at {Endpoint} is not available: {ex.Message}");
            return backoff.Next();
        }
        catch (Exception ex)
        {
            _replacements.Done(this);
            _events.Failed(ex, wasLive: live is not null);
            State = PersonaPlexState.Backoff;
            LoseLease(live is null ? $"PersonaPlex at {Endpoint} is not available: {ex.Message}" : $"PersonaPlex at {Endpoint} dropped the session: {ex.Message}");
            return backoff.Next();
        }
        finally
        {
            _live = null;
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
