using Microsoft.Extensions.Logging;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>What happens to one endpoint's sessions, counted for /health and /metrics and logged at the right level.</summary>
internal sealed class EndpointEvents
{
    private readonly Uri _endpoint;
    private readonly PersonaPlexOptions _options;
    private readonly ILogger _logger;
    private bool _unavailableReported;

    public EndpointEvents(Uri endpoint, PersonaPlexOptions options, ILogger logger)
    {
        _endpoint = endpoint;
        _options = options;
        _logger = logger;
    }

    public EndpointCounters Counters { get; } = new();

    public void Opened(TimeSpan handshake)
    {
        _unavailableReported = false;
        Counters.SessionOpened(handshake);
        _logger.LogInformation("PersonaPlex {Endpoint} ready after {Seconds:0.0} s (prompt phase)", _endpoint, handshake.TotalSeconds);
    }

    public void Busy(PersonaPlexBusyException ex)
    {
        Counters.BusyRefusal();
        Counters.LastError = ex.Message;
        _logger.LogWarning("{Message}", ex.Message);
    }

    /// <summary>A failure: a lost live session is a warning; an unreachable server is a warning once, then debug noise.</summary>
    public void Failed(Exception ex, bool wasLive)
    {
        Counters.LastError = ex.Message;
        if (wasLive)
        {
            Counters.Reconnect();
            _logger.LogWarning("PersonaPlex {Endpoint} session lost: {Message}", _endpoint, ex.Message);
        }
        else if (!_unavailableReported)
        {
            _unavailableReported = true;
            _logger.LogWarning("PersonaPlex {Endpoint} unavailable (retrying with backoff): {Message}", _endpoint, ex.Message);
        }
        else
        {
            _logger.LogDebug("PersonaPlex {Endpoint} still unavailable: {Message}", _endpoint, ex.Message);
        }
    }

    public void Ended(SessionEnd end)
    {
        switch (end)
        {
            case SessionEnd.Rotated:
                Counters.Rotation();
                _logger.LogInformation("PersonaPlex {Endpoint}: idle session replaced (persona refresh)", _endpoint);
                break;
            case SessionEnd.Drifted:
                Counters.DriftReset();
                Counters.LastError = $"PersonaPlex fell more than {_options.MaxDrift.TotalSeconds:0.0} s behind real time (GPU too slow or overloaded)";
                _logger.LogWarning("PersonaPlex {Endpoint}: {Error}; reconnecting", _endpoint, Counters.LastError);
                break;
            case SessionEnd.Released:
                break;
        }
    }
}
