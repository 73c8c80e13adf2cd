namespace Jarvis.Server.Satellites;

/// <summary>
/// Stops two devices with one satellite id (a cloned SD card) from taking the link from each other forever: an id
/// replaced more than <see cref="MaxReplacements"/> times within <see cref="Window"/> is reported (log, status page)
/// and newcomers with it are refused for <see cref="Backoff"/> while a device with that id is connected.
/// </summary>
public sealed partial class SatelliteIdGuard(TimeProvider time, ILogger<SatelliteIdGuard> logger)
{
    public const int MaxReplacements = 3;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Backoff = TimeSpan.FromMinutes(2);

    /// <summary>How long the status page keeps reporting a shared id after its last conflict.</summary>
    public static readonly TimeSpan ReportFor = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _replacements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastConflict = new(StringComparer.Ordinal);

    /// <summary>Whether a newly authenticated device may take the id; false while the id is backing off and a device holds it.</summary>
    public bool MayConnect(string id, bool heldByAnother, string remote)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!heldByAnother || !_blockedUntil.TryGetValue(id, out var until) || now >= until)
            {
                return true;
            }

            _lastConflict[id] = now;
            LogRefused(id, remote, until);
            return false;
        }
    }

    /// <summary>Records that a connection with this id replaced an older one.</summary>
    public void Replaced(string id)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_replacements.TryGetValue(id, out var recent))
            {
                _replacements[id] = recent = new Queue<DateTimeOffset>();
            }

            recent.Enqueue(now);
            while (recent.Count > 0 && now - recent.Peek() > Window)
            {
                recent.Dequeue();
            }

            if (recent.Count > MaxReplacements)
            {
                _blockedUntil[id] = now + Backoff;
                _lastConflict[id] = now;
                LogShared(id, recent.Count, (int)Window.TotalSeconds, (int)Backoff.TotalSeconds);
                recent.Clear();
            }
        }
    }

    /// <summary>What the status page reports ("two devices share the id kitchen-pi").</summary>
    public IReadOnlyList<string> Warnings()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return [.. _lastConflict.Where(c => now - c.Value < ReportFor).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => $"two devices share the id {c.Key}: give each satellite its own Satellite:Link:SatelliteId (a cloned SD card keeps the id)")];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Two devices share the id {Satellite}: it was replaced {Count} times in {Window} s. Newcomers with this id are refused for {Backoff} s; give each satellite its own Satellite:Link:SatelliteId (a cloned SD card keeps the id).")]
    private partial void LogShared(string satellite, int count, int window, int backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a second device with the id {Satellite} from {Remote} until {Until:O}: two devices share the id {Satellite}")]
    private partial void LogRefused(string satellite, string remote, DateTimeOffset until);
}
