namespace Jarvis.Server.Routing.Features;

/// <summary>Where a cue phrase must occur: anywhere, at the start of the request (after politeness/prefix words), or as the whole request.</summary>
internal enum CueScope
{
    Anywhere,
    Lead,
    Whole,
}
