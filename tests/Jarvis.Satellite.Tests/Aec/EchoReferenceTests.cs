using Jarvis.Satellite.Aec;

namespace Jarvis.Satellite.Tests.Aec;

public sealed class EchoReferenceTests
{
    [Fact]
    public void Played_frames_come_back_after_the_configured_delay()
    {
        var reference = new EchoReference(16000, delayMilliseconds: 20);
        var played = Enumerable.Range(1, 320).Select(i => (short)i).ToArray();
        var taken = new short[320];

        reference.Played(played);
        reference.Take(taken);
        Assert.All(taken, s => Assert.Equal(0, s));

        reference.Played(new short[320]);
        reference.Take(taken);
        Assert.Equal(played, taken);
    }

    [Fact]
    public void Nothing_played_gives_silence()
    {
        var reference = new EchoReference(16000, 0);
        var taken = Enumerable.Repeat((short)5, 320).ToArray();

        reference.Take(taken);

        Assert.All(taken, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Overflow_drops_the_oldest_samples()
    {
        var reference = new EchoReference(16000, 0, capacityMilliseconds: 40);
        for (short i = 1; i <= 3; i++)
        {
            reference.Played(Enumerable.Repeat(i, 320).ToArray());
        }

        var taken = new short[320];
        reference.Take(taken);

        Assert.Equal(320, reference.DroppedSamples);
        Assert.All(taken, s => Assert.Equal(2, s));
    }
}
