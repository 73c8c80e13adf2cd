namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>How a waiting satellite's request ended.</summary>
public enum EnrolmentDecision
{
    /// <summary>The owner approved it: welcome it on the link it waits on.</summary>
    Approved,

    /// <summary>The owner rejected it: reject + close 4004 (it retries slowly and is refused for Satellites:RejectedFor).</summary>
    Rejected,

    /// <summary>A newer link of the same device took its place: close 4006.</summary>
    Replaced,
}
