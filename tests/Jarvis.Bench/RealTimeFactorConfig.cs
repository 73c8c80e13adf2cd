using BenchmarkDotNet.Configs;

namespace Jarvis.Bench;

/// <summary>Adds the <see cref="RealTimeFactorColumn"/> to a benchmark class (<c>[Config(typeof(RealTimeFactorConfig))]</c>).</summary>
public sealed class RealTimeFactorConfig : ManualConfig
{
    public RealTimeFactorConfig()
    {
        AddColumn(new RealTimeFactorColumn());
    }
}
