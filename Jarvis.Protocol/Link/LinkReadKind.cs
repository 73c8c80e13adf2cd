namespace Jarvis.Protocol.Link;

/// <summary>What <see cref="LinkMessageReader.Read"/> found in a frame.</summary>
public enum LinkReadKind
{
    /// <summary>An audio frame: use <see cref="LinkReadResult.Audio"/> and <see cref="LinkReadResult.Payload"/>.</summary>
    Audio,

    /// <summary>A control message: use <see cref="LinkReadResult.Message"/>.</summary>
    Control,

    /// <summary>A message of a type, codec or direction this version does not know: skip it (it has been counted).</summary>
    Ignored,

    /// <summary>The connection must be closed with <see cref="LinkReadResult.CloseCode"/> and <see cref="LinkReadResult.CloseReason"/>.</summary>
    Fatal,
}
