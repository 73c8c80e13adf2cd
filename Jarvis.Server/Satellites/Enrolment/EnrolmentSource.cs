namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>Where a satellite's enrolment is kept, which decides whether the API may change it.</summary>
public enum EnrolmentSource
{
    /// <summary><c>Satellites:Devices</c> in jarvis.json: changed by editing the file.</summary>
    Configuration,

    /// <summary>Approved through the API or the status page: kept (token hash) in the state directory's <c>satellites.json</c>.</summary>
    Approved,
}
