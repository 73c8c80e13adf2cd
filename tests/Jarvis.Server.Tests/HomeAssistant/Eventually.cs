namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>Waits for a condition with a deadline, polling every 15 ms (no fixed sleeps in tests).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"condition not met within {(timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds:0} s{(because is null ? "" : ": " + because)}");
            }

            await Task.Delay(15);
        }
    }
}
