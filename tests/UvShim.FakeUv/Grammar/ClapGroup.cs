namespace UvShim.FakeUv.Grammar;

/// <summary>
/// A clap <c>ArgGroup</c> of a built command. An arg naming a group the command does not declare creates it as
/// clap's <c>_build_self</c> does: <c>ArgGroup::new(id)</c>, neither required nor multiple.
/// </summary>
internal sealed class ClapGroup(string id, bool required, bool multiple, IReadOnlyList<string> conflictsWith, IReadOnlyList<string> requires)
{
    public string Id { get; } = id;

    /// <summary>Member ids (args or nested groups) in the order clap pushes them.</summary>
    public List<string> Args { get; } = [];

    public bool Required { get; } = required;

    public bool Multiple { get; } = multiple;

    public IReadOnlyList<string> ConflictsWith { get; } = conflictsWith;

    public IReadOnlyList<string> Requires { get; } = requires;
}
