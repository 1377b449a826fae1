using UvShim.Arguments;

namespace UvShim.Tests.Arguments;

public class EditorSpecs
{
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("")]
    [InlineData("pip install -qU --python=3.12 -r req.txt x -- -y")]
    [InlineData("run -p 3.12 -- python -c 1")]
    [InlineData("-q --directory pip pip ls -v")]
    public void An_unedited_build_is_the_identity(string line)
    {
        var args = Line.Parse(line);

        var slots = args.Edit().Build();

        Assert.Equal(args.Original.Select((t, i) => new ArgumentSlot(i, t)), slots);
        Assert.All(slots, s => Assert.True(s.IsOriginal));
    }

    [Theory]
    [InlineData("pip install --user x", "pip install x")]
    [InlineData("pip install x --user", "pip install x")]
    [InlineData("pip install -q --user -r req.txt x", "pip install -q -r req.txt x")]
    [InlineData("-q pip --cache-dir /c install --user x", "-q pip --cache-dir /c install x")]
    [InlineData("pip install --user=yes x", "pip install x")]
    [InlineData("pip install --user x -- --user", "pip install x -- --user")]
    [InlineData("pip sync --user req.txt", "pip sync req.txt")]
    [InlineData("pip uninstall --user x", "pip uninstall x")]
    [InlineData("pip list --user", "pip list")]
    [InlineData("pip freeze --user --exclude pip", "pip freeze --exclude pip")]
    [InlineData("pip show --user x", "pip show x")]
    public void Removing_user_drops_only_its_token(string line, string expected)
    {
        var args = Line.Parse(line);
        var user = args.All("--user").Single();

        var slots = args.Edit().Remove(user).Build();

        Assert.Equal(expected, Line.Join(slots));
        Assert.All(slots, s => Assert.True(s.IsOriginal));
        Assert.DoesNotContain(user.TokenIndex, slots.Select(s => s.OriginalIndex));
    }

    [Theory]
    [InlineData("pip install -qU x", "--upgrade", "pip install -q x")]
    [InlineData("pip install -qU x", "--quiet", "pip install -U x")]
    [InlineData("pip install -qUv x", "--upgrade", "pip install -qv x")]
    [InlineData("pip install -qp3.12 x", "--python", "pip install -q x")]
    [InlineData("pip install -qp=3.12 x", "--python", "pip install -q x")]
    [InlineData("pip install -qp 3.12 x", "--python", "pip install -q x")]
    [InlineData("pip install -qp 3.12 x", "--quiet", "pip install -p 3.12 x")]
    [InlineData("pip install -Up3.12 x", "--upgrade", "pip install -p3.12 x")]
    public void Removing_a_letter_rewrites_only_its_bundle(string line, string name, string expected)
    {
        var args = Line.Parse(line);
        var option = Line.Single(args, name);

        var slots = args.Edit().Remove(option).Build();

        Assert.Equal(expected, Line.Join(slots));
        var rewritten = Assert.Single(slots, s => !s.IsOriginal);
        Assert.Equal(option.TokenIndex, slots.ToList().IndexOf(rewritten));
    }

    [Fact]
    public void Removing_the_token_after_an_option_missing_its_value_hands_the_next_token_to_it()
    {
        // Documented limit: the original line is already a uv error ("a value is required for '--python'").
        var args = Line.Parse("pip install --python --user x");
        Assert.True(args.Options[0].IsValueMissing);

        var reparsed = UvArguments.Parse(Line.Texts(args.Edit().Remove(Line.Single(args, "--user")).Build()));

        Assert.Equal("x", reparsed.Last("--python")!.Value);
    }

    [Fact]
    public void Removing_every_letter_of_a_bundle_drops_the_token()
    {
        var args = Line.Parse("-qq pip install x");
        var editor = args.Edit();
        foreach (var quiet in args.All("--quiet"))
        {
            editor.Remove(quiet);
        }

        var slots = editor.Build();

        Assert.Equal([new(1, "pip"), new(2, "install"), new ArgumentSlot(3, "x")], slots);
    }

    [Theory]
    [InlineData("pip install --python 3.12 x")]
    [InlineData("pip install --python=3.12 x")]
    [InlineData("pip install -p 3.12 x")]
    [InlineData("pip install -p3.12 x")]
    [InlineData("pip install -p=3.12 x")]
    [InlineData("pip install x --python")]
    public void Removing_a_value_option_drops_its_value_token_too(string line)
    {
        var args = Line.Parse(line);

        var slots = args.Edit().Remove(Line.Single(args, "--python")).Build();

        Assert.Equal("pip install x", Line.Join(slots));
        Assert.All(slots, s => Assert.True(s.IsOriginal));
    }

    [Theory]
    [InlineData("pip install --python 3.12 x", "pip install --python /usr/bin/python3 x")]
    [InlineData("pip install --python=3.12 x", "pip install --python=/usr/bin/python3 x")]
    [InlineData("pip install -p 3.12 x", "pip install -p /usr/bin/python3 x")]
    [InlineData("pip install -p3.12 x", "pip install -p/usr/bin/python3 x")]
    [InlineData("pip install -p=3.12 x", "pip install -p=/usr/bin/python3 x")]
    [InlineData("pip install -qp3.12 x", "pip install -qp/usr/bin/python3 x")]
    [InlineData("pip install -qp 3.12 x", "pip install -qp /usr/bin/python3 x")]
    [InlineData("pip install -qp=3.12 x", "pip install -qp=/usr/bin/python3 x")]
    [InlineData("pip install x --python", "pip install x --python /usr/bin/python3")]
    [InlineData("pip install --python --system x", "pip install --python /usr/bin/python3 --system x")]
    [InlineData("pip install -p -- x", "pip install -p /usr/bin/python3 -- x")]
    public void Replacing_the_python_value_keeps_its_form(string line, string expected)
    {
        var args = Line.Parse(line);

        var slots = args.Edit().ReplaceValue(Line.Single(args, "--python"), Python).Build();

        Assert.Equal(expected, Line.Join(slots));
        Assert.Equal(Python, Line.Parse(Line.Join(slots)).Last("--python")!.Value);
    }

    [Fact]
    public void Replacing_a_separate_value_keeps_the_option_token_untouched()
    {
        var args = Line.Parse("pip install --python 3.12 x");

        var slots = args.Edit().ReplaceValue(args.Options[0], Python).Build();

        Assert.Equal([new(0, "pip"), new(1, "install"), new(2, "--python"), new(-1, Python), new ArgumentSlot(4, "x")], slots);
    }

    [Theory]
    [InlineData("pip install --python 3.12 x", "-weird", "pip install --python=-weird x")]
    [InlineData("pip install -p 3.12 x", "--", "pip install -p=-- x")]
    [InlineData("pip install -qp 3.12 x", "-x", "pip install -qp=-x x")]
    [InlineData("pip install x -p", "-x", "pip install x -p=-x")]
    [InlineData("pip install -p3.12 x", "=x", "pip install -p==x x")]
    [InlineData("pip install -p3.12 x", "", "pip install -p= x")]
    [InlineData("pip install -qp3.12 x", "", "pip install -qp= x")]
    [InlineData("pip install -p=3.12 x", "=x", "pip install -p==x x")]
    [InlineData("pip install --python=3.12 x", "a=b", "pip install --python=a=b x")]
    [InlineData("pip install -p 3.12 x", "-", "pip install -p - x")]
    [InlineData("pip install --trusted-host a x", "b", "pip install --trusted-host b x")]
    [InlineData("pip install --unknown=a x", "b", "pip install --unknown=b x")]
    public void A_replacement_value_keeps_its_exact_meaning(string line, string value, string expected)
    {
        var args = Line.Parse(line);
        var option = args.Options[^1];

        var slots = args.Edit().ReplaceValue(option, value).Build();

        Assert.Equal(expected, Line.Join(slots));
        var reparsed = UvArguments.Parse(Line.Texts(slots));
        Assert.Equal(value, Line.Single(reparsed, option.Name).Value);
        Assert.Equal(["x"], reparsed.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void An_empty_separate_value_stays_a_separate_token()
    {
        var args = Line.Parse("pip install -p 3.12 x");

        var slots = args.Edit().ReplaceValue(args.Options[0], "").Build();

        Assert.Equal(["pip", "install", "-p", "", "x"], Line.Texts(slots));
    }

    [Theory]
    [InlineData("pip install x -- -y", "pip install --prefix /home/u/.local x -- -y")]
    [InlineData("pip install -- x", "pip install --prefix /home/u/.local -- x")]
    [InlineData("-q pip --cache-dir c install --user -r r.txt", "-q pip --cache-dir c install --prefix /home/u/.local --user -r r.txt")]
    [InlineData("--directory install pip install x", "--directory install pip install --prefix /home/u/.local x")]
    [InlineData("-q", "--prefix /home/u/.local -q")]
    public void Inserted_tokens_follow_the_command(string line, string expected)
    {
        var args = Line.Parse(line);

        var slots = args.Edit().InsertAfterCommand("--prefix", "/home/u/.local").Build();

        Assert.Equal(expected, Line.Join(slots));
        Assert.Equal(2, slots.Count(s => !s.IsOriginal));
    }

    [Fact]
    public void Several_inserts_keep_their_order()
    {
        var args = Line.Parse("pip install x");

        var slots = args.Edit().InsertAfterCommand("--prefix", "/p").InsertAfterCommand("--python", Python).Build();

        Assert.Equal("pip install --prefix /p --python /usr/bin/python3 x", Line.Join(slots));
    }

    [Fact]
    public void The_user_rewrite_edits_only_the_intended_tokens()
    {
        var args = Line.Parse("-q pip install --user -p 3.12 -U requests -- --x");

        var slots = args.Edit()
            .Remove(Line.Single(args, "--user"))
            .ReplaceValue(Line.Single(args, "--python"), Python)
            .InsertAfterCommand("--prefix", "/home/u/.local")
            .Build();

        Assert.Equal(
            [
                new(0, "-q"), new(1, "pip"), new(2, "install"), new(-1, "--prefix"), new(-1, "/home/u/.local"),
                new(4, "-p"), new(-1, Python), new(6, "-U"), new(7, "requests"), new(8, "--"), new ArgumentSlot(9, "--x"),
            ],
            slots);
    }

    [Fact]
    public void The_last_value_edit_wins()
    {
        var args = Line.Parse("pip install -p 3.11 x");

        var slots = args.Edit().ReplaceValue(args.Options[0], "3.12").ReplaceValue(args.Options[0], "3.13").Build();

        Assert.Equal("pip install -p 3.13 x", Line.Join(slots));
    }

    [Fact]
    public void Remove_after_replace_removes()
    {
        var args = Line.Parse("pip install -p 3.11 x");

        var slots = args.Edit().ReplaceValue(args.Options[0], "3.12").Remove(args.Options[0]).Remove(args.Options[0]).Build();

        Assert.Equal("pip install x", Line.Join(slots));
    }

    [Fact]
    public void Replacing_after_remove_is_refused()
    {
        var args = Line.Parse("pip install -p 3.11 x");
        var editor = args.Edit().Remove(args.Options[0]);

        Assert.Throws<InvalidOperationException>(() => editor.ReplaceValue(args.Options[0], "3.12"));
    }

    [Theory]
    [InlineData("pip install --user x")]
    [InlineData("pip install -U x")]
    [InlineData("pip install -qU x")]
    [InlineData("pip install --unknown x")]
    public void A_flag_has_no_value_to_replace(string line)
    {
        var args = Line.Parse(line);

        Assert.Throws<InvalidOperationException>(() => args.Edit().ReplaceValue(args.Options[^1], "v"));
    }

    [Fact]
    public void An_option_from_another_parse_is_refused()
    {
        var args = Line.Parse("pip install -p 3.12 x");
        var other = Line.Parse("pip install -p 3.12 x");

        Assert.Throws<ArgumentException>(() => args.Edit().Remove(other.Options[0]));
        Assert.Throws<ArgumentException>(() => args.Edit().ReplaceValue(other.Options[0], "3.13"));
    }

    [Fact]
    public void Each_edit_session_starts_from_the_original()
    {
        var args = Line.Parse("pip install --user x");
        _ = args.Edit().Remove(args.Options[0]).Build();

        Assert.Equal("pip install --user x", Line.Join(args.Edit().Build()));
    }
}
