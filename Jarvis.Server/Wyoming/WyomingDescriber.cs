namespace Jarvis.Server.Wyoming;

/// <summary><c>describe</c> → <c>info</c> on a fresh connection (other events before <c>info</c> are skipped).</summary>
public static class WyomingDescriber
{
    public static async Task<WyomingInfo> DescribeAsync(Uri uri, CancellationToken cancellationToken)
    {
        await using var connection = await WyomingConnection.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        return await DescribeAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<WyomingInfo> DescribeAsync(WyomingConnection connection, CancellationToken cancellationToken)
    {
        await connection.WriteEventAsync(WyomingEvents.Describe(), cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var evt = await connection.ReadRequiredEventAsync(cancellationToken).ConfigureAwait(false);
            if (evt.Type == WyomingEventTypes.Info)
            {
                return WyomingInfo.Parse(evt);
            }

            if (evt.Type == WyomingEventTypes.Error)
            {
                throw new WyomingProtocolException($"describe failed: {evt.GetString("text")}");
            }
        }
    }
}
