using System.Globalization;
using Jarvis.Satellite.Tests.Link;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Bench.Satellite;

/// <summary>
/// <c>-- harness satellite-process [PROGRAM…] [--warmup 60] [--measure 60] [--backends Alsa,PortAudio]</c>: the real <c>jarvis-satellite</c> programs
/// (default: the JIT build of Jarvis.Satellite in the bench's configuration; add e.g. a Native AOT publish) idle-listening at real time on ALSA file
/// devices (silence in, a WAV out) and connected to a link server: start until "Listening", then RSS, anonymous memory,
/// threads and CPU over the measure window after the warm-up, for each audio backend (default: the program's default).
/// Programs run one after the other (name one several times for several starts); the figures are printed
/// side by side with the load average.
/// </summary>
internal static class SatelliteProcessHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var warmup = Option(args, "--warmup", 60);
        var measure = Option(args, "--measure", 60);
        var backendsAt = Array.IndexOf(args, "--backends");
        string?[] backends = backendsAt >= 0 && backendsAt + 1 < args.Length ? args[backendsAt + 1].Split(",") : new string?[] { null };
        var programs = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        if (programs.Count == 0)
        {
            programs.Add(SatelliteProcess.JitProgram);
        }

        // "JIT" names the bench's own build of the program (as the docs' commands write it); anything else is a path.
        programs = programs.Select(p => string.Equals(p, "JIT", StringComparison.OrdinalIgnoreCase) ? SatelliteProcess.JitProgram : p).ToList();
        if (programs.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            Console.Error.WriteLine($"satellite-process: no program at '{missing}' (name a publish's jarvis-satellite, or JIT for the build)");
            return 2;
        }

        using var alsa = new AlsaFileDevices();
        var rows = new List<string>();
        foreach (var backend in backends)
        {
            foreach (var program in programs)
            {
                rows.Add(await MeasureAsync(program, backend, alsa, warmup, measure).ConfigureAwait(false));
            }
        }

        Console.WriteLine($"satellite-process: idle listening, warm-up {warmup} s, measured over {measure} s");
        Console.WriteLine($"{"program",-48} {"backend",-9} {"start→listening",15} {"CPU % core",10} {"RSS MB",7} {"anon MB",8} {"threads",7}  load (1/5/15 min)");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> MeasureAsync(string program, string? backend, AlsaFileDevices alsa, int warmup, int measure)
    {
        await using var server = await TestLinkServer.StartAsync().ConfigureAwait(false);
        var state = Directory.CreateTempSubdirectory("jarvis-bench-").FullName;
        var satellite = SatelliteProcess.Start(program, alsa.AlsaConfigPath,
        [
            "--config", Path.Combine(state, "none.json"), $"--Satellite:StateDirectory={state}",
            $"--Satellite:Link:ServerUrl={server.Uri}", "--Satellite:Link:SatelliteId=bench", "--Satellite:Link:Room=bench",
            "--Satellite:Link:Token=secret-token", "--Satellite:Audio:InputDevice=jarvis_in", "--Satellite:Audio:OutputDevice=jarvis_out",
            "--Satellite:Audio:Pace=true", .. backend is null ? Array.Empty<string>() : [$"--Satellite:Audio:Backend={backend}"],
        ]);
        await using (satellite.ConfigureAwait(false))
        {
            await Task.Delay(TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
            var before = ProcStat.Read(satellite.Id);
            await Task.Delay(TimeSpan.FromSeconds(measure)).ConfigureAwait(false);
            var after = ProcStat.Read(satellite.Id);
            var load = File.ReadAllText("/proc/loadavg").Split(' ');
            await satellite.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            Directory.Delete(state, recursive: true);
            var cpu = 100.0 * (after.CpuSeconds - before.CpuSeconds) / (after.Seconds - before.Seconds);
            return string.Create(CultureInfo.InvariantCulture,
                $"{Shorten(program),-48} {backend ?? "default",-9} {satellite.ListeningAfter?.TotalMilliseconds,12:0} ms {cpu,10:0.00} {after.RssMb,7:0.0} {after.AnonMb,8:0.0} {after.Threads,7}  {load[0]} {load[1]} {load[2]}");
        }
    }

    private static string Shorten(string program) => program.Length <= 48 ? program : "…" + program[^47..];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
