using System.ComponentModel;
using System.Globalization;

namespace Jarvis.Server.PersonaPlex;

/// <summary>Lets the configuration binder read <c>PersonaPlex:Endpoints:0 = "ws://…"</c> (a URL alone) as an endpoint.</summary>
public sealed class PersonaPlexEndpointOptionsConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string url ? PersonaPlexEndpointOptions.FromUrl(url.Trim()) : base.ConvertFrom(context, culture, value);
}
