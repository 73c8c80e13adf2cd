namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>The answer to the hello of a satellite that is not admitted.</summary>
public abstract record EnrolmentRequest
{
    private EnrolmentRequest()
    {
    }

    /// <summary>Listed as pending; <see cref="Decision"/> completes with the owner's decision.</summary>
    public sealed record Waiting(string PairingCode, Task<EnrolmentDecision> Decision, Action Leave) : EnrolmentRequest;

    /// <summary>Not listed: the owner rejected this device lately, its token is weak, or the list is full.</summary>
    public sealed record Refused(bool TryLater, string Message, string LogDetail) : EnrolmentRequest;
}
