namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>
/// <c>DuplexSessionManager.open</c>'s admission: open + closing + admitting sessions may not reach <c>max_sessions</c>;
/// a closing session holds its place until its cleanup is done.
/// </summary>
public sealed class Admission
{
    private readonly Func<int> _limit;
    private readonly Lock _gate = new();
    private int _held;

    public Admission(Func<int> limit)
    {
        _limit = limit;
    }

    /// <summary>Sessions holding a place now.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    public bool TryAdmit()
    {
        lock (_gate)
        {
            if (_held >= _limit())
            {
                return false;
            }

            _held++;
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _held--;
        }
    }
}
