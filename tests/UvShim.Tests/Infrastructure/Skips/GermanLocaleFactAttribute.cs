using UvShim.Tests.Integration;

namespace UvShim.Tests.Infrastructure.Skips;

/// <summary>Compares with pip under a German locale: Skipped, saying why, without pip, localedef or the locale sources.</summary>
public sealed class GermanLocaleFactAttribute : FactAttribute
{
    public GermanLocaleFactAttribute() =>
        Skip = !OperatingSystem.IsLinux() ? "Linux only"
            : PipReference.Missing
            ?? (File.Exists(GermanLocale.Sources) && ExecutableLookup.OnPath("localedef") is not null
                ? null
                : $"needs localedef and {GermanLocale.Sources} (package locales, which scripts/prerequisites.sh installs) to build a German locale");
}
