namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>The pending list's entries, their expiry and the log messages.</summary>
public sealed partial class SatelliteEnrolment
{
    /// <summary>A request is forgotten a day after its last attempt when no link waits on it.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private void Leave(Request request, TaskCompletionSource<EnrolmentDecision> waiter)
    {
        lock (_gate)
        {
            if (ReferenceEquals(request.Waiter, waiter))
            {
                request.Waiter = null;
                request.LastSeen = time.GetUtcNow();
            }
        }
    }

    private void Expire(DateTimeOffset now)
    {
        foreach (var stale in _pending.Values.Where(p => p.Waiter is null && now - p.LastSeen > ForgetAfter).ToArray())
        {
            _pending.Remove(stale.Id);
        }

        if (_pending.Count >= _options.MaxPendingRequests && _pending.Values.Where(p => p.Waiter is null).MinBy(p => p.LastSeen) is { } oldest)
        {
            _pending.Remove(oldest.Id); // a device that is not connected makes room; it is listed again when it retries
        }

        foreach (var done in _rejected.Where(r => r.Value.Until <= now).Select(r => r.Key).ToArray())
        {
            _rejected.Remove(done);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New satellite {Id} wants to join room {Room} from {Remote} (pairing code {Code}): approve or reject it on the status page")]
    private partial void LogPending(string id, string room, string remote, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Satellite {Id} from {Remote} cannot ask to join: {Count} satellites are already waiting for approval")]
    private partial void LogFull(string id, string remote, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Satellite {Id} approved for room {Room}")]
    private partial void LogApproved(string id, string room);

    [LoggerMessage(Level = LogLevel.Information, Message = "Satellite {Id} rejected by the owner")]
    private partial void LogRejected(string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Satellite {Id} removed by the owner")]
    private partial void LogRemoved(string id);

    private sealed class Request(string id, string tokenSha256, DateTimeOffset firstSeen)
    {
        public string Id { get; } = id;

        public string TokenSha256 { get; } = tokenSha256;

        public string PairingCode { get; } = tokenSha256[..6].ToUpperInvariant();

        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public DateTimeOffset LastSeen { get; set; } = firstSeen;

        public string Room { get; set; } = "";

        public string Remote { get; set; } = "";

        public string Address { get; set; } = "";

        public TaskCompletionSource<EnrolmentDecision>? Waiter { get; set; }

        public PendingSatellite Snapshot() => new(Id, Room, Remote, FirstSeen, LastSeen, PairingCode, Waiter is not null);
    }
}
