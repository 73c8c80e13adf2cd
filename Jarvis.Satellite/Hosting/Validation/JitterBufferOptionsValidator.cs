using Jarvis.Satellite.Playback;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Validation;

/// <summary>Checks the data annotations of <see cref="JitterBufferOptions"/> (generated at compile time: no reflection, trimming-safe).</summary>
[OptionsValidator]
internal sealed partial class JitterBufferOptionsValidator : IValidateOptions<JitterBufferOptions>;
