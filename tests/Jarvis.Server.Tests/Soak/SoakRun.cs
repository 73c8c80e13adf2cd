using System.Diagnostics;
using System.Globalization;
using System.Net;
using Jarvis.Rig.Faults;
using Jarvis.Rig.Processes;

namespace Jarvis.Server.Tests.Soak;

/// <summary>
/// The accelerated soak (issue 15 item 1): the real server process with the emulated backends, simulated satellites and one
/// real <c>jarvis-satellite</c>, each satellite behind its own <see cref="FaultProxy"/>; the household and the fault schedule
/// run for <see cref="SoakOptions.Duration"/>, the server's resources are sampled; the result is a <see cref="SoakReport"/>.
/// </summary>
public sealed class SoakRun : IAsyncDisposable
{
    private const string RealRoom = "porch";
    private readonly SoakOptions _options;
    private readonly TextWriter _log;
    private readonly Dictionary<string, FaultProxy> _proxies = new(StringComparer.Ordinal);
    private readonly List<string> _serverLines = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly SemaphoreSlim _restart = new(1, 1);
    private int _crashes;
    private int _restarts;

    private SoakRun(SoakOptions options, TextWriter log, SoakBackends backends)
    {
        _options = options;
        _log = log;
        Backends = backends;
    }

    internal SoakBackends Backends { get; }

    internal RigServer Server { get; private set; } = null!;

    internal List<SoakSatellite> Satellites { get; } = [];

    internal RigSatellite? Real { get; private set; }

    internal SoakHousehold Household { get; private set; } = null!;

    internal ResourceSampler Sampler { get; private set; } = null!;

    public static async Task<SoakReport> RunAsync(SoakOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await using var run = new SoakRun(options, log, await SoakBackends.StartAsync());
        return await run.RunAsync(cancellationToken);
    }

    internal FaultProxy ProxyOf(string room) => _proxies[room];

    internal void Log(string line)
    {
        lock (_log)
        {
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(_started).TotalSeconds,7:0.0}] {line}"));
        }
    }

    internal async Task<string> MetricsAsync(CancellationToken cancellationToken) =>
        await Server.Api.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);

    internal async Task RestartServerAsync()
    {
        await _restart.WaitAsync();
        try
        {
            KeepLines();
            await Server.RestartAsync();
            Interlocked.Increment(ref _restarts);
        }
        finally
        {
            _restart.Release();
        }

        await Server.WaitUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
    }

    internal async Task RebootRealSatelliteAsync(TimeSpan downFor, CancellationToken cancellationToken)
    {
        if (Real is { } real)
        {
            await real.DisposeAsync();
            Real = null;
            await Task.Delay(downFor, cancellationToken);
            Real = StartReal();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var satellite in Satellites)
        {
            await satellite.DisposeAsync();
        }

        if (Real is { } real)
        {
            await real.DisposeAsync();
        }

        if (Server is { } server)
        {
            await server.DisposeAsync();
        }

        foreach (var proxy in _proxies.Values)
        {
            await proxy.DisposeAsync();
        }

        await Backends.DisposeAsync();
        _restart.Dispose();
    }

    private async Task<SoakReport> RunAsync(CancellationToken cancellationToken)
    {
        var rooms = Enumerable.Range(0, _options.Rooms).Select(i => $"room{i + 1}").ToList();
        var all = _options.RealSatellite ? [.. rooms, RealRoom] : rooms;
        var settings = Backends.Settings();
        settings["Rooms:WakeMode"] = "WakeWord";
        settings["Rooms:QuietPeriod"] = _options.QuietPeriod.ToString("c", CultureInfo.InvariantCulture);
        settings["Conversation:Mode"] = "Duplex";
        settings["Ollama:WarmUpOnStart"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:Console:FormatterName"] = "simple";
        settings["Logging:Console:FormatterOptions:SingleLine"] = "true";
        Server = RigServer.Start(all, settings);
        await Server.WaitUpAsync(TimeSpan.FromSeconds(90), cancellationToken);
        foreach (var room in all)
        {
            _proxies[room] = new FaultProxy(new IPEndPoint(IPAddress.Loopback, Server.BaseUri.Port), seed: _options.Seed + room.Length)
            {
                Latency = _options.NetworkLatency,
                Jitter = _options.NetworkJitter,
                StallProbability = _options.StallProbability,
            }.Start();
        }

        foreach (var room in rooms)
        {
            var proxy = _proxies[room];
            var satellite = new SoakSatellite(room, RigServer.TokenOf(room), () => new Uri($"ws://127.0.0.1:{proxy.Port}/link/v1"));
            satellite.Start();
            Satellites.Add(satellite);
        }

        if (_options.RealSatellite)
        {
            Real = StartReal();
        }

        if (!await SoakSatellite.WaitAsync(() => Satellites.All(s => s.Welcomed), TimeSpan.FromSeconds(60), cancellationToken))
        {
            throw new TimeoutException($"the simulated satellites were not welcomed:{Environment.NewLine}{string.Join(Environment.NewLine, Server.Process.Lines.TakeLast(30))}");
        }

        Household = new SoakHousehold(Backends, () => Server, Satellites, _options);
        var faults = new SoakFaults(this, _options);
        Household.ActiveFaults = faults.Active;
        Household.Log = Log;
        Sampler = new ResourceSampler(() => Server, _options.SampleEvery);
        Log($"soak: {_options.Duration.TotalMinutes:0.#} min at rate {_options.Rate:0.#}, {rooms.Count} simulated rooms{(Real is null ? "" : " + 1 real satellite")}, a fault every {_options.FaultInterval.TotalSeconds:0} s");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopInjecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopInjecting.CancelAfter(_options.Duration);
        var faulting = faults.RunAsync(stopInjecting.Token, stop.Token);
        var tasks = new[]
        {
            Household.RunAsync(stop.Token),
            faulting,
            Sampler.RunAsync(stop.Token),
            WatchServerAsync(stop.Token),
        };

        // The run ends at its duration, after the fault in progress has recovered (or its recovery deadline passed).
        await Task.WhenAny(faulting, Task.WhenAll(tasks));
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        foreach (var task in tasks.Where(t => t.IsFaulted))
        {
            Log($"a soak loop failed: {task.Exception}");
        }

        await Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None);
        KeepLines();
        return new SoakReport(_options, Household.Attempts, faults.Faults, Backends.HomeAssistant.Home.CallTimestamps.ToArray(),
            Sampler.Samples, _serverLines, Volatile.Read(ref _crashes), Volatile.Read(ref _restarts), Stopwatch.GetElapsedTime(_started));
    }

    private RigSatellite StartReal() =>
        RigSatellite.Start(new Uri($"ws://127.0.0.1:{_proxies[RealRoom].Port}/link/v1"), RealRoom, RigServer.TokenOf(RealRoom));

    /// <summary>A server that exits without being asked is a crash: it is counted, its last lines kept, and it is started again.</summary>
    private async Task WatchServerAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(1000, cancellationToken);
            await _restart.WaitAsync(cancellationToken);
            try
            {
                if (!Server.Process.HasExited)
                {
                    continue;
                }

                Interlocked.Increment(ref _crashes);
                Log($"server crashed:{Environment.NewLine}{string.Join(Environment.NewLine, Server.Process.Lines.TakeLast(30))}");
                KeepLines();
                await Server.RestartAsync();
            }
            finally
            {
                _restart.Release();
            }
        }
    }

    private void KeepLines()
    {
        lock (_serverLines)
        {
            _serverLines.AddRange(Server.Process.Lines);
        }
    }
}
