using Jarvis.Satellite.Audio;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Checks the data annotations of <see cref="AudioOptions"/> (generated at compile time: no reflection, trimming-safe).</summary>
[OptionsValidator]
internal sealed partial class AudioOptionsValidator : IValidateOptions<AudioOptions>;
