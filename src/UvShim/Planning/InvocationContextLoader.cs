using UvShim.Output;
using UvShim.Settings;

namespace UvShim.Planning;

internal static class InvocationContextLoader
{
    /// <summary>Settings, logging and the working directory; throws <see cref="SettingsException"/> on a bad configuration.</summary>
    public static InvocationContext Load(IReadOnlyDictionary<string, string> environment)
    {
        var settings = SettingsLoader.Load(environment);
        ShimLog.Configure(settings.LogLevel, settings.LogFile);
        string workingDirectory;
        try
        {
            workingDirectory = Directory.GetCurrentDirectory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException("cannot read the current directory: " + e.Message);
        }
        return new InvocationContext(environment, workingDirectory, settings);
    }
}
