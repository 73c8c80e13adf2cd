namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// What <see cref="ServerEventReader"/> found in one server event: its kind and where its top-level <c>delta</c> string
/// sits in the message (offsets into the message, so nothing is copied).
/// </summary>
internal readonly record struct ServerEvent(ServerEventKind Kind, int DeltaStart, int DeltaLength, bool DeltaEscaped)
{
    public static ServerEvent Unreadable => new(ServerEventKind.Unreadable, -1, 0, false);

    public bool HasDelta => DeltaStart >= 0;
}
