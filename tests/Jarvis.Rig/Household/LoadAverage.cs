namespace Jarvis.Rig.Household;

/// <summary>The machine's 1-minute load average (from /proc/loadavg), for reports and failure messages.</summary>
public static class LoadAverage
{
    public static string Now
    {
        get
        {
            try
            {
                return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
            }
            catch (IOException)
            {
                return "unknown";
            }
        }
    }
}
