using SharpFuzz;

namespace Jarvis.Fuzz;

/// <summary>
/// <c>jarvis-fuzz</c>: coverage-guided fuzzing of the parsers with SharpFuzz and afl-fuzz (see docs/fuzzing.md and run.sh).
/// </summary>
internal static class FuzzProgram
{
    private const string Usage = """
        usage: jarvis-fuzz list                      the targets
               jarvis-fuzz seed DIR [TARGET...]      write seed corpora to DIR/TARGET/
               jarvis-fuzz assemblies TARGET         the assemblies run.sh instruments for TARGET
               jarvis-fuzz run TARGET                the afl-fuzz entry point (reads one input from stdin without afl)
               jarvis-fuzz replay TARGET PATH...     run files (or every file in folders); exit 1 on a crash
        """;

    public static int Main(string[] args)
    {
        var target = args.Length > 1 ? FuzzTargets.Find(args[1]) : null;
        switch (args)
        {
            case ["list"]:
                foreach (var t in FuzzTargets.All)
                {
                    Console.WriteLine($"{t.Name,-14}{t.Description}");
                }

                return 0;
            case ["seed", var dir, .. var names]:
                return Seed(dir, names);
            case ["assemblies", _] when target is not null:
                Console.WriteLine(string.Join(' ', target.InstrumentedAssemblies));
                return 0;
            case ["run", _] when target is not null:
                Fuzzer.Run(stream => AllocationGuard.Run(target, ReadAll(stream)));
                return 0;
            case ["replay", _, .. var paths] when target is not null && paths.Length > 0:
                return Replay(target, paths);
            default:
                Console.Error.WriteLine(target is null && args.Length > 1 ? $"unknown target '{args[1]}'\n{Usage}" : Usage);
                return 2;
        }
    }

    private static int Seed(string dir, string[] names)
    {
        foreach (var target in names.Length == 0 ? FuzzTargets.All : names.Select(n => FuzzTargets.Find(n) ?? throw new ArgumentException($"unknown target '{n}'")))
        {
            var folder = Directory.CreateDirectory(Path.Combine(dir, target.Name)).FullName;
            var count = 0;
            foreach (var (name, data) in target.Seeds())
            {
                File.WriteAllBytes(Path.Combine(folder, name), data);
                count++;
            }

            Console.WriteLine($"{target.Name}: {count} seeds in {folder}");
        }

        return 0;
    }

    private static int Replay(FuzzTarget target, string[] paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        var crashes = 0;
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            try
            {
                AllocationGuard.Run(target, input);
            }
            catch (Exception ex)
            {
                crashes++;
                Console.WriteLine($"CRASH {file} ({input.Length} bytes, base64 {Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 512)))}):");
                Console.WriteLine(ex);
            }
        }

        Console.WriteLine($"{target.Name}: {files.Count} inputs replayed, {crashes} crashed");
        return crashes == 0 ? 0 : 1;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
