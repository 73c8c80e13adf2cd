using System.Collections.Concurrent;
using Jarvis.Protocol.Mqtt;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Jarvis.Server.Mqtt.Broker;

/// <summary>
/// The embedded broker's gate: every client authenticates with an account (<see cref="MqttAccounts"/>); a client id in
/// use by another account, or a server's id taken by a non-server account, is refused (nobody knocks the server's own
/// client off); every publish passes <see cref="MqttAccessPolicy"/>, the payload limit, the retained-topic limit and,
/// for arbitration claims, a per-account rate limit. Refusals are logged once per client and reason.
/// </summary>
internal sealed partial class MqttBrokerGuard(MqttAccounts accounts, MqttOptions options, MqttTopics topics, TimeProvider time, ILogger logger)
{
    private const string RoleItem = "jarvis.role";
    private const string AccountItem = "jarvis.account";
    private static readonly TimeSpan RefusalLogInterval = TimeSpan.FromMinutes(1);
    private readonly MqttAccessPolicy _policy = new(topics);
    private readonly ConcurrentDictionary<string, string> _clientAccounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClaimRateLimit> _claimLimits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _retained = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _logged = new(StringComparer.Ordinal);

    /// <summary>Client ids starting with this belong to Jarvis servers (<c>jarvis-server-{ServerId}</c>).</summary>
    public const string ServerClientIdPrefix = "jarvis-server-";

    public Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var remote = e.RemoteEndPoint?.ToString() ?? "?";
        var account = accounts.Find(e.UserName, e.Password);
        if (account is null)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            if (ShouldLog($"auth:{(e.RemoteEndPoint as System.Net.IPEndPoint)?.Address}"))
            {
                LogBadCredentials(remote, e.ClientId, string.IsNullOrEmpty(e.UserName) ? "no username" : $"user '{e.UserName}'");
            }

            return Task.CompletedTask;
        }

        var clientId = string.IsNullOrEmpty(e.ClientId) ? e.AssignedClientIdentifier : e.ClientId;
        if (clientId is { Length: > 0 } && clientId.StartsWith(ServerClientIdPrefix, StringComparison.Ordinal) && account.Role != MqttRole.Server)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            LogClientIdRefused(remote, clientId, account.Username, "reserved for Jarvis servers");
            return Task.CompletedTask;
        }

        if (clientId is { Length: > 0 } && _clientAccounts.TryGetValue(clientId, out var owner) && owner != account.Username)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            LogClientIdRefused(remote, clientId, account.Username, $"in use by account '{owner}'");
            return Task.CompletedTask;
        }

        if (clientId is { Length: > 0 })
        {
            _clientAccounts[clientId] = account.Username;
        }

        e.SessionItems[RoleItem] = account.Role;
        e.SessionItems[AccountItem] = account.Username;
        return Task.CompletedTask;
    }

    public Task OnDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        if (e.DisconnectType != MqttClientDisconnectType.Takeover && e.SessionItems[AccountItem] is string account)
        {
            _clientAccounts.TryRemove(new KeyValuePair<string, string>(e.ClientId, account));
        }

        return Task.CompletedTask;
    }

    public Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        var role = e.SessionItems[RoleItem] as MqttRole?;
        var account = e.SessionItems[AccountItem] as string ?? "?";
        var refusal = role is not { } r ? "not authenticated"
            : message.Payload.Length > options.MaxPayloadBytes ? $"payload of {message.Payload.Length} bytes is over Mqtt:MaxPayloadBytes ({options.MaxPayloadBytes})"
            : _policy.Refusal(r, message.Topic, message.Retain)
            ?? (_policy.IsClaim(message.Topic) && !_claimLimits.GetOrAdd(account, _ => new ClaimRateLimit(options.ClaimsPerSecond, time)).TryTake()
                ? $"more than {options.ClaimsPerSecond} arbitration claims a second" : null)
            ?? RetainedRefusal(message.Topic, message.Retain, message.Payload.Length);
        if (refusal is null)
        {
            return Task.CompletedTask;
        }

        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        if (ShouldLog($"publish:{e.ClientId}:{refusal}"))
        {
            LogPublishRefused(e.ClientId, account, message.Topic, refusal);
        }

        return Task.CompletedTask;
    }

    private string? RetainedRefusal(string topic, bool retain, long payloadLength)
    {
        if (!retain)
        {
            return null;
        }

        if (payloadLength == 0)
        {
            _retained.TryRemove(topic, out _);
            return null;
        }

        if (!_retained.ContainsKey(topic) && _retained.Count >= options.MaxRetainedMessages)
        {
            return $"the broker already retains Mqtt:MaxRetainedMessages ({options.MaxRetainedMessages}) topics";
        }

        _retained[topic] = 0;
        return null;
    }

    private bool ShouldLog(string key)
    {
        var now = time.GetTimestamp();
        var last = _logged.GetOrAdd(key, 0);
        if (last != 0 && time.GetElapsedTime(last, now) < RefusalLogInterval)
        {
            return false;
        }

        _logged[key] = now;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker refused a client from {Remote} (client id '{ClientId}', {Who}): wrong or missing username/password. Home Assistant uses the account printed at first start (Mqtt:HomeAssistantUsername).")]
    private partial void LogBadCredentials(string remote, string clientId, string who);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker refused client id '{ClientId}' from {Remote} (account '{Account}'): {Reason}")]
    private partial void LogClientIdRefused(string remote, string clientId, string account, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker refused a publish by '{ClientId}' (account '{Account}') to {Topic}: {Reason}")]
    private partial void LogPublishRefused(string clientId, string account, string topic, string reason);
}
