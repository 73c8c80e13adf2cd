using System.Runtime.CompilerServices;
using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Clock;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>
/// One ready PersonaPlex session under the manager. Its <see cref="InputClock"/>, started at the handshake, paces everything
/// sent: a room packet takes the place of the silence it stands for, a packet that would run ahead of real time is trimmed,
/// silence fills only the time no room audio covered. It hands output to the room holding the endpoint (or drops it), watches
/// drift, and decides when to end (rotation or a persona change once the house is quiet, drift, on-demand release).
/// Throws when the connection fails.
/// </summary>
internal sealed class LiveSession
{
    /// <summary>How often the clock, drift and rotation are checked while no room is attached (a 20 ms silence packet a tick).</summary>
    private static readonly TimeSpan IdleTick = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The same while a room is attached: its packets cover the clock and silence starts only once it lags 100 ms, so a
    /// slower tick only fills a room that stopped sending a little later (after 100–140 ms instead of 100–120 ms).
    /// </summary>
    private static readonly TimeSpan RoomTick = TimeSpan.FromMilliseconds(40);

    /// <summary>Drift is not judged before PersonaPlex has had time to answer the first frames.</summary>
    private static readonly TimeSpan DriftGrace = TimeSpan.FromSeconds(1);

    private readonly PersonaPlexClient _client;
    private readonly EndpointSession _endpoint;
    private readonly PersonaPlexOptions _options;
    private readonly TimeProvider _time;
    private readonly PersonaPlexPersona _persona;
    private readonly EndpointCounters _counters;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly InputClock _clock;

    public LiveSession(PersonaPlexClient client, EndpointSession endpoint, PersonaPlexPersona persona, PersonaPlexOptions options,
        EndpointCounters counters, TimeProvider time)
    {
        _client = client;
        _endpoint = endpoint;
        _persona = persona;
        _options = options;
        _counters = counters;
        _time = time;
        _clock = new InputClock(time);
    }

    public PersonaPlexClient Client => _client;

    /// <summary>Completes when the client's audio and text channels complete (after it disconnects).</summary>
    public Task Pumps { get; private set; } = Task.CompletedTask;

    public Task<SessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Restart(); // the model's time starts with the handshake
        // The pumps wait without a token (a cancellable wait allocates on every packet); they end with the connection.
        Pumps = Task.WhenAll(PumpAudioAsync(), PumpTextAsync());
        return SuperviseAsync(cancellationToken);
    }

    /// <summary>
    /// Sends one room packet in the place of the silence it stands for; trims it (counted) when it would run ahead of real time.
    /// Throws <see cref="ArgumentException"/> for bytes that are not an Opus packet.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendRoomAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        if (!OpusPacket.TryGetSampleCount(opusPacket.Span, 24000, out var samples) || samples == 0)
        {
            throw new ArgumentException("Not an Opus packet (empty or with an invalid TOC byte); PersonaPlex would end the session on it.", nameof(opusPacket));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_clock.TryAdmit(samples))
            {
                _counters.Trimmed();
                return;
            }

            await _client.SendAudioAsync(opusPacket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SessionEnd> SuperviseAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var timer = new PeriodicTimer(IdleTick, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            SessionTick.Follow(timer, _endpoint.Lease is not null, IdleTick, RoomTick);
            if (_client.Completion.IsCompleted)
            {
                await _client.Completion.ConfigureAwait(false);
                throw new PersonaPlexException($"PersonaPlex at {_endpoint.Endpoint} ended the session.");
            }

            var elapsed = _time.GetElapsedTime(started);
            await FeedSilenceAsync(cancellationToken).ConfigureAwait(false);
            if (elapsed > DriftGrace && _client.SentSeconds - _client.ReceivedSeconds > _options.MaxDrift.TotalSeconds)
            {
                return SessionEnd.Drifted;
            }

            if (_endpoint.Lease is null)
            {
                if (_options.Mode == PersonaPlexMode.OnDemand)
                {
                    return SessionEnd.Released;
                }

                if ((elapsed >= _options.RotateAfter || !_endpoint.Persona.Equals(_persona)) && _endpoint.MayReplaceNow())
                {
                    return SessionEnd.Rotated;
                }
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>The silence the clock asks for: the time no room audio covered (a stall of the process is skipped, not caught up).</summary>
    private async ValueTask FeedSilenceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var silence = _clock.TakeSilence(_endpoint.Lease is not null); silence > 0; silence -= InputClock.QuantumSamples)
            {
                await _client.SendAudioAsync(SilencePacket.Bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PumpAudioAsync()
    {
        var reader = _client.Audio;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var packet))
            {
                if (_endpoint.Lease is { } lease)
                {
                    lease.Deliver(packet);
                }
                else
                {
                    packet.Dispose();
                }
            }
        }
    }

    private async Task PumpTextAsync()
    {
        var reader = _client.Text;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var piece))
            {
                _endpoint.Lease?.Deliver(piece);
            }
        }
    }
}
