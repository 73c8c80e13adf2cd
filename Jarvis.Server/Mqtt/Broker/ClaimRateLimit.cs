namespace Jarvis.Server.Mqtt.Broker;

/// <summary>A token bucket on a <see cref="TimeProvider"/>: <c>perSecond</c> tokens a second, bursts up to twice that.</summary>
internal sealed class ClaimRateLimit(int perSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly double _capacity = Math.Max(1, perSecond * 2);
    private double _tokens = Math.Max(1, perSecond * 2);
    private long _last = time.GetTimestamp();

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
