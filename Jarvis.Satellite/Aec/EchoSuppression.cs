namespace Jarvis.Satellite.Aec;

/// <summary>How hard WebRTC's nonlinear processor suppresses the echo the linear filter leaves (the nlpMode).</summary>
public enum EchoSuppression
{
    Conservative = 0,
    Moderate = 1,
    Aggressive = 2,
}
