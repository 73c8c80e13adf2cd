using Jarvis.Server.PersonaPlex.Client;
using Jarvis.Server.PersonaPlex.Realtime;
using Jarvis.Server.PersonaPlex.Sessions;
using Jarvis.Server.Reconnect;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.PersonaPlex.Pool;

/// <summary>Builds the slots of every configured endpoint: one per Moshi endpoint, <c>Capacity</c> per Realtime endpoint.</summary>
internal static class SessionSlots
{
    public static ISessionSlot[] Create(
        PersonaPlexOptions options, Func<PersonaPlexPersona> persona, IHouseActivity? house, TimeProvider time, ILoggerFactory loggers, IPortProbe probe)
    {
        var logger = loggers.CreateLogger<PersonaPlexSessionManager>();
        var replacements = new ReplacementPolicy(house, options.RotateQuietWait); // shared: one Moshi endpoint replaced at a time
        var slots = new List<ISessionSlot>();
        var endpoints = options.EffectiveEndpointOptions;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var key = options.Endpoints.Count > 0 ? $"PersonaPlex:Endpoints:{i}" : "PersonaPlex:Url";
            var url = new Uri(endpoint.Url, UriKind.Absolute);
            if (endpoint.EffectiveKind == PersonaPlexBackend.Realtime)
            {
                slots.AddRange(new RealtimeEndpoint(endpoint, key, options, persona, time, loggers, probe).Slots);
            }
            else
            {
                slots.Add(new MoshiSlot(new EndpointSession(url, options, persona, replacements, time, logger,
                    new ReconnectWait(url, options.ReconnectProbeInterval, time, probe))));
            }
        }

        return slots.ToArray();
    }
}
