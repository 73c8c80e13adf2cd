namespace Jarvis.Server.Rooms;

/// <summary>
/// How long the house has been quiet, as the rooms see it: no conversation, no arbitration under way and no voice activity in
/// any room. Work that would make the assistant slow to answer (replacing a PersonaPlex session) waits for a quiet house.
/// </summary>
public interface IHouseActivity
{
    /// <summary>Time since the last conversation ended or anyone spoke; zero while a conversation runs or someone speaks.</summary>
    TimeSpan QuietFor();
}
