using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Pool;
using Jarvis.Server.PersonaPlex.Sessions;
using Jarvis.Server.Reconnect;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// One session's place on a vLLM-Omni endpoint, supervised: opens a session (at once in warm mode, when a room comes in
/// on-demand mode), keeps it clocked and its context fresh, replaces it on a persona change, drift or failure (capped backoff,
/// <c>resource_exhausted</c> counted as busy), closes it (<c>session.close</c> → <c>session.closed</c>) before opening the
/// next, and stops on a configuration error. Holds the slot's decoder, encoder and buffers, reused across sessions.
/// </summary>
internal sealed partial class RealtimeSlot : ISessionSlot
{
    private static readonly TimeSpan StoppedRecheck = TimeSpan.FromSeconds(1);

    private readonly RealtimeEndpoint _endpoint;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _leaseChanged = new(0);
    private volatile RealtimeLease? _lease;
    private volatile RealtimeSession? _live;
    private volatile int _state = (int)PersonaPlexState.Idle;
    private volatile bool _sessionReady;
    private bool _unavailableReported;

    public RealtimeSlot(RealtimeEndpoint endpoint, int number, ILogger logger)
    {
        _endpoint = endpoint;
        _logger = logger;
        Endpoint = new UriBuilder(endpoint.Info.Url) { Query = $"session={number}" }.Uri;
        Uplink = new RealtimeUplink(Endpoint, endpoint.Time, logger);
    }

    /// <summary>
    /// The endpoint's URL with <c>?session=N</c>: each slot reports its own state, and slots compare unequal (a
    /// <see cref="Uri"/> ignores its fragment when compared). Never sent: the session URL is built from the endpoint's.
    /// </summary>
    public Uri Endpoint { get; }

    public PersonaPlexState State
    {
        get => (PersonaPlexState)_state;
        private set => _state = (int)value;
    }

    /// <summary>A session is open and past its prefill: a room's words reach the model now.</summary>
    public bool IsReady => _live is not null && !Uplink.IsPriming;

    public bool IsLeased => _lease is not null;

    public RealtimeLease? Lease => _lease;

    public RealtimeUplink Uplink { get; }

    public RealtimeDownlink Downlink { get; } = new();

    public RealtimeCounters Counters { get; } = new();

    public RealtimeEndpoint Owner => _endpoint;

    /// <summary>The persona the next session will use.</summary>
    public PersonaPlexPersona Persona => _endpoint.Persona();

    public IConversationChannel Attach(string roomId, IModelOutput? output, Action<IConversationChannel> release)
    {
        var lease = new RealtimeLease(roomId, this, output, release);
        Uplink.NewStream();
        _lease = lease;
        if (_sessionReady)
        {
            State = PersonaPlexState.InConversation;
        }
        else if (State is PersonaPlexState.Backoff or PersonaPlexState.Busy or PersonaPlexState.Stopped)
        {
            lease.Fail($"PersonaPlex at {Endpoint} is not available: {Counters.LastError ?? State.ToString()}");
        }

        _leaseChanged.Release();
        return lease;
    }

    public void Detach(IConversationChannel lease)
    {
        if (Interlocked.CompareExchange(ref _lease, null, (RealtimeLease)lease) == lease)
        {
            if (_sessionReady)
            {
                State = PersonaPlexState.Warm;
            }

            _leaseChanged.Release();
        }
    }

    /// <summary>The session's first audio arrived (opened and past its prefill): it is warm, or in conversation.</summary>
    public void SessionReady()
    {
        _sessionReady = true;
        State = _lease is null ? PersonaPlexState.Warm : PersonaPlexState.InConversation;
    }

