using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.Reconnect;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// One vLLM-Omni endpoint: its <c>Capacity</c> slots (one session each, so never more sessions than the server admits) and
/// what they share: a configuration error stops all of them until the persona changes, and the limit the server reports
/// when it refuses a session.
/// </summary>
internal sealed partial class RealtimeEndpoint
{
    private readonly ILogger _logger;
    private volatile Stop? _stopped;
    private int _limitReported;

    public RealtimeEndpoint(PersonaPlexEndpointOptions endpoint, string configKey, PersonaPlexOptions options, Func<PersonaPlexPersona> persona,
        TimeProvider time, ILoggerFactory loggers, IPortProbe probe)
    {
        Info = new RealtimeEndpointInfo(new Uri(endpoint.Url, UriKind.Absolute), configKey, endpoint);
        Probe = probe;
        Options = options;
        Persona = persona;
        Time = time;
        _logger = loggers.CreateLogger<RealtimeEndpoint>();
        Slots = Enumerable.Range(1, endpoint.EffectiveCapacity).Select(n => new RealtimeSlot(this, n, _logger)).ToArray();
    }

    public RealtimeEndpointInfo Info { get; }

    public PersonaPlexOptions Options { get; }

    public Func<PersonaPlexPersona> Persona { get; }

    public TimeProvider Time { get; }

    /// <summary>Probes the endpoint's port while a slot backs off.</summary>
    public IPortProbe Probe { get; }

    public IReadOnlyList<RealtimeSlot> Slots { get; }

    /// <summary>The configuration error that stopped the endpoint, while the persona it was met with is still the current one.</summary>
    public string? StoppedBecause => _stopped is { } stop && stop.Persona.Equals(Persona()) ? stop.Reason : null;

    /// <summary>Stops every slot of the endpoint: retrying with the same configuration cannot help.</summary>
    public void StopOnConfiguration(RealtimeConfigurationException error, PersonaPlexPersona persona)
    {
        var first = _stopped is null;
        _stopped = new Stop(error.Message, persona);
        if (first)
        {
            LogStopped(_logger, Info.Url, error.Message);
        }
    }

    /// <summary>The server refused a session for capacity; says so once if it admits fewer than configured.</summary>
    public void Refused(PersonaPlexBusyException busy)
    {
        if (RealtimeErrors.AdvertisedLimit(busy) is { } limit && limit < Info.Options.EffectiveCapacity && Interlocked.Exchange(ref _limitReported, 1) == 0)
        {
            LogLowerLimit(_logger, Info.Url, limit, Info.ConfigKey, Info.Options.EffectiveCapacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "vLLM-Omni {Endpoint} stopped until the configuration changes: {Reason}")]
    private static partial void LogStopped(ILogger logger, Uri endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint} admits {Limit} sessions but {Key}:Capacity is {Capacity}: set it to {Limit} (or raise duplex_session.max_sessions on the server)")]
    private static partial void LogLowerLimit(ILogger logger, Uri endpoint, int limit, string key, int capacity);

    private sealed record Stop(string Reason, PersonaPlexPersona Persona);
}
