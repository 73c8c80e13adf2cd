namespace Jarvis.Server.Routing;

/// <summary>One routing feature that fired: its name, what matched, and its contribution to the logit.</summary>
public readonly record struct FiredFeature(string Name, string Evidence, double Weight)
{
    public override string ToString() => $"{Name}[{Evidence}] {Weight:+0.00;-0.00}";
}
