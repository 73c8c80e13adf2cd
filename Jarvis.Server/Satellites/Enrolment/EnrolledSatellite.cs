namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>A satellite the server admits: from <c>Satellites:Devices</c> in jarvis.json, or approved on the status page.</summary>
/// <param name="Id">The satellite id it presents in hello.</param>
/// <param name="Room">The room it serves.</param>
/// <param name="Name">A display name the owner gave it (null: the id).</param>
/// <param name="Source">Where the enrolment lives.</param>
/// <param name="LastSeen">When its link last ended (null: not since the server started, or online now).</param>
public sealed record EnrolledSatellite(string Id, string Room, string? Name, EnrolmentSource Source, DateTimeOffset? LastSeen);
