namespace Jarvis.Server.Rooms;

/// <summary>An I/O layer that acts on the hub's decisions (duplex router, satellites, MQTT). Called in decision order.</summary>
public interface IHubCommandSink
{
    /// <summary>Lower runs first: the duplex router must switch audio before the old room is flushed.</summary>
    int Order { get; }

    ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken);
}
