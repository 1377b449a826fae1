using UvShim.Arguments;

namespace UvShim.Tests.Arguments;

public class OptionFormSpecs
{
    [Theory]
    [InlineData("pip install --python 3.12 x", "--python", "--python", "3.12", OptionForm.LongSeparate, 2, 3)]
    [InlineData("pip install --python=3.12 x", "--python", "--python", "3.12", OptionForm.LongEquals, 2, null)]
    [InlineData("pip install -p 3.12 x", "--python", "-p", "3.12", OptionForm.ShortSeparate, 2, 3)]
    [InlineData("pip install -p3.12 x", "--python", "-p", "3.12", OptionForm.ShortAttached, 2, null)]
    [InlineData("pip install -p=3.12 x", "--python", "-p", "3.12", OptionForm.ShortEquals, 2, null)]
    [InlineData("pip install -qp3.12 x", "--python", "-p", "3.12", OptionForm.BundledAttached, 2, null)]
    [InlineData("pip install -qp 3.12 x", "--python", "-p", "3.12", OptionForm.BundledSeparate, 2, 3)]
    [InlineData("pip install -qp=3.12 x", "--python", "-p", "3.12", OptionForm.BundledEquals, 2, null)]
    [InlineData("pip install -r req.txt", "--requirements", "-r", "req.txt", OptionForm.ShortSeparate, 2, 3)]
    [InlineData("pip install -rreq.txt", "--requirements", "-r", "req.txt", OptionForm.ShortAttached, 2, null)]
    [InlineData("pip install -r=req.txt", "--requirements", "-r", "req.txt", OptionForm.ShortEquals, 2, null)]
    [InlineData("pip install -qrreq.txt", "--requirements", "-r", "req.txt", OptionForm.BundledAttached, 2, null)]
    [InlineData("pip install -qr req.txt", "--requirements", "-r", "req.txt", OptionForm.BundledSeparate, 2, 3)]
    [InlineData("pip install --requirement req.txt", "--requirements", "--requirement", "req.txt", OptionForm.LongSeparate, 2, 3)]
    [InlineData("pip install --requirements=req.txt", "--requirements", "--requirements", "req.txt", OptionForm.LongEquals, 2, null)]
    [InlineData("pip install --python= x", "--python", "--python", "", OptionForm.LongEquals, 2, null)]
    [InlineData("pip install -p= x", "--python", "-p", "", OptionForm.ShortEquals, 2, null)]
    [InlineData("pip install -p==x y", "--python", "-p", "=x", OptionForm.ShortEquals, 2, null)]
    [InlineData("pip install --python=a=b x", "--python", "--python", "a=b", OptionForm.LongEquals, 2, null)]
    [InlineData("pip install --user x", "--user", "--user", null, OptionForm.LongFlag, 2, null)]
    [InlineData("pip install -U x", "--upgrade", "-U", null, OptionForm.ShortFlag, 2, null)]
    [InlineData("-q pip install x", "--quiet", "-q", null, OptionForm.ShortFlag, 0, null)]
    public void Each_form_is_recorded_with_its_canonical_name_and_value(
        string line, string name, string spelling, string? value, OptionForm form, int tokenIndex, int? valueTokenIndex)
    {
        var option = Line.Single(Line.Parse(line), name);

        Assert.Equal(spelling, option.Spelling);
        Assert.Equal(value, option.Value);
        Assert.Equal(form, option.Form);
        Assert.Equal(tokenIndex, option.TokenIndex);
        Assert.Equal(valueTokenIndex, option.ValueTokenIndex);
        Assert.True(option.IsKnown);
    }

