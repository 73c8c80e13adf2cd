using System.Security.Cryptography;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>
/// Who may connect: the satellites of <c>Satellites:Devices</c> and those the owner approved (token hashes in
/// <c>satellites.json</c>), plus the bounded list of satellites waiting for approval. One lock; the owner's actions
/// complete the waiting links' decisions, so an approved satellite is admitted on the link it is waiting on.
/// </summary>
public sealed partial class SatelliteEnrolment(
    IOptions<SatellitesOptions> options, ApprovedSatelliteStore store, TimeProvider time, ILogger<SatelliteEnrolment> logger)
{
    private readonly SatellitesOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Request> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string TokenSha256, DateTimeOffset Until)> _rejected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private Dictionary<string, ApprovedSatellite>? _approved;

    private Dictionary<string, ApprovedSatellite> Approved => _approved ??= store.Load();

    /// <summary>True when the id is enrolled and the token is its token; the comparison time does not depend on the token.</summary>
    public bool IsValid(string satelliteId, string token)
    {
        var presented = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
        byte[] expected;
        lock (_gate)
        {
            expected = _options.Devices.TryGetValue(satelliteId, out var configured)
                ? SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configured.Token))
                : Approved.TryGetValue(satelliteId, out var approved) ? Convert.FromHexString(approved.TokenSha256) : new byte[32];
        }

        var known = IsEnrolled(satelliteId);
        return CryptographicOperations.FixedTimeEquals(expected, presented) && known;
    }

    public bool IsEnrolled(string satelliteId)
    {
        lock (_gate)
        {
            return _options.Devices.ContainsKey(satelliteId) || Approved.ContainsKey(satelliteId);
        }
    }

    /// <summary>The room of an enrolled satellite (the id when it has none).</summary>
    public string RoomOf(string satelliteId)
    {
        lock (_gate)
        {
            return _options.Devices.ContainsKey(satelliteId) ? _options.RoomOf(satelliteId)
                : Approved.TryGetValue(satelliteId, out var approved) ? approved.Room : satelliteId;
        }
    }

    public IReadOnlyList<EnrolledSatellite> Enrolled()
    {
        lock (_gate)
        {
            var configured = _options.Devices.Keys.Select(id =>
                new EnrolledSatellite(id, _options.RoomOf(id), null, EnrolmentSource.Configuration, LastSeen(id)));
            var approved = Approved.Where(a => !_options.Devices.ContainsKey(a.Key)).Select(a =>
                new EnrolledSatellite(a.Key, a.Value.Room, a.Value.Name, EnrolmentSource.Approved, LastSeen(a.Key)));
            return configured.Concat(approved).OrderBy(s => s.Room, StringComparer.Ordinal).ToArray();
        }
    }

    public IReadOnlyList<PendingSatellite> Pending()
    {
        lock (_gate)
        {
            return _pending.Values.OrderBy(p => p.FirstSeen).Select(p => p.Snapshot()).ToArray();
        }
    }

    private DateTimeOffset? LastSeen(string satelliteId) => _lastSeen.TryGetValue(satelliteId, out var seen) ? seen : null;

    /// <summary>Notes that an enrolled satellite's link ended now ("last seen" of an offline room).</summary>
    public void Seen(string satelliteId)
    {
        lock (_gate)
        {
            _lastSeen[satelliteId] = time.GetUtcNow();
        }
    }

    /// <summary>A satellite that is not admitted asks to join: listed as pending, or refused with what to do.</summary>
    public EnrolmentRequest Ask(HelloMessage hello, string remote)
    {
        if (Security.TokenStrength.Problem(hello.Token) is { } weak)
        {
            return new EnrolmentRequest.Refused(false,
                $"The server refuses this satellite's token ({weak}): remove Satellite:Link:Token from the satellite's jarvis.json so that it generates a strong one, or set one from `openssl rand -hex 32`; a satellite configured by hand must match Satellites:Devices in the server's jarvis.json.",
                $"weak token ({weak})");
        }

        var hash = LinkPairing.HashOf(hello.Token);
        var now = time.GetUtcNow();
        var address = remote[..Math.Max(0, remote.LastIndexOf(':'))];
        lock (_gate)
        {
            if (_rejected.TryGetValue(hello.SatelliteId, out var rejected) && rejected.TokenSha256 == hash && rejected.Until > now)
            {
                return new EnrolmentRequest.Refused(false,
                    "The owner rejected this satellite on the server's status page; it may ask again later.", "rejected by the owner");
            }

            if (_pending.TryGetValue(hello.SatelliteId, out var existing) && existing.TokenSha256 != hash && existing.Waiter is not null)
            {
                return new EnrolmentRequest.Refused(true,
                    $"Another device is waiting for approval with the id '{hello.SatelliteId}': give each satellite its own Satellite:Link:SatelliteId.",
                    "another device with this id is waiting");
            }

            if (existing is null)
            {
                Expire(now);
                var fromAddress = _pending.Values.Count(p => p.Address == address);
                if (_pending.Count >= _options.MaxPendingRequests || fromAddress >= Math.Max(1, _options.MaxPendingRequests / 4))
                {
                    LogFull(hello.SatelliteId, remote, _pending.Count);
                    return new EnrolmentRequest.Refused(true,
                        "Too many satellites are waiting for approval: approve or reject them on the server's status page.", "the pending list is full");
                }
            }

            var request = existing is not null && existing.TokenSha256 == hash ? existing : new Request(hello.SatelliteId, hash, now);
            request.Room = hello.Room;
            request.Remote = remote;
            request.Address = address;
            request.LastSeen = now;
            request.Waiter?.TrySetResult(EnrolmentDecision.Replaced); // an older link of the same device
            var waiter = new TaskCompletionSource<EnrolmentDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
            request.Waiter = waiter;
            if (existing is null || !ReferenceEquals(existing, request))
            {
                _pending[hello.SatelliteId] = request;
                LogPending(hello.SatelliteId, hello.Room, remote, request.PairingCode);
            }

            return new EnrolmentRequest.Waiting(request.PairingCode, waiter.Task, () => Leave(request, waiter));
        }
    }
}
