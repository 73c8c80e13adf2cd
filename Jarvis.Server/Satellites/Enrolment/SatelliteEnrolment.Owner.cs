using Jarvis.Protocol.Link;

namespace Jarvis.Server.Satellites.Enrolment;

/// <summary>The owner's actions: approve, reject, move, rename, remove.</summary>
public sealed partial class SatelliteEnrolment
{
    /// <summary>Approves a pending satellite (into <paramref name="room"/>, default the room it asked for) and admits it.</summary>
    public EnrolmentResult Approve(string satelliteId, string? room, string? name, string? pairingCode) => Announce(ApproveLocked(satelliteId, room, name, pairingCode));

    private EnrolmentResult ApproveLocked(string satelliteId, string? room, string? name, string? pairingCode)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(satelliteId, out var request))
            {
                return new EnrolmentResult.NotFound($"No satellite '{satelliteId}' is waiting for approval.");
            }

            if (pairingCode is { Length: > 0 } && !string.Equals(pairingCode, request.PairingCode, StringComparison.OrdinalIgnoreCase))
            {
                return new EnrolmentResult.Conflict($"The waiting '{satelliteId}' shows the pairing code {request.PairingCode}, not {pairingCode}: it is another device.");
            }

            if (_options.Devices.ContainsKey(satelliteId))
            {
                return new EnrolmentResult.Conflict($"'{satelliteId}' is configured in the server's jarvis.json (Satellites:Devices) with another token: fix the token there.");
            }

            var target = room ?? request.Room;
            if (CheckRoom(satelliteId, target) is { } problem)
            {
                return problem;
            }

            if (name is not null && !IsName(name))
            {
                return new EnrolmentResult.Invalid("A name is 1-64 printable characters.");
            }

            Approved[satelliteId] = new ApprovedSatellite(target, name, request.TokenSha256, time.GetUtcNow());
            store.Save(Approved);
            _pending.Remove(satelliteId);
            _rejected.Remove(satelliteId);
            request.Waiter?.TrySetResult(EnrolmentDecision.Approved);
            LogApproved(satelliteId, target);
            return new EnrolmentResult.Done(Snapshot(satelliteId));
        }
    }

    /// <summary>Rejects a pending satellite: its link gets reject + 4004 and it is refused for Satellites:RejectedFor.</summary>
    public EnrolmentResult Reject(string satelliteId)
    {
        lock (_gate)
        {
            if (!_pending.Remove(satelliteId, out var request))
            {
                return new EnrolmentResult.NotFound($"No satellite '{satelliteId}' is waiting for approval.");
            }

            if (_rejected.Count >= 4 * _options.MaxPendingRequests)
            {
                _rejected.Remove(_rejected.MinBy(r => r.Value.Until).Key);
            }

            _rejected[satelliteId] = (request.TokenSha256, time.GetUtcNow() + _options.RejectedFor);
            request.Waiter?.TrySetResult(EnrolmentDecision.Rejected);
            LogRejected(satelliteId);
            return new EnrolmentResult.Done(null);
        }
    }

    /// <summary>Renames or moves an approved satellite (the caller closes its link so that it reconnects into the new room).</summary>
    public EnrolmentResult Update(string satelliteId, string? room, string? name) => Announce(UpdateLocked(satelliteId, room, name));

    private EnrolmentResult UpdateLocked(string satelliteId, string? room, string? name)
    {
        lock (_gate)
        {
            if (Editable(satelliteId) is { } refusal)
            {
                return refusal;
            }

            var current = Approved[satelliteId];
            if (room is not null && room != current.Room && CheckRoom(satelliteId, room) is { } problem)
            {
                return problem;
            }

            if (name is not null && name.Length > 0 && !IsName(name))
            {
                return new EnrolmentResult.Invalid("A name is 1-64 printable characters.");
            }

            Approved[satelliteId] = current with { Room = room ?? current.Room, Name = name is null ? current.Name : name.Length == 0 ? null : name };
            store.Save(Approved);
            return new EnrolmentResult.Done(Snapshot(satelliteId));
        }
    }

    /// <summary>Removes an approved satellite (the caller closes its link; it may ask to join again).</summary>
    public EnrolmentResult Remove(string satelliteId) => Announce(RemoveLocked(satelliteId));

    private EnrolmentResult RemoveLocked(string satelliteId)
    {
        lock (_gate)
        {
            if (Editable(satelliteId) is { } refusal)
            {
                return refusal;
            }

            Approved.Remove(satelliteId);
            store.Save(Approved);
            LogRemoved(satelliteId);
            return new EnrolmentResult.Done(null);
        }
    }

    /// <summary>
    /// Raised after an approval, a move/rename or a removal changed the enrolled satellites (outside the lock, on the caller's
    /// thread): the MQTT bridge publishes or withdraws their Home Assistant entities.
    /// </summary>
    public event Action? Changed;

    private EnrolmentResult Announce(EnrolmentResult result)
    {
        if (result is EnrolmentResult.Done)
        {
            Changed?.Invoke();
        }

        return result;
    }

    private EnrolmentResult? Editable(string satelliteId) =>
        _options.Devices.ContainsKey(satelliteId)
            ? new EnrolmentResult.Conflict($"'{satelliteId}' is configured in the server's jarvis.json (Satellites:Devices): change it there.")
            : Approved.ContainsKey(satelliteId) ? null : new EnrolmentResult.NotFound($"No satellite '{satelliteId}' is enrolled.");

    private EnrolmentResult? CheckRoom(string satelliteId, string room)
    {
        if (!LinkIds.IsValid(room))
        {
            return new EnrolmentResult.Invalid($"Room '{room}' must be 1-64 of a-z 0-9 _ - (for example living_room).");
        }

        var holder = _options.Devices.Keys.FirstOrDefault(id => id != satelliteId && _options.RoomOf(id) == room)
            ?? Approved.FirstOrDefault(a => a.Key != satelliteId && a.Value.Room == room).Key;
        return holder is null ? null : new EnrolmentResult.Conflict($"Room '{room}' is served by '{holder}': choose another room or remove '{holder}' first.");
    }

    private static bool IsName(string name) => name.Length is >= 1 and <= 64 && !name.Any(char.IsControl);

    private EnrolledSatellite Snapshot(string satelliteId) =>
        new(satelliteId, Approved[satelliteId].Room, Approved[satelliteId].Name, EnrolmentSource.Approved, LastSeen(satelliteId));
}
