using Jarvis.Satellite.Aec;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Checks the data annotations of <see cref="EchoCancellerOptions"/> (generated at compile time: no reflection, trimming-safe).</summary>
[OptionsValidator]
internal sealed partial class EchoCancellerOptionsValidator : IValidateOptions<EchoCancellerOptions>;
