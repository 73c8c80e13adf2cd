namespace Jarvis.Fuzz;

/// <summary>
/// One parser under fuzzing: given any bytes it must return a value or fail with one of the errors the parser documents.
/// Anything else (a NullReference, IndexOutOfRange, InvalidCast, a run-away allocation) escapes <see cref="Run"/> and
/// afl-fuzz records the input as a crash.
/// </summary>
internal abstract class FuzzTarget
{
    /// <summary>The name used on the command line and for the corpus folder.</summary>
    public abstract string Name { get; }

    /// <summary>What is fuzzed, in one line.</summary>
    public abstract string Description { get; }

    /// <summary>Assemblies (file names) whose code afl-fuzz should see covered.</summary>
    public virtual IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Protocol.dll", "Jarvis.Server.dll"];

    /// <summary>Feeds one input; throws only for a defect.</summary>
    public abstract void Run(ReadOnlySpan<byte> input);

    /// <summary>Valid (and a few broken) inputs taken from the tests' samples.</summary>
    public abstract IEnumerable<(string Name, byte[] Data)> Seeds();
}
