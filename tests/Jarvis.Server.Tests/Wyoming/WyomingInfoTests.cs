using System.Text.Json.Nodes;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Wyoming;

public sealed class WyomingInfoTests
{
    [Fact]
    public void Tts_voices_are_read_from_voices_not_models()
    {
        var info = WyomingInfo.Parse(new WyomingEvent("info", JsonNode.Parse("""
            {"tts": [{"name": "piper", "voices": [{"name": "en_GB-alan-medium", "languages": ["en_GB"], "speakers": null}],
                      "supports_synthesize_streaming": true}],
             "asr": [{"name": "faster-whisper", "models": [{"name": "tiny-int8", "languages": ["en", "de"]}]}],
             "wake": [{"name": "openwakeword", "models": [{"name": "hey_jarvis", "languages": [], "phrase": "hey jarvis"}]}],
             "satellite": null}
            """)!.AsObject()));

        Assert.True(info.SupportsSynthesizeStreaming);
        Assert.False(info.SupportsTranscriptStreaming);
        Assert.Equal("en_GB-alan-medium", info.Tts[0].Models[0].Name);
        Assert.Equal(["en", "de"], info.Asr[0].Models[0].Languages);
        Assert.Equal("hey jarvis", info.Wake[0].Models[0].Phrase);
    }
}
