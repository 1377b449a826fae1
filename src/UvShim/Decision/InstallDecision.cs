namespace UvShim.Decision;

/// <summary>
/// pip's <c>decide_user_install</c> and its PEP 668 check, for uv (docs/design.md, "The decision"). Pure: the facts are
/// gathered by the caller, so a table of cases tests every branch.
/// </summary>
internal static class InstallDecision
{
    public const string DefaultingNote = "Defaulting to user installation because normal site-packages is not writeable";

    public static InstallOutcome Decide(InstallFacts facts)
    {
        var probe = facts.Probe;

        // pip's decide_user_install: use_user_site False (--no-user, PIP_USER=0) is the first test.
        if (facts.ExplicitNonUser)
            return new InstallOutcome.HandOver("non-user install by explicit request");

        if (facts.ExplicitUser)
        {
            // pip's order: --target, then PEP 668 (skipped for --prefix and in a venv), then decide_user_install.
            if (facts.HasTarget)
                return Refuse("--user with --target", "Can not combine '--user' and '--target'");
            if (!facts.HasPrefix && !probe.InVenv && facts.ExternallyManaged is { } marker && !facts.BreakSystemPackages)
                return Refuse("externally managed", PipMessages.ExternallyManaged(marker));
            if (facts.HasPrefix)
                return Refuse("--user with --prefix", "Can not combine '--user' and '--prefix' as they imply different installation locations");
            if (probe.VenvWithoutSystemSite)
                return Refuse("venv without system site-packages", "Can not perform a '--user' install. User site-packages are not visible in this virtualenv.");
            if (!probe.UserSiteEnabled)
                return Refuse("user site disabled", "Can not perform a '--user' install. User site-packages are disabled for this Python." + DisabledBecause(facts));
            return UserBaseProblem(facts) is { } problem
                ? Refuse("user base unusable", problem)
                : new InstallOutcome.UserInstall("user install by explicit request", null);
        }

        if (facts.Mode == ShimMode.Off)
            return new InstallOutcome.HandOver("mode is off");
        if (facts.HasTarget || facts.HasPrefix)
            return new InstallOutcome.HandOver("non-user install due to --prefix or --target option");
        // A venv without system site-packages has its user site disabled (site.venv()), so it ends here, as in pip.
        if (!probe.UserSiteEnabled)
            return new InstallOutcome.HandOver("non-user install because user site-packages disabled" + DisabledBecause(facts));
        // Mode always is for system interpreters; an environment uv treats as a venv is decided as pip decides.
        var always = facts.Mode == ShimMode.Always && !facts.TargetIsEnvironment;
        if (!always && facts.DefaultSchemeWritable)
            return new InstallOutcome.HandOver("non-user install because site-packages writeable");

        // Where there is no user install to make, uv gets the line as typed, with the reason first: uv alone completes it
        // when it has nothing to change, and fails with its own permission error otherwise (README, "Never worse than uv").
        if (facts.IsSync)
            return new InstallOutcome.HandOver("a sync falls back to the user site only with --user", PipMessages.ImplicitSync(probe.UserSite));
        if (facts.ExternallyManaged is { } managed && !facts.BreakSystemPackages)
            return Refuse("externally managed", PipMessages.ExternallyManaged(managed));
        if (UserBaseProblem(facts) is { } baseProblem)
            return new InstallOutcome.HandOver("the user base cannot be installed into", baseProblem + " " + PipMessages.AsTyped);

        return facts.DefaultSchemeWritable
            ? new InstallOutcome.UserInstall("mode is always", "Installing into the user site because uvshim's mode is 'always'")
            : new InstallOutcome.UserInstall("site-packages not writeable", DefaultingNote);
    }

    private static InstallOutcome.Refuse Refuse(string reason, string message) => new(reason, message);

    /// <summary>Why the user site is disabled, as a parenthesised suffix (empty when it is not, or no reason is known).</summary>
    internal static string DisabledBecause(InstallFacts facts) =>
        facts.Probe.EnableUserSite switch
        {
            "False" => " (PYTHONNOUSERSITE is set)",
            "None" => " (the effective and real user or group ids differ)",
            _ => facts.Probe.InVenv ? " (the virtual environment does not include system site-packages)" : "",
        };

    /// <summary>
    /// Python gives a relative user base (<c>~/.local</c>) when HOME is unset and the uid has no
    /// passwd entry, and takes PYTHONUSERBASE as it is (<c>~</c> is not expanded); pip would then
    /// install under the working directory. A user base that cannot be written (HOME=/, a read-only
    /// HOME) would only fail in uv. uvshim refuses both, naming the variable that fixes it.
    /// </summary>
    private static string? UserBaseProblem(InstallFacts facts)
    {
        var probe = facts.Probe;
        if (probe.UserBase.Length == 0)
            return "Python reports no user base on this platform, so there is no user site to install into.";
        if (!PathText.IsAbsolute(probe.UserBase, probe.IsWindows))
            return $"Python's user base is '{probe.UserBase}', a relative path (PYTHONUSERBASE is relative, or HOME is unset or relative). "
                + "Set PYTHONUSERBASE (or HOME) to an absolute directory you can write.";
        if (!facts.UserSchemeWritable)
            return (facts.ExplicitUser || facts.DefaultSchemeWritable
                    ? "Can not install into the user site: "
                    : "Normal site-packages is not writeable, and neither is the user site: ")
                + $"Python's user base {probe.UserBase} is not writable. Set PYTHONUSERBASE to a directory you can write.";
        return null;
    }
}
