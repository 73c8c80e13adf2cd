using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.Soak;

/// <summary>
/// The fault schedule: every <see cref="SoakOptions.FaultInterval"/> the next kind (in a shuffled order, each in turn) is
/// injected, repaired after its down time, and watched until the server has it back and the household's probe scene works.
/// </summary>
internal sealed class SoakFaults(SoakRun run, SoakOptions options)
{
    public const string PersonaPlex = "personaplex";
    public const string HomeAssistant = "homeassistant";
    public const string Ollama = "ollama";
    public const string Wyoming = "wyoming";
    public const string Broker = "broker";
    public const string NetworkCut = "network-cut";
    public const string SatelliteReboot = "satellite-reboot";
    public const string RealSatelliteReboot = "real-satellite-reboot";
    public const string ServerRestart = "server-restart";

    public static readonly IReadOnlyList<string> Kinds =
        [PersonaPlex, HomeAssistant, Ollama, Wyoming, Broker, NetworkCut, SatelliteReboot, RealSatelliteReboot, ServerRestart];

    private readonly Random _random = new(options.Seed + 7);
    private readonly List<SoakFault> _faults = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<SoakFault> Faults
    {
        get
        {
            lock (_lock)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Kinds injected or not yet recovered now.</summary>
    public IReadOnlyCollection<string> Active()
    {
        lock (_lock)
        {
            return [.. _faults.Where(f => !f.Ended).Select(f => f.Kind)];
        }
    }

    /// <summary>Injects faults until <paramref name="stopInjecting"/>; the fault in progress then still runs to its recovery.</summary>
    public async Task RunAsync(CancellationToken stopInjecting, CancellationToken cancellationToken)
    {
        var kinds = options.FaultKinds.Where(k => k != RealSatelliteReboot || run.Real is not null).ToList();
        var order = new List<string>();
        if (kinds.Count == 0)
        {
            return;
        }

        while (!stopInjecting.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.FaultInterval, stopInjecting);
            }
            catch (OperationCanceledException) when (stopInjecting.IsCancellationRequested)
            {
                return;
            }

            if (order.Count == 0)
            {
                order.AddRange(kinds.OrderBy(_ => _random.Next()));
            }

            var kind = order[0];
            order.RemoveAt(0);
            await InjectAsync(kind, cancellationToken);
        }
    }

    private async Task InjectAsync(string kind, CancellationToken cancellationToken)
    {
        var room = run.Satellites[_random.Next(run.Satellites.Count)].Room;
        var cut = TimeSpan.FromSeconds(1 + (_random.NextDouble() * (options.LongestCut.TotalSeconds - 1)));
        var (detail, probe, probeRoom) = kind switch
        {
            NetworkCut => ($"{room} {cut.TotalSeconds:0.0} s", SoakHousehold.Talk, room),
            SatelliteReboot => (room, SoakHousehold.Talk, room),
            HomeAssistant or ServerRestart or Wyoming => ("", SoakHousehold.Home, null),
            Ollama => ("", SoakHousehold.Deep, null),
            RealSatelliteReboot => (run.Real!.Room, null, null),
            _ => ("", SoakHousehold.Talk, (string?)null),
        };
        var fault = new SoakFault($"{kind}#{_faults.Count + 1}", kind, detail, Stopwatch.GetTimestamp()) { ProbeScene = probe };
        lock (_lock)
        {
            _faults.Add(fault);
        }

        run.Log($"fault {fault.Id} {detail}");
        var injectedUtc = DateTimeOffset.UtcNow;
        var before = await BaselineAsync(cancellationToken);
        var b = run.Backends;
        switch (kind)
        {
            case PersonaPlex:
                var port = b.PersonaPlex.Port;
                await b.PersonaPlex.StopAsync();
                await Task.Delay(options.DownTime, cancellationToken);
                await b.PersonaPlex.StartAsync(port, cancellationToken);
                break;
            case HomeAssistant:
                await b.HomeAssistant.StopAsync();
                await Task.Delay(options.DownTime, cancellationToken);
                await b.HomeAssistant.RestartAsync();
                break;
            case Ollama:
                b.OllamaProxy.Refuse();
                await Task.Delay(options.DownTime, cancellationToken);
                b.OllamaProxy.Restore();
                break;
            case Wyoming:
                foreach (var proxy in b.WyomingProxies)
                {
                    proxy.Refuse();
                }

                await Task.Delay(options.DownTime, cancellationToken);
                foreach (var proxy in b.WyomingProxies)
                {
                    proxy.Restore();
                }

                break;
            case Broker:
                await b.Broker.StopAsync();
                await Task.Delay(options.DownTime, cancellationToken);
                await b.Broker.StartAsync();
                break;
            case NetworkCut:
                await run.ProxyOf(room).CutAsync(cut, cancellationToken);
                break;
            case SatelliteReboot:
                await run.Satellites.First(s => s.Room == room).RebootAsync(options.DownTime, cancellationToken);
                break;
            case RealSatelliteReboot:
                await run.RebootRealSatelliteAsync(options.DownTime, cancellationToken);
                break;
            case ServerRestart:
                await run.RestartServerAsync();
                break;
        }

        fault.RestoredAt = Stopwatch.GetTimestamp();
        if (probe is not null)
        {
            run.Household.Probe(probe, probeRoom, fault.Id);
        }

        var deadline = fault.RestoredAt + (long)(options.RecoveryDeadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (fault.ReadyAt is null && await ReadyAsync(kind, room, injectedUtc, before, cancellationToken))
            {
                fault.ReadyAt = Stopwatch.GetTimestamp();
            }

            if (fault.ReadyAt is not null && (probe is null || run.Household.Attempts.Any(a => a.Probe == fault.Id && a.Completed)))
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        fault.Ended = true;
        run.Log($"fault {fault.Id} over: ready {Seconds(fault.RestoredAt, fault.ReadyAt)}");
    }

    private static string Seconds(long from, long? to) =>
        to is { } t ? Stopwatch.GetElapsedTime(from, t).TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture) : "never";

