namespace Jarvis.Server.Tests.Rig;

/// <summary>The real-time rig's scenarios run one at a time and alone: they measure at real time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RigCollection
{
    public const string Name = "Real-time rig";
}
