using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>
/// One ready PersonaPlex session under the manager: keeps the model clock running with silence whenever the room's
/// audio lags real time, hands output to the room holding the endpoint (or drops it), watches drift, and decides
/// when to end (rotation when idle or when the persona changed, drift, on-demand release). Throws when the connection fails.
/// </summary>
internal sealed class LiveSession
{
    /// <summary>How often the clock, drift and rotation are checked.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    /// <summary>Silence is added once the audio sent lags real time by this much (room jitter stays below it).</summary>
    private static readonly TimeSpan FillAfterLag = TimeSpan.FromMilliseconds(100);

    /// <summary>A lag beyond this (process paused) is skipped rather than caught up with a burst of silence.</summary>
    private static readonly TimeSpan SkipLag = TimeSpan.FromSeconds(1);

    /// <summary>Drift is not judged before PersonaPlex has had time to answer the first frames.</summary>
    private static readonly TimeSpan DriftGrace = TimeSpan.FromSeconds(1);

    private readonly PersonaPlexClient _client;
    private readonly EndpointSession _endpoint;
    private readonly PersonaPlexOptions _options;
    private readonly TimeProvider _time;
    private readonly PersonaPlexPersona _persona;
    private double _skippedSeconds;

    public LiveSession(PersonaPlexClient client, EndpointSession endpoint, PersonaPlexPersona persona, PersonaPlexOptions options, TimeProvider time)
    {
        _client = client;
        _endpoint = endpoint;
        _persona = persona;
        _options = options;
        _time = time;
    }

    /// <summary>Completes when the client's audio and text channels complete (after it disconnects).</summary>
    public Task Pumps { get; private set; } = Task.CompletedTask;

    public Task<SessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        // The pumps wait without a token (a cancellable wait allocates on every packet); they end with the connection.
        Pumps = Task.WhenAll(PumpAudioAsync(), PumpTextAsync());
        return SuperviseAsync(cancellationToken);
    }

    private async Task<SessionEnd> SuperviseAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var timer = new PeriodicTimer(Tick, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_client.Completion.IsCompleted)
            {
                await _client.Completion.ConfigureAwait(false);
                throw new PersonaPlexException($"PersonaPlex at {_endpoint.Endpoint} ended the session.");
            }

            var elapsed = _time.GetElapsedTime(started);
            await FeedSilenceAsync(elapsed, cancellationToken).ConfigureAwait(false);
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

                if (elapsed >= _options.RotateAfter || !_endpoint.Persona.Equals(_persona))
                {
                    return SessionEnd.Rotated;
                }
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    private async ValueTask FeedSilenceAsync(TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var lag = elapsed.TotalSeconds - _skippedSeconds - _client.SentSeconds;
        if (lag > SkipLag.TotalSeconds)
        {
            _skippedSeconds += lag - FillAfterLag.TotalSeconds;
            lag = FillAfterLag.TotalSeconds;
        }

        if (lag < FillAfterLag.TotalSeconds)
        {
            return;
        }

        for (; lag > SilencePacket.Duration.TotalSeconds; lag -= SilencePacket.Duration.TotalSeconds)
        {
            await _client.SendAudioAsync(SilencePacket.Bytes, cancellationToken).ConfigureAwait(false);
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
