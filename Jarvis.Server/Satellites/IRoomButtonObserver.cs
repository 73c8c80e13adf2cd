using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Satellites;

/// <summary>Hears a room's button presses before the hub acts on them (a ringing timer takes the press that stops it).</summary>
public interface IRoomButtonObserver
{
    /// <summary>True when the press was taken: the hub then does nothing else with it (a long press does not wake).</summary>
    bool OnButton(string room, ButtonPress press);
}
