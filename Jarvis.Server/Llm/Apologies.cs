namespace Jarvis.Server.Llm;

/// <summary>What Jarvis says instead of silence when the deep LLM fails.</summary>
public static class Apologies
{
    public const string Unavailable = "Sorry, I can't think that one through right now. Please try again in a moment.";

    public const string CutShort = " Sorry, I lost my train of thought there.";
}
