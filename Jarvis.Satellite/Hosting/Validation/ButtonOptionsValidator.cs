using Jarvis.Satellite.Button;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Checks the data annotations of <see cref="ButtonOptions"/> (generated at compile time: no reflection, trimming-safe).</summary>
[OptionsValidator]
internal sealed partial class ButtonOptionsValidator : IValidateOptions<ButtonOptions>;
