using UvShim.Planning;

namespace UvShim.Tests.Planning;

/// <summary>The package a requirement names (uv 0.12.5 crates/uv-pep508/src/lib.rs parse_pep508_requirement), PEP 503-normalized.</summary>
public sealed class PackageRequirementNameSpecs
{
    [Theory]
    [InlineData("foo", "foo")]
    [InlineData("Foo[x]", "foo")]
    [InlineData("Foo [x, y] >= 1", "foo")]
    [InlineData("foo>=1", "foo")]
    [InlineData("foo==1.0", "foo")]
    [InlineData("foo ; python_version>'3'", "foo")]
    [InlineData("foo;python_version>'3'", "foo")]
    [InlineData("foo (>=1)", "foo")]
    [InlineData("foo~=1.0", "foo")]
    [InlineData("foo!=1.0", "foo")]
    [InlineData("Foo.Bar_baz @ https://x/y.whl", "foo-bar-baz")]
    [InlineData("  foo  ", "foo")]
    [InlineData("a", "a")]
    public void A_PEP_508_requirement_names_its_package(string requirement, string name) =>
        Assert.Equal(name, PackageName.OfRequirement(requirement));

    [Theory]
    [InlineData("./dist/foo.whl")]
    [InlineData("/abs/foo")]
    [InlineData("https://x/y.whl")]
    [InlineData("foo/bar")]
    [InlineData("foo-")]
    [InlineData("foo bar")]
    [InlineData("[x]")]
    [InlineData("")]
    public void What_is_no_named_requirement_has_no_name(string requirement) =>
        Assert.Null(PackageName.OfRequirement(requirement));
}
