namespace Jarvis.Protocol.Link.Messages;

/// <summary>Satellite → server, the first message on a connection.</summary>
/// <param name="ProtocolVersion">Must be <see cref="LinkProtocol.Version"/>; another value closes with 4001.</param>
/// <param name="SatelliteId">The satellite's id (<see cref="LinkIds"/>).</param>
/// <param name="Room">The room id the satellite stands in (<see cref="LinkIds"/>).</param>
/// <param name="Token">The satellite's secret token (never logged: <see cref="ToString"/> redacts it).</param>
/// <param name="Capabilities">What the satellite can do.</param>
/// <param name="SoftwareVersion">The satellite's software version, for the status page.</param>
public sealed record HelloMessage(
    int ProtocolVersion,
    string SatelliteId,
    string Room,
    string Token,
    SatelliteCapabilities Capabilities,
    string? SoftwareVersion = null) : LinkMessage
{
    /// <summary>The longest token accepted.</summary>
    public const int MaxTokenLength = 512;

    /// <inheritdoc />
    public override string ToString() =>
        $"HelloMessage {{ ProtocolVersion = {ProtocolVersion}, SatelliteId = {SatelliteId}, Room = {Room}, Token = ***, SoftwareVersion = {SoftwareVersion} }}";

    internal override string? Validate()
    {
        if (!LinkIds.IsValid(SatelliteId))
        {
            return "hello.satellite_id must be 1-64 of a-z 0-9 _ -";
        }

        if (!LinkIds.IsValid(Room))
        {
            return "hello.room must be 1-64 of a-z 0-9 _ -";
        }

        if (!LinkValidation.IsText(Token, MaxTokenLength))
        {
            return "hello.token must be 1-512 printable characters";
        }

        return LinkValidation.IsOptionalText(SoftwareVersion, 64)
            ? Capabilities.Validate()
            : "hello.software_version must be at most 64 printable characters";
    }
}
