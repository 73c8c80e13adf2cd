namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>A satellite that asked to join and waits for the owner (a snapshot for the API and the status page).</summary>
/// <param name="Id">The id it presents.</param>
/// <param name="Room">The room it asks for.</param>
/// <param name="Remote">The address it connected from.</param>
/// <param name="FirstSeen">Its first request since the server started.</param>
/// <param name="LastSeen">Its latest request.</param>
/// <param name="PairingCode">Six hex digits derived from its token; the satellite logs the same code.</param>
/// <param name="Waiting">True while its link is open (approval admits it at once; otherwise on its next connection).</param>
public sealed record PendingSatellite(
    string Id, string Room, string Remote, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string PairingCode, bool Waiting);
