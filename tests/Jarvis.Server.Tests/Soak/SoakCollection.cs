namespace Jarvis.Server.Tests.Soak;

/// <summary>The soak runs alone: it starts the server, a satellite and mosquitto as processes and kills them on a schedule.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
