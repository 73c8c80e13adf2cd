namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>One approved satellite as kept in <c>satellites.json</c>: never the token, only its SHA-256.</summary>
public sealed record ApprovedSatellite(string Room, string? Name, string TokenSha256, DateTimeOffset ApprovedAt);
