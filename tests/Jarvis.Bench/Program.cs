using BenchmarkDotNet.Running;

namespace Jarvis.Bench;

public static class BenchProgram
{
    /// <summary>
    /// <c>dotnet run -c Release --project tests/Jarvis.Bench -- --filter '*Opus*'</c> runs BenchmarkDotNet kernels;
    /// <c>-- harness NAME</c> runs an end-to-end latency harness.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Harnesses.TryRun(args, out var code))
        {
            return code;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
