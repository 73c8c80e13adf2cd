namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// Marker options whose validation (<see cref="ConfigurationCheckValidator"/>, at start with every other options
/// validation) reports unknown keys and values of the wrong form, so that all problems are listed together.
/// </summary>
public sealed class ConfigurationCheck
{
}
