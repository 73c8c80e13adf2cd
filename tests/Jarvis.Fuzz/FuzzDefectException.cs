namespace Jarvis.Fuzz;

/// <summary>A property the parser promises was broken (e.g. it allocated far more than its input warrants).</summary>
internal sealed class FuzzDefectException(string message) : Exception(message);
