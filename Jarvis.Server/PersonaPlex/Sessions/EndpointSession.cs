using Jarvis.Server.PersonaPlex.Client;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>
/// Supervises the sessions of one PersonaPlex endpoint: connects (now in warm mode, when a room comes in on-demand mode),
/// keeps the session live, replaces it on rotation, drift or failure with capped backoff, and routes one room's audio.
/// </summary>
internal sealed class EndpointSession
{
    private readonly PersonaPlexOptions _options;
    private readonly Func<PersonaPlexPersona> _persona;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _leaseChanged = new(0);
    private volatile PersonaPlexClient? _ready;
    private volatile TaskCompletionSource _readySignal = NewSignal();
    private volatile ConversationLease? _lease;
    private volatile int _state = (int)PersonaPlexState.Idle;
    private long _sessions;
    private long _reconnects;
    private long _rotations;
    private long _driftResets;
    private long _busyRefusals;
    private volatile string? _lastError;
    private double? _lastHandshakeSeconds;
    private bool _unavailableReported;

    public EndpointSession(Uri endpoint, PersonaPlexOptions options, Func<PersonaPlexPersona> persona, TimeProvider time, ILogger logger)
    {
        Endpoint = endpoint;
        _options = options;
        _persona = persona;
        _time = time;
        _logger = logger;
    }

    public Uri Endpoint { get; }

    public PersonaPlexState State
    {
        get => (PersonaPlexState)_state;
        set => _state = (int)value;
    }

    public ConversationLease? Lease => _lease;

    public bool IsReady => _ready is not null;

    public void Attach(ConversationLease lease)
    {
        _lease = lease;
        if (_ready is not null)
        {
            State = PersonaPlexState.InConversation;
        }

        _leaseChanged.Release();
    }

    public void Detach(ConversationLease lease)
    {
        if (Interlocked.CompareExchange(ref _lease, null, lease) == lease)
        {
            if (_ready is not null)
            {
                State = PersonaPlexState.Warm;
            }

            _leaseChanged.Release();
        }
    }

    /// <summary>Sends a room packet on the live session, waiting while none is ready; dropped if the session dies meanwhile.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        while (true)
        {
            var client = _ready;
            if (client is null)
            {
                await _readySignal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await client.SendAudioAsync(opusPacket, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ArgumentException && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogDebug(ex, "PersonaPlex {Endpoint}: packet dropped, the session is being replaced", Endpoint);
            }

            return;
        }
    }

    public PersonaPlexEndpointStatus GetStatus()
    {
        var client = _ready;
        var sent = client?.SentSeconds ?? 0;
        var received = client?.ReceivedSeconds ?? 0;
        return new PersonaPlexEndpointStatus(
            Endpoint, State, _lease?.RoomId, sent, received, sent - received,
            Interlocked.Read(ref _sessions), Interlocked.Read(ref _reconnects), Interlocked.Read(ref _rotations),
            Interlocked.Read(ref _driftResets), Interlocked.Read(ref _busyRefusals), _lastError, _lastHandshakeSeconds);
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
                    if (!await WaitAsync(_leaseChanged.WaitAsync(cancellationToken)).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                var delay = await RunOneSessionAsync(client, backoff, cancellationToken).ConfigureAwait(false);
                if (delay is { } wait && !await WaitAsync(Task.Delay(wait, _time, cancellationToken)).ConfigureAwait(false))
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
            _unavailableReported = false;
            Interlocked.Increment(ref _sessions);
            _lastHandshakeSeconds = client.HandshakeDuration.TotalSeconds;
            _logger.LogInformation("PersonaPlex {Endpoint} ready after {Seconds:0.0} s (prompt phase)", Endpoint, client.HandshakeDuration.TotalSeconds);
            live = new LiveSession(client, this, _options, _time);
            MarkReady(client);
            var end = await live.RunAsync(cancellationToken).ConfigureAwait(false);
            MarkNotReady();
            Count(end);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (PersonaPlexBusyException ex)
        {
            Interlocked.Increment(ref _busyRefusals);
            _lastError = ex.Message;
            State = PersonaPlexState.Busy;
            _logger.LogWarning("{Message}", ex.Message);
            return backoff.Next();
        }
        catch (Exception ex)
        {
            var wasReady = _ready is not null;
            _lastError = ex.Message;
            State = PersonaPlexState.Backoff;
            if (wasReady)
            {
                Interlocked.Increment(ref _reconnects);
                _logger.LogWarning("PersonaPlex {Endpoint} session lost: {Message}", Endpoint, ex.Message);
            }
            else if (!_unavailableReported)
            {
                _unavailableReported = true;
                _logger.LogWarning("PersonaPlex {Endpoint} unavailable (retrying with backoff): {Message}", Endpoint, ex.Message);
            }
            else
            {
                _logger.LogDebug("PersonaPlex {Endpoint} still unavailable: {Message}", Endpoint, ex.Message);
            }

            return backoff.Next();
        }
        finally
        {
            MarkNotReady();
            await client.DisconnectAsync().ConfigureAwait(false);
            if (live is not null)
            {
                await live.Pumps.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Count(SessionEnd end)
    {
        switch (end)
        {
            case SessionEnd.Rotated:
                Interlocked.Increment(ref _rotations);
                _logger.LogInformation("PersonaPlex {Endpoint}: idle session rotated before the persona fades", Endpoint);
                break;
            case SessionEnd.Drifted:
                Interlocked.Increment(ref _driftResets);
                Interlocked.Increment(ref _reconnects);
                _lastError = $"PersonaPlex fell more than {_options.MaxDrift.TotalSeconds:0.0} s behind real time (GPU too slow or overloaded)";
                _logger.LogWarning("PersonaPlex {Endpoint}: {Error}; reconnecting", Endpoint, _lastError);
                break;
            case SessionEnd.Released:
                break;
        }
    }

    private void MarkReady(PersonaPlexClient client)
    {
        _ready = client;
        State = _lease is null ? PersonaPlexState.Warm : PersonaPlexState.InConversation;
        _readySignal.TrySetResult();
    }

    private void MarkNotReady()
    {
        if (_readySignal.Task.IsCompleted)
        {
            _readySignal = NewSignal();
        }

        _ready = null;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task<bool> WaitAsync(Task task)
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
