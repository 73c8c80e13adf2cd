namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>The outcome of an owner's action (approve, reject, move, rename, remove), with what to do when it failed.</summary>
public abstract record EnrolmentResult
{
    private EnrolmentResult()
    {
    }

    /// <summary>Done; <paramref name="Satellite"/> is the enrolment after the change (null after reject or remove).</summary>
    public sealed record Done(EnrolledSatellite? Satellite) : EnrolmentResult;

    /// <summary>No such satellite (pending or enrolled, as the action needs).</summary>
    public sealed record NotFound(string Error) : EnrolmentResult;

    /// <summary>The request conflicts with the current state (room taken, satellite configured in jarvis.json).</summary>
    public sealed record Conflict(string Error) : EnrolmentResult;

    /// <summary>The request itself is invalid (bad room id, bad name).</summary>
    public sealed record Invalid(string Error) : EnrolmentResult;
}
