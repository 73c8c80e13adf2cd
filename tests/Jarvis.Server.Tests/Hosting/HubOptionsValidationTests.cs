using Jarvis.Server.Hosting;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Satellites;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.Hosting;

public sealed class HubOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new MqttOptionsValidator().Validate(null, new MqttOptions()).Succeeded);
        Assert.True(new SatellitesOptionsValidator().Validate(null, new SatellitesOptions()).Succeeded);
    }

    [Fact]
    public void An_external_broker_without_a_host_says_what_to_set()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Mode = MqttBrokerMode.External, Host = "" });

        Assert.Contains(result.Failures!, f => f.Contains("Mqtt:Host", StringComparison.Ordinal) && f.Contains("Embedded", StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_come_in_pairs()
    {
        var result = new MqttOptionsValidator().Validate(null, new MqttOptions { Username = "jarvis" });

        Assert.Contains(result.Failures!, f => f.Contains("Mqtt:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weak_satellite_token_and_a_shared_room_are_reported_with_the_fix()
    {
        var options = new SatellitesOptions();
        options.Devices["kitchen-pi"] = new SatelliteEntry { Room = "kitchen", Token = "short" };
        options.Devices["kitchen-2"] = new SatelliteEntry { Room = "kitchen", Token = "a-long-enough-token-123" };
        options.Devices["Bad Id"] = new SatelliteEntry { Token = "a-long-enough-token-456" };

        var failures = new SatellitesOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Contains(failures, f => f.Contains("Satellites:Devices:kitchen-pi:Token", StringComparison.Ordinal) && f.Contains("openssl rand", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Room 'kitchen' is served by several satellites", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'Bad Id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_errors_are_listed_one_per_line()
    {
        var error = new AggregateException(
            new OptionsValidationException("Mqtt", typeof(MqttOptions), ["Mqtt:Port is 0: use a TCP port between 1 and 65535."]),
            new OptionsValidationException("Satellites", typeof(SatellitesOptions), ["Satellites:Devices:x:Token is missing."]));

        var described = ConfigurationErrors.Describe(error);

        Assert.Equal($"  - Mqtt:Port is 0: use a TCP port between 1 and 65535.{Environment.NewLine}  - Satellites:Devices:x:Token is missing.", described);
        Assert.Null(ConfigurationErrors.Describe(new InvalidOperationException("something else")));
    }

    [Fact]
    public void Satellite_tokens_match_only_the_enrolled_satellite()
    {
        var options = new SatellitesOptions();
        options.Devices["kitchen-pi"] = new SatelliteEntry { Token = "kitchen-token-0123456789" };
        var state = Directory.CreateTempSubdirectory("jarvis-enrol-").FullName;
        var directory = new Jarvis.Server.State.StateDirectory(Options.Create(new Jarvis.Server.State.StateOptions { Directory = Path.Combine(state, "s") }), Microsoft.Extensions.Logging.Abstractions.NullLogger<Jarvis.Server.State.StateDirectory>.Instance);
        var store = new Jarvis.Server.Satellites.Enrolment.ApprovedSatelliteStore(directory, Microsoft.Extensions.Logging.Abstractions.NullLogger<Jarvis.Server.Satellites.Enrolment.ApprovedSatelliteStore>.Instance);
        var tokens = new Jarvis.Server.Satellites.Enrolment.SatelliteEnrolment(Options.Create(options), store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Jarvis.Server.Satellites.Enrolment.SatelliteEnrolment>.Instance);

        Assert.True(tokens.IsValid("kitchen-pi", "kitchen-token-0123456789"));
        Assert.False(tokens.IsValid("kitchen-pi", "kitchen-token-0123456788"));
        Assert.False(tokens.IsValid("office-pi", "kitchen-token-0123456789"));
        Assert.False(tokens.IsValid("office-pi", ""));
    }
}
