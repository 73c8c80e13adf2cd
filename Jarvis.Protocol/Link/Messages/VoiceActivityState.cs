using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>Start or end of speech detected by the satellite's VAD.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<VoiceActivityState>))]
public enum VoiceActivityState
{
    /// <summary>Speech began (after pre-roll).</summary>
    Start,

    /// <summary>Speech ended (after hang-over).</summary>
    Stop,
}
