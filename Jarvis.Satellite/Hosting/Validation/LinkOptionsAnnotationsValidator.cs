using Jarvis.Satellite.Link;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Checks the data annotations of <see cref="LinkOptions"/> (generated at compile time: no reflection, trimming-safe).</summary>
[OptionsValidator]
internal sealed partial class LinkOptionsAnnotationsValidator : IValidateOptions<LinkOptions>;