    [Fact]
    public void Bundled_flags_are_separate_options_in_one_token()
    {
        var args = Line.Parse("pip install -qU x");

        Assert.Collection(
            args.Options,
            q => Assert.Equal(("--quiet", OptionForm.BundledFlag, 2, 1), (q.Name, q.Form, q.TokenIndex, q.ShortOffset)),
            u => Assert.Equal(("--upgrade", OptionForm.BundledFlag, 2, 2), (u.Name, u.Form, u.TokenIndex, u.ShortOffset)));
        Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void A_repeated_counted_flag_is_recorded_per_letter()
    {
        var args = Line.Parse("-qq pip install x");

        Assert.Equal(2, args.All("--quiet").Count());
        Assert.All(args.Options, o => Assert.Equal(OptionForm.BundledFlag, o.Form));
    }

    [Fact]
    public void A_value_letter_in_the_middle_of_a_bundle_takes_the_rest_of_the_token()
    {
        var args = Line.Parse("pip install -qpUv x");

        Assert.Equal(["--quiet", "--python"], args.Options.Select(o => o.Name));
        Assert.Equal("Uv", args.Last("--python")!.Value);
        Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void A_value_option_at_the_end_of_the_line_has_a_missing_value()
    {
        var option = Line.Single(Line.Parse("pip install x --python"), "--python");

        Assert.Null(option.Value);
        Assert.Null(option.ValueTokenIndex);
        Assert.True(option.IsValueMissing);
        Assert.Equal(OptionForm.LongSeparate, option.Form);
    }

    // clap (no allow_hyphen_values in uv) never takes an option-looking token as a pending value:
    // it parses it as the next option and reports "a value is required for '--python <PYTHON>'".
    [Theory]
    [InlineData("pip install --python --system x", "--python", "--system")]
    [InlineData("pip install -p -q x", "--python", "--quiet")]
    [InlineData("pip install -qp --user x", "--python", "--user")]
    [InlineData("pip install -r -e ./pkg", "--requirements", "--editable")]
    [InlineData("--cache-dir --offline pip install x", "--cache-dir", "--offline")]
    public void An_option_looking_token_is_never_taken_as_a_value(string line, string valueOption, string next)
    {
        var args = Line.Parse(line);

        Assert.True(Line.Single(args, valueOption).IsValueMissing);
        Assert.True(args.Has(next));
    }

    [Fact]
    public void A_double_dash_after_a_value_option_ends_options_and_leaves_the_value_missing()
    {
        var args = Line.Parse("pip install -p -- x");

        Assert.True(Line.Single(args, "--python").IsValueMissing);
        Assert.Equal(3, args.DoubleDashIndex);
        Assert.Equal([new UvPositional("x", 4, true)], args.Positionals);
    }

    [Fact]
    public void A_negative_number_is_an_option_not_a_value()
    {
        var args = Line.Parse("pip install -p -1 x");

        Assert.True(Line.Single(args, "--python").IsValueMissing);
        Assert.False(Line.Single(args, "-1").IsKnown);
    }

    [Theory]
    [InlineData("pip install -r - x", "--requirements", "-")]
    [InlineData("pip install --python - x", "--python", "-")]
    public void A_lone_dash_is_a_value(string line, string option, string value)
    {
        Assert.Equal(value, Line.Single(Line.Parse(line), option).Value);
    }

    [Fact]
    public void An_empty_token_is_a_value()
    {
        var args = UvArguments.Parse(["pip", "install", "-p", "", "x"]);

        Assert.Equal("", Line.Single(args, "--python").Value);
        Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
    }

    [Theory]
    [InlineData("pip install --unknown x", "--unknown", null, OptionForm.LongFlag)]
    [InlineData("pip install --unknown=v x", "--unknown", "v", OptionForm.LongEquals)]
    [InlineData("pip install -Z x", "-Z", null, OptionForm.ShortFlag)]
    [InlineData("pip install --=v x", "--", "v", OptionForm.LongEquals)]
    [InlineData("--user pip install x", "--user", null, OptionForm.LongFlag)]
    [InlineData("sync --user", "--user", null, OptionForm.LongFlag)]
    [InlineData("pip -V install x", "-V", null, OptionForm.ShortFlag)]
    public void Unknown_options_are_kept_as_flags_with_their_attached_value(string line, string name, string? value, OptionForm form)
    {
        var args = Line.Parse(line);
        var option = args.Options.Single(o => !o.IsKnown);

        Assert.Equal(name, option.Name);
        Assert.Equal(value, option.Value);
        Assert.Equal(form, option.Form);
        Assert.False(option.TakesValue);
    }

    [Fact]
    public void An_unknown_option_never_takes_the_next_token()
    {
        var args = Line.Parse("pip install --unknown x");

        Assert.Null(args.Options[0].ValueTokenIndex);
        Assert.Equal(["x"], args.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void An_unknown_letter_owns_the_rest_of_its_bundle()
    {
        // clap stops at -Z; the rest stays with it so nothing inside is read as -p.
        var args = Line.Parse("pip install -qZp3.12 x");

        Assert.Equal(["--quiet", "-Z"], args.Options.Select(o => o.Name));
        Assert.Equal("p3.12", args.Options[1].Value);
        Assert.Equal(OptionForm.BundledAttached, args.Options[1].Form);
        Assert.False(args.Has("--python"));
    }

    [Fact]
    public void A_flag_never_takes_a_separate_value()
    {
        var args = Line.Parse("pip install --system 3.12");

        Assert.Null(Line.Single(args, "--system").Value);
        Assert.Equal(["3.12"], args.Positionals.Select(p => p.Value));
    }

    [Fact]
    public void A_flag_written_with_equals_keeps_that_value()
    {
        var option = Line.Single(Line.Parse("pip install --user=yes x"), "--user");

        Assert.Equal("yes", option.Value);
        Assert.Equal(OptionForm.LongEquals, option.Form);
        Assert.False(option.TakesValue);
    }

    [Fact]
    public void Has_Last_and_All_look_up_canonical_names()
    {
        var args = Line.Parse("pip install -r a.txt --requirement=b.txt -rc.txt x");

        Assert.True(args.Has("--requirements"));
        Assert.False(args.Has("--requirement"));
        Assert.False(args.Has("-r"));
        Assert.Equal("c.txt", args.Last("--requirements")!.Value);
        Assert.Equal(["a.txt", "b.txt", "c.txt"], args.All("--requirements").Select(o => o.Value));
        Assert.Null(args.Last("--python"));
        Assert.Empty(args.All("--python"));
    }
}
