namespace Jarvis.Satellite.Tests.Support;

/// <summary>Waits for a condition with a deadline, polling (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string because, int pollMilliseconds = 20)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {because}");
            }

            await Task.Delay(pollMilliseconds);
        }
    }
}
