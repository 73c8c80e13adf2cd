using Jarvis.Satellite.Leds;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Checks the data annotations of <see cref="LedOptions"/> (generated at compile time: no reflection, trimming-safe).</summary>
[OptionsValidator]
internal sealed partial class LedOptionsValidator : IValidateOptions<LedOptions>;
