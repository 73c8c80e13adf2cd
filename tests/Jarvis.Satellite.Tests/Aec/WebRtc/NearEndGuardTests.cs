using Jarvis.Satellite.Aec.WebRtc;

namespace Jarvis.Satellite.Tests.Aec.WebRtc;

public sealed class NearEndGuardTests
{
    [Fact]
    public void Near_end_bands_of_a_near_end_block_get_their_coherence_gain_back_and_the_spectrum_is_rescaled()
    {
        float[] coherence = [0.95f, 0.2f, 0.8f];
        float[] gain = [0.5f, 0.01f, 0.9f];
        float[] re = [1f, 1f, 1f];
        float[] im = [-2f, -2f, -2f];

        var held = NearEndGuard.Apply(0.9f, coherence, gain, re, im);

        Assert.Equal(1, held);
        Assert.Equal([0.95f, 0.01f, 0.9f], gain);
        Assert.Equal(1.9f, re[0], 5);
        Assert.Equal(-3.8f, im[0], 5);
        Assert.Equal([1f, 1f], re[1..]);
    }

    [Fact]
    public void An_echo_block_keeps_the_processors_gains()
    {
        float[] coherence = [0.95f, 0.99f];
        float[] gain = [0.5f, 0.2f];
        float[] re = [1f, 1f];
        float[] im = [1f, 1f];

        Assert.Equal(0, NearEndGuard.Apply(0.3f, coherence, gain, re, im));
        Assert.Equal([0.5f, 0.2f], gain);
        Assert.Equal([1f, 1f], re);
    }
}