    public PersonaPlexEndpointStatus GetStatus() => Counters.Snapshot(Endpoint, State, _lease?.RoomId, _live?.Window) with
    {
        TrimmedPackets = Uplink.TrimmedPackets,
        DroppedNotReadyPackets = Uplink.NotReadyPackets,
    };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = _endpoint.Options;
        var backoff = new ReconnectBackoff(options.ReconnectBackoffInitial, options.ReconnectBackoffMax);
        var reconnectWait = new ReconnectWait(_endpoint.Info.Url, options.ReconnectProbeInterval, _endpoint.Time, _endpoint.Probe);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_endpoint.StoppedBecause is { } reason)
                {
                    State = PersonaPlexState.Stopped;
                    Counters.LastError = reason;
                    await Task.Delay(StoppedRecheck, _endpoint.Time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (options.Mode == PersonaPlexMode.OnDemand && _lease is null)
                {
                    State = PersonaPlexState.Idle;
                    await _leaseChanged.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (await RunOneSessionAsync(backoff, cancellationToken).ConfigureAwait(false) is { } wait)
                {
                    await reconnectWait.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            State = PersonaPlexState.Stopped;
            LoseLease($"PersonaPlex at {Endpoint} stopped");
            await Uplink.DisposeAsync().ConfigureAwait(false);
            Downlink.Dispose();
        }
    }

    private async Task<TimeSpan?> RunOneSessionAsync(ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        RealtimeConnection? connection = null;
        RealtimeSession? live = null;
        var persona = Persona;
        var closeReason = "client_close";
        try
        {
            State = PersonaPlexState.Connecting;
            var connecting = _endpoint.Time.GetTimestamp();
            connection = await RealtimeConnection.OpenAsync(_endpoint.Info, persona, _endpoint.Options, _endpoint.Time, _logger, cancellationToken)
                .ConfigureAwait(false);
            backoff.Reset();
            Counters.SessionOpened();
            _unavailableReported = false;
            LogOpened(_logger, Endpoint, connection.SessionId);
            live = new RealtimeSession(connection, this, persona, connecting, _logger);
            await live.StartAsync().ConfigureAwait(false);
            _live = live; // Connecting until its prefill is done (SessionReady)
            var end = await live.RunAsync(cancellationToken).ConfigureAwait(false);
            closeReason = Ended(end);
            LoseLease($"PersonaPlex at {Endpoint} replaced the session ({end})");
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            closeReason = "shutdown";
            return null;
        }
        catch (PersonaPlexBusyException ex)
        {
            Counters.BusyRefusal();
            Counters.LastError = ex.Message;
            _endpoint.Refused(ex);
            LogBusy(_logger, ex.Message);
            State = PersonaPlexState.Busy;
            LoseLease($"PersonaPlex at {Endpoint} is not available: {ex.Message}");
            return backoff.Next();
        }
        catch (RealtimeConfigurationException ex)
        {
            Counters.LastError = ex.Message;
            _endpoint.StopOnConfiguration(ex, persona);
            State = PersonaPlexState.Stopped;
            LoseLease($"PersonaPlex at {Endpoint} is not available: {ex.Message}");
            return null;
        }
        catch (Exception ex)
        {
            Failed(ex, wasLive: live is not null);
            State = PersonaPlexState.Backoff;
            LoseLease(live is null ? $"PersonaPlex at {Endpoint} is not available: {ex.Message}" : $"PersonaPlex at {Endpoint} dropped the session: {ex.Message}");
            return backoff.Next();
        }
        finally
        {
            _live = null;
            _sessionReady = false;
            await Uplink.StopAsync().ConfigureAwait(false);
            if (connection is not null)
            {
                await connection.CloseAsync(closeReason).ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The session under the room's conversation is gone (a new one would not know the conversation): the lease fails.</summary>
    private void LoseLease(string reason) => _lease?.Fail(reason);

    private string Ended(RealtimeSessionEnd end)
    {
        switch (end)
        {
            case RealtimeSessionEnd.Drifted:
                Counters.DriftReset();
                Counters.LastError = $"PersonaPlex fell more than {_endpoint.Options.MaxDrift.TotalSeconds:0.0} s behind real time on vLLM-Omni (GPU too slow or overloaded)";
                LogDrifted(_logger, Endpoint, Counters.LastError);
                return "drift";
            case RealtimeSessionEnd.PersonaChanged:
                LogPersonaChanged(_logger, Endpoint);
                return "persona_change";
            default:
                return "client_close";
        }
    }

    /// <summary>A lost live session is a warning; an unreachable server is a warning once, then debug noise.</summary>
    private void Failed(Exception ex, bool wasLive)
    {
        Counters.LastError = ex.Message;
        if (wasLive)
        {
            Counters.Reconnect();
            LogLost(_logger, Endpoint, ex.Message);
        }
        else if (!_unavailableReported)
        {
            _unavailableReported = true;
            LogUnavailable(_logger, Endpoint, ex.Message);
        }
        else
        {
            LogStillUnavailable(_logger, Endpoint, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "vLLM-Omni {Endpoint}: session {SessionId} open")]
    private static partial void LogOpened(ILogger logger, Uri endpoint, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogBusy(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint}: {Error}; reconnecting")]
    private static partial void LogDrifted(ILogger logger, Uri endpoint, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "vLLM-Omni {Endpoint}: idle session replaced (new persona)")]
    private static partial void LogPersonaChanged(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint} session lost: {Message}")]
    private static partial void LogLost(ILogger logger, Uri endpoint, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint} unavailable (retrying with backoff): {Message}")]
    private static partial void LogUnavailable(ILogger logger, Uri endpoint, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "vLLM-Omni {Endpoint} still unavailable: {Message}")]
    private static partial void LogStillUnavailable(ILogger logger, Uri endpoint, string message);
}
