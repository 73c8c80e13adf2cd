using Jarvis.Server.Security;
using Jarvis.Server.State;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Mqtt;

/// <summary>
/// The accounts of the embedded broker: the server's own (<c>Mqtt:Username</c>/<c>Password</c>), Home Assistant's
/// (<c>Mqtt:HomeAssistantUsername</c>/<c>HomeAssistantPassword</c>) and <c>Mqtt:Accounts</c>. A password that is not
/// configured is generated at first start into the state directory (mode 0600); Home Assistant's is shown once with how
/// to enter it. With an external broker only the server's configured account is used and nothing is generated.
/// </summary>
public sealed partial class MqttAccounts(IOptions<MqttOptions> options, StateDirectory state, ISecretNotice notice, ILogger<MqttAccounts> logger)
{
    public const string DefaultServerUsername = "jarvis";
    public const string ServerPasswordFile = "mqtt-server-password";
    public const string HomeAssistantPasswordFile = "mqtt-homeassistant-password";

    private readonly Lock _gate = new();
    private IReadOnlyList<MqttAccount>? _all;

    /// <summary>The account the server's own client uses (null: anonymous, external broker without credentials).</summary>
    public MqttAccount? Server
    {
        get
        {
            var o = options.Value;
            if (o.Mode == MqttBrokerMode.External)
            {
                return string.IsNullOrEmpty(o.Username) ? null : new MqttAccount(o.Username, o.Password ?? "", MqttRole.Server);
            }

            return All[0];
        }
    }

    /// <summary>Every account of the embedded broker; the server's own first.</summary>
    public IReadOnlyList<MqttAccount> All
    {
        get
        {
            lock (_gate)
            {
                return _all ??= Load();
            }
        }
    }

    /// <summary>The account these credentials open, or null; every account is compared, in constant time each.</summary>
    public MqttAccount? Find(string? username, string? password)
    {
        MqttAccount? found = null;
        foreach (var account in All)
        {
            var userMatches = Secrets.Same(username, account.Username);
            var passwordMatches = Secrets.Same(password, account.Password);
            if (userMatches && passwordMatches)
            {
                found = account;
            }
        }

        return found;
    }

    private List<MqttAccount> Load()
    {
        var o = options.Value;
        var server = new MqttAccount(
            string.IsNullOrEmpty(o.Username) ? DefaultServerUsername : o.Username,
            string.IsNullOrEmpty(o.Password) ? state.GetOrCreateSecret(ServerPasswordFile, Secrets.NewToken, out _) : o.Password,
            MqttRole.Server);
        var created = false;
        var homeAssistant = new MqttAccount(
            o.HomeAssistantUsername,
            string.IsNullOrEmpty(o.HomeAssistantPassword) ? state.GetOrCreateSecret(HomeAssistantPasswordFile, Secrets.NewToken, out created) : o.HomeAssistantPassword,
            MqttRole.HomeAssistant);
        if (created)
        {
            notice.Show($"""
                Jarvis's MQTT broker generated an account for Home Assistant (shown only this once; kept in {state.FileOf(HomeAssistantPasswordFile)}).
                In Home Assistant: Settings > Devices & services > Add integration > MQTT, then enter
                    Broker:   the address of this machine ({Environment.MachineName}.local)
                    Port:     {o.Port}
                    Username: {homeAssistant.Username}
                    Password: {homeAssistant.Password}
                The broker listens on {o.Listen}: set Mqtt:Listen to Any (or this machine's address) when Home Assistant runs on another machine.
                """);
            LogGenerated(homeAssistant.Username, state.FileOf(HomeAssistantPasswordFile));
        }

        List<MqttAccount> all = [server, homeAssistant];
        all.AddRange(o.Accounts.Select(a => new MqttAccount(a.Key, a.Value.Password, a.Value.Role)));
        return all;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the MQTT account '{Username}' for Home Assistant: its password was printed once on standard output and is kept in {Path}")]
    private partial void LogGenerated(string username, string path);
}
