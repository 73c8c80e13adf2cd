using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Execution;

/// <summary>One planned <c>call_service</c> and how to recognise its success in the resulting states.</summary>
public sealed record ServiceCall(string Domain, string Service, JsonObject Data, IReadOnlyList<string> EntityIds, Func<EntityState, bool>? Confirms);
