namespace Jarvis.Server.Rooms;

/// <summary>The house's activity (<see cref="IHouseActivity"/>), fed by the same calls that drive the decisions.</summary>
public sealed partial class ConversationCoordinator : IHouseActivity
{
    private DateTimeOffset _lastActivity = DateTimeOffset.MinValue;

    public TimeSpan QuietFor()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (IsBusy())
            {
                _lastActivity = now;
            }

            return _lastActivity == DateTimeOffset.MinValue ? TimeSpan.MaxValue : now - _lastActivity;
        }
    }

    /// <summary>Something happened in the house (a wake, voice, a conversation ending): the quiet time starts again.</summary>
    private void MarkActive(DateTimeOffset now) => _lastActivity = now;

    private bool IsBusy()
    {
        if (_round is not null || Array.Exists(_slots, c => c is not null))
        {
            return true;
        }

        foreach (var room in _rooms.Values)
        {
            if (room.Speaking)
            {
                return true;
            }
        }

        return false;
    }
}
