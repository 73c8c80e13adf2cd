using Jarvis.Satellite.Button;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Satellite.Tests.Button;

public sealed class ButtonLogicTests : IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly ButtonLogic button;

    public ButtonLogicTests() =>
        button = new ButtonLogic(time, TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(1));

    [Fact]
    public void Short_press_is_reported_on_release()
    {
        Press(TimeSpan.FromMilliseconds(200));

        Assert.Equal([ButtonGesture.ShortPress], Drain());
    }

    [Fact]
    public void Mute_button_long_press_starts_a_conversation_while_still_held()
    {
        button.OnLevel(true);
        Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(Drain());

        Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal([ButtonGesture.LongPress], Drain());

        Advance(TimeSpan.FromSeconds(2));
        button.OnLevel(false);
        Advance(TimeSpan.FromMilliseconds(50));
        Assert.Empty(Drain());
    }

    [Fact]
    public void Contact_bounce_counts_as_one_press()
    {
        foreach (var level in new[] { true, false, true, false, true })
        {
            button.OnLevel(level);
            Advance(TimeSpan.FromMilliseconds(2));
        }

        Advance(TimeSpan.FromMilliseconds(150));
        foreach (var level in new[] { false, true, false })
        {
            button.OnLevel(level);
            Advance(TimeSpan.FromMilliseconds(3));
        }

        Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal([ButtonGesture.ShortPress], Drain());
    }

    [Fact]
    public void A_glitch_shorter_than_the_debounce_is_ignored()
    {
        button.OnLevel(true);
        Advance(TimeSpan.FromMilliseconds(10));
        button.OnLevel(false);
        Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(Drain());
    }

    [Fact]
    public void Two_short_presses_toggle_twice()
    {
        Press(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromMilliseconds(200));
        Press(TimeSpan.FromMilliseconds(100));

        Assert.Equal([ButtonGesture.ShortPress, ButtonGesture.ShortPress], Drain());
    }

    public void Dispose() => button.Dispose();

    /// <summary>Advances in 5 ms steps (FakeTimeProvider runs a timer scheduled from a callback relative to the end of one Advance).</summary>
    private void Advance(TimeSpan span)
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(5))
        {
            time.Advance(left < TimeSpan.FromMilliseconds(5) ? left : TimeSpan.FromMilliseconds(5));
        }
    }

    private void Press(TimeSpan hold)
    {
        button.OnLevel(true);
        Advance(hold);
        button.OnLevel(false);
        Advance(TimeSpan.FromMilliseconds(50));
    }

    private List<ButtonGesture> Drain()
    {
        var list = new List<ButtonGesture>();
        while (button.Gestures.TryRead(out var g))
        {
            list.Add(g);
        }

        return list;
    }
}
