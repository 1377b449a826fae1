namespace UvShim.Tests.Infrastructure;

public static class EnvironmentExtensions
{
    /// <summary>Sets one variable and returns the same dictionary, for environments built inline.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> environment, string name, string value)
    {
        environment[name] = value;
        return environment;
    }
}
