namespace Jarvis.Protocol.Link;

/// <summary>Outcome of adding a WebSocket fragment to a <see cref="LinkFrameAssembler"/>.</summary>
public enum FragmentStatus
{
    /// <summary>The message is not complete yet: receive more.</summary>
    NeedMore,

    /// <summary>The message is complete: read <see cref="LinkFrameAssembler.Message"/>.</summary>
    Complete,

    /// <summary>The message exceeded the limit: close with <see cref="LinkCloseCodes.FrameTooLarge"/>.</summary>
    TooLarge,
}