    /// <summary>The server's reconnect counters before a fault: its part is back when they moved and it is connected.</summary>
    private async Task<(double MqttConnects, double PersonaPlexReconnects)> BaselineAsync(CancellationToken cancellationToken)
    {
        try
        {
            var metrics = await run.MetricsAsync(cancellationToken);
            return (ResourceSampler.Metric(metrics, "jarvis_mqtt_connects"), ResourceSampler.Metric(metrics, "jarvis_personaplex_reconnects{endpoint=\"0\"}"));
        }
        catch (HttpRequestException)
        {
            return (0, 0);
        }
    }

    private async Task<bool> ReadyAsync(string kind, string room, DateTimeOffset injected, (double MqttConnects, double PersonaPlexReconnects) before,
        CancellationToken cancellationToken)
    {
        try
        {
            var metrics = kind is PersonaPlex or Broker ? await run.MetricsAsync(cancellationToken) : "";
            return kind switch
            {
                PersonaPlex => ResourceSampler.Metric(metrics, "jarvis_personaplex_ready{endpoint=\"0\"}") == 1
                    && ResourceSampler.Metric(metrics, "jarvis_personaplex_reconnects{endpoint=\"0\"}") > before.PersonaPlexReconnects,
                Broker => ResourceSampler.Metric(metrics, "jarvis_mqtt_connected") == 1 && ResourceSampler.Metric(metrics, "jarvis_mqtt_connects") > before.MqttConnects,
                HomeAssistant or Ollama => (await run.Server.StatusAsync(cancellationToken))["backends"]?[kind]?["ready"]?.GetValue<bool>() == true,
                NetworkCut or SatelliteReboot => run.Satellites.First(s => s.Room == room).Welcomed,
                RealSatelliteReboot => await RealOnlineAsync(injected, cancellationToken),
                ServerRestart => run.Satellites.All(s => s.Welcomed)
                    && (await run.MetricsAsync(cancellationToken)).Contains("jarvis_personaplex_ready{endpoint=\"0\"} 1", StringComparison.Ordinal),
                _ => true,
            };
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The real satellite's room has a link opened after <paramref name="since"/> (not the dead process's).</summary>
    private async Task<bool> RealOnlineAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var status = await run.Server.StatusAsync(cancellationToken);
        return run.Real is { } real && status["rooms"] is JsonArray rooms && rooms.Any(r => r?["room"]?.GetValue<string>() == real.Room
            && r["satellite"]?["connectedAt"]?.GetValue<DateTimeOffset>() > since);
    }
}
