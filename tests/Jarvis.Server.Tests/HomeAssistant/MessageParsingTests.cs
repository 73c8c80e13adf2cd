using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>
/// Home Assistant messages with fields of unexpected JSON kinds (the fuzz target homeassistant, tests/Jarvis.Fuzz): the
/// explicit JsonNode casts used before threw InvalidOperationException, which ended the connection's receive loop.
/// </summary>
public sealed class MessageParsingTests
{
    [Theory]
    [InlineData("""{"id":1,"type":5,"success":true,"result":1}""")]
    [InlineData("""{"id":1,"type":"result","success":"yes"}""")]
    [InlineData("""{"id":1,"type":"result","success":false,"error":[1,2]}""")]
    [InlineData("""{"id":1,"type":"result","success":false,"error":{"code":7,"message":{"x":1}}}""")]
    [InlineData("""{"id":"1","type":"result","success":true}""")]
    [InlineData("""{"id":1e40,"type":"pong"}""")]
    [InlineData("""[1,"a",null,{"type":"event","event":[1]}]""")]
    [InlineData("""not json""")]
    [InlineData("""{"id":1,"type":"result","success":true,"result":{"a":1,"a":2}}""")]
    [InlineData("""{"id":1,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"light.x","new_state":{"attributes":{"fri\uD800":"x"}}}}}""")] // a lone surrogate in a name threw from the parse
    public void Messages_of_unexpected_kinds_are_classified_without_throwing(string text)
    {
        var messages = HomeAssistantInbound.Read(text);

        Assert.All(messages, m => Assert.IsAssignableFrom<HomeAssistantInbound>(m));
    }

    [Fact]
    public void An_error_with_codes_of_the_wrong_kind_still_fails_its_command()
    {
        var message = Assert.Single(HomeAssistantInbound.Read("""{"id":3,"type":"result","success":false,"error":{"code":7}}"""));

        var error = Assert.IsType<HomeAssistantError>(message);
        Assert.Equal((3, "unknown_error"), (error.Id, error.Code));
    }

    [Fact]
    public void An_event_whose_body_is_not_an_object_has_no_type_or_data()
    {
        var message = Assert.Single(HomeAssistantInbound.Read("""{"id":1,"type":"event","event":[1,2]}"""));

        var haEvent = Assert.IsType<HomeAssistantEvent>(message);
        Assert.Null(haEvent.EventType);
        Assert.Null(haEvent.Data);
    }

    [Fact]
    public void Registry_lists_with_duplicates_and_wrong_kinds_load_what_is_usable()
    {
        var model = new HomeModel();
        JsonObject[] devices = [Obj("""{"id":"d1","area_id":"kitchen"}"""), Obj("""{"id":"d1","area_id":"den"}"""), Obj("""{"id":5}""")];
        JsonObject[] entries =
        [
            Obj("""{"entity_id":"light.a","device_id":"d1","name":7}"""),
            Obj("""{"entity_id":"light.a"}"""),
            Obj("""{"entity_id":["x"]}"""),
        ];
        JsonObject[] states = [Obj("""{"entity_id":"light.a","state":1}"""), Obj("""{"entity_id":"light.a","state":"on"}""")];

        var (snapshot, loaded, hidden) = RegistrySync.Build([Obj("""{"floor_id":3}""")], [Obj("""{"area_id":"kitchen","name":["K"]}""")], devices,
            entries, states, Obj("""{"light.a":[1]}"""));
        model.Load(snapshot, loaded, hidden);

        var entity = Assert.Single(model.Snapshot.Entities);
        Assert.Equal(("light.a", "kitchen"), (entity.EntityId, entity.AreaId));
        Assert.Equal("unknown", model.State("light.a")!.State);
        Assert.Empty(model.Snapshot.Floors);
        Assert.Equal("", Assert.Single(model.Snapshot.Areas).Name);
    }

    [Theory]
    [InlineData("""[1,2]""", "[1,2]")]
    [InlineData("""{"message":404}""", """{"message":404}""")]
    [InlineData("""{"message":"Service not found."}""", "Service not found.")]
    public void A_rest_error_body_gives_its_message_or_itself(string body, string expected) =>
        Assert.Equal(expected, HomeAssistantRest.Message(body));

    [Theory]
    [InlineData("<html>proxy error</html>")]
    [InlineData("""[{"entity_id":"a","attributes":{"name":1,"name":2}}]""")] // found by the fuzzer: duplicate names threw later
    [InlineData("""[{"entity_id":"light.x","state":"on","attributes":{"bri\uDC00":1}}]""")] // a lone surrogate in a name: InvalidOperationException
    public void A_rest_answer_that_is_not_json_is_a_protocol_error(string body)
    {
        var error = Assert.Throws<HomeAssistantException>(() => HomeAssistantRest.ParseBody(body));

        Assert.Equal("protocol", error.Code);
    }

    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;
}
