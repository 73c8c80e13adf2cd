using Jarvis.Satellite.Aec.WebRtc;

namespace Jarvis.Satellite.Tests.Aec.WebRtc;

/// <summary>The C API as the library implements it: each AecConfig field is range-checked where our layout puts it.</summary>
public sealed class WebRtcAecNativeTests
{
    [Theory]
    [InlineData(2, 1, 1, 1, true)]
    [InlineData(3, 0, 0, 0, false)]
    [InlineData(0, 2, 0, 0, false)]
    [InlineData(0, 0, 2, 0, false)]
    [InlineData(0, 0, 0, 2, false)]
    public void AecConfig_fields_reach_the_library_where_it_reads_them(short nlp, short skew, short metrics, int delayLogging, bool accepted)
    {
        var aec = SuppressionHook.Create();
        try
        {
            Assert.Equal(0, WebRtcAecNative.WebRtcAec_Init(aec, 16000, 16000));
            var config = new WebRtcAecNative.AecConfig { NlpMode = nlp, SkewMode = skew, MetricsMode = metrics, DelayLogging = delayLogging };

            var result = WebRtcAecNative.WebRtcAec_set_config(aec, config);

            Assert.Equal(accepted ? 0 : -1, result);
            Assert.Equal(accepted ? 0 : 12004, accepted ? 0 : WebRtcAecNative.WebRtcAec_get_error_code(aec));
        }
        finally
        {
            WebRtcAecNative.WebRtcAec_Free(aec);
        }
    }

    [Fact]
    public void The_modes_are_switched_on_the_core()
    {
        var aec = SuppressionHook.Create();
        try
        {
            var core = WebRtcAecNative.WebRtcAec_aec_core(aec);
            WebRtcAecNative.WebRtcAec_enable_delay_agnostic(core, 1);
            WebRtcAecNative.WebRtcAec_enable_extended_filter(core, 1);
            Assert.Equal(0, WebRtcAecNative.WebRtcAec_Init(aec, 16000, 16000));

            Assert.Equal(1, WebRtcAecNative.WebRtcAec_delay_agnostic_enabled(core));
            Assert.Equal(1, WebRtcAecNative.WebRtcAec_extended_filter_enabled(core));
        }
        finally
        {
            WebRtcAecNative.WebRtcAec_Free(aec);
        }
    }
}
