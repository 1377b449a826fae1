"""Spot checks of scripts/uv-grammar.py.

    python3 -m unittest discover -s scripts -p 'test_uv_grammar.py' -v
    UVSHIM_UV_SOURCE=/path/to/uv-0.12.5 python3 -m unittest discover -s scripts -p 'test_uv_grammar.py' -v

The casing and lexer tests always run. The grammar tests need a uv source checkout (its `crates/` and
`Cargo.toml`, e.g. `git archive 0.12.5 crates Cargo.toml`) named by UVSHIM_UV_SOURCE; without it they are
skipped, with that reason. The expectations cite the uv 0.12.5 source they come from.
"""

import importlib.util
import io
import json
import os
import pathlib
import unittest
from contextlib import redirect_stderr

HERE = pathlib.Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("uv_grammar", HERE / "uv-grammar.py")
uv_grammar = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(uv_grammar)

SOURCE = os.environ.get("UVSHIM_UV_SOURCE")
COMMITTED = HERE.parent / "tests" / "UvShim.FakeUv" / "Grammar"


class Casing(unittest.TestCase):
    """heck 0.5's word boundaries, which clap_derive uses for long names, commands and ValueEnum values."""

    def test_field_names_become_kebab_case(self):
        self.assertEqual(uv_grammar.cased("no_cache", "kebab"), "no-cache")
        self.assertEqual(uv_grammar.cased("break_system_packages", "kebab"), "break-system-packages")

    def test_variant_names_split_at_case_changes_and_keep_acronyms_together(self):
        self.assertEqual(uv_grammar.cased("GenerateShellCompletion", "kebab"), "generate-shell-completion")
        self.assertEqual(uv_grammar.cased("HTTPServer", "kebab"), "http-server")
        self.assertEqual(uv_grammar.cased("Cu126", "kebab"), "cu126")

    def test_value_names_are_screaming_snake_case(self):
        self.assertEqual(uv_grammar.cased("index_url", "screaming_snake"), "INDEX_URL")

    def test_short_default_is_the_first_letter_of_the_cased_name(self):
        self.assertEqual(uv_grammar.Name(ident="python").translate_char("kebab"), "p")
        self.assertEqual(uv_grammar.Name(assigned="Verbose").translate_char("kebab"), "V")


class Lexer(unittest.TestCase):
    def attr_items(self, text):
        tree = uv_grammar.tokenize(text, "test.rs")
        attrs, _ = uv_grammar.parse_attrs(tree, 0)
        return [(key, uv_grammar.value_of(value, call)) for a in attrs for key, value, call in a.items()]

    def test_commas_inside_literals_and_nested_groups_do_not_split_an_attribute(self):
        items = self.attr_items('#[arg(long, value_delimiter = \',\', help = "a, b", conflicts_with_all = ["x", "y"], '
                                'value_parser = clap::builder::BoolishValueParser::new())]')
        keys = [k for k, _ in items]
        self.assertEqual(keys, ["long", "value_delimiter", "help", "conflicts_with_all", "value_parser"])
        self.assertEqual(dict(items)["value_delimiter"], ",")
        self.assertEqual(dict(items)["conflicts_with_all"], ["x", "y"])

    def test_method_call_syntax_is_read_like_key_value(self):
        items = self.attr_items('#[arg(overrides_with("no_offline"), required(false))]')
        self.assertEqual(items, [("overrides_with", "no_offline"), ("required", False)])

    def test_doc_comments_and_block_comments_are_not_attributes(self):
        tree = uv_grammar.tokenize('/// #[arg(long)]\n/* #[arg(short)] /* nested */ */\n#[arg(global = true)]', "t.rs")
        attrs, _ = uv_grammar.parse_attrs(tree, 0)
        self.assertEqual([k for a in attrs for k, _, _ in a.items()], ["global"])

    def test_cfg_attr_is_read_as_if_its_feature_were_enabled(self):
        tree = uv_grammar.tokenize('#[cfg_attr(feature = "clap", derive(clap::ValueEnum), value(rename_all = "kebab-case"))]',
                                   "t.rs")
        attrs, _ = uv_grammar.parse_attrs(tree, 0)
        self.assertEqual([a.kind for a in attrs], ["derive", "value"])


@unittest.skipUnless(SOURCE, "set UVSHIM_UV_SOURCE to a uv source checkout (crates/ and Cargo.toml) to check its grammar")
class Grammar(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        uv_grammar.WARNINGS.clear()
        stderr = io.StringIO()
        with redirect_stderr(stderr):
            cls.grammar = uv_grammar.grammar(SOURCE)
            uv_grammar.check(cls.grammar["root"])
        cls.warnings = list(uv_grammar.WARNINGS)
        cls.root = cls.grammar["root"]

    def command(self, *path):
        node = self.root
        for name in path:
            matches = [s for s in node["subcommands"] if s["name"] == name]
            self.assertEqual(len(matches), 1, f"`uv {' '.join(path)}`: no single subcommand `{name}`")
            node = matches[0]
        return node

    def arg(self, command, long=None, arg_id=None):
        matches = [a for a in command["args"] if (long is not None and a["long"] == long) or a["id"] == arg_id]
        self.assertEqual(len(matches), 1, f"`{command['name']}`: no single argument --{long or arg_id}")
        return matches[0]

    def has_long(self, command, long):
        return any(a["long"] == long or long in a["aliases"] for a in command["args"])

    def test_the_source_is_read_without_warnings(self):
        self.assertEqual(self.warnings, [])

    def test_the_version_comes_from_the_uv_crate(self):
        self.assertRegex(self.grammar["uvVersion"], r"^\d+\.\d+\.\d+")

    def test_every_id_an_argument_names_exists_in_its_command(self):
        # uv-grammar.check warns otherwise; clap's debug asserts fail uv's own tests in that case.
        self.assertFalse([w for w in self.warnings if "unknown id" in w])

    def test_pip_install_python_is_a_single_value_with_short_p_and_uv_python(self):
        # uv 0.12.5 crates/uv-cli/src/lib.rs PipInstallArgs `python: Option<Maybe<String>>`, `long, short`
        python = self.arg(self.command("pip", "install"), "python")
        self.assertEqual((python["short"], python["action"], python["takesValue"]), ("p", "set", True))
        self.assertEqual(python["env"], "UV_PYTHON")

    def test_pip_install_target_and_prefix_are_paths_that_conflict(self):
        install = self.command("pip", "install")
        target, prefix = self.arg(install, "target"), self.arg(install, "prefix")
        self.assertEqual(target["short"], "t")
        self.assertIn("prefix", target["conflictsWith"])
        for a in (target, prefix):
            self.assertEqual((a["action"], a["valueParser"], a["emptyValueRejected"]), ("set", "path", True))

    def test_pip_install_no_binary_appends_comma_separated_values(self):
        no_binary = self.arg(self.command("pip", "install"), "no-binary")
        self.assertEqual((no_binary["action"], no_binary["takesValue"], no_binary["valueDelimiter"]),
                         ("append", True, ","))

    def test_pip_install_user_is_pips_compat_flag(self):
        # uv 0.12.5 crates/uv-cli/src/compat.rs PipInstallCompatArgs: `#[clap(long, hide = false)] user: bool`
        user = self.arg(self.command("pip", "install"), "user")
        self.assertEqual((user["action"], user["takesValue"], user["env"]), ("setTrue", False, None))

    def test_pip_install_needs_one_of_its_sources(self):
        install = self.command("pip", "install")
        sources = next(g for g in install["groups"] if g["id"] == "sources")
        self.assertTrue(sources["required"] and sources["multiple"])
        self.assertTrue({"package", "requirements", "editable"} <= set(sources["args"]))
        self.assertEqual(self.arg(install, arg_id="package")["index"], 1)

    def test_pip_install_system_flag_reads_uv_system_python_boolishly(self):
        system = self.arg(self.command("pip", "install"), "system")
        self.assertEqual((system["action"], system["env"], system["envBoolish"]), ("setTrue", "UV_SYSTEM_PYTHON", True))
        self.assertIn("no_system", system["overridesWith"])

    def test_sync_no_binary_is_a_flag_and_no_binary_package_takes_names(self):
        sync = self.command("sync")
        self.assertEqual((self.arg(sync, "no-binary")["action"], self.arg(sync, "no-binary")["takesValue"]),
                         ("setTrue", False))
        self.assertEqual(self.arg(sync, "no-binary-package")["action"], "append")

    def test_run_takes_its_command_as_an_external_subcommand(self):
        # uv 0.12.5 RunArgs `#[command(subcommand)] command: Option<ExternalCommand>`, whose only variant is
        # `#[command(external_subcommand)] Cmd(Vec<OsString>)`
        run = self.command("run")
        self.assertTrue(run["externalSubcommand"])
        self.assertEqual(run["externalSubcommandValueType"], "OsString")
        self.assertFalse(run["subcommandRequired"])
        self.assertFalse([a for a in run["args"] if a["positional"]])

    def test_quiet_and_verbose_are_global_counts_that_conflict(self):
        quiet, verbose = self.arg(self.root, "quiet"), self.arg(self.root, "verbose")
        self.assertEqual((quiet["short"], verbose["short"]), ("q", "v"))
        for a, other in ((quiet, "verbose"), (verbose, "quiet")):
            self.assertEqual((a["action"], a["global"], a["takesValue"]), ("count", True, False))
            self.assertIn(other, a["conflictsWith"])

    def test_no_cache_has_short_n_and_pips_no_cache_dir_alias(self):
        # uv 0.12.5 crates/uv-cache/src/cli.rs CacheArgs, flattened into the top level
        no_cache = self.arg(self.root, "no-cache")
        self.assertEqual((no_cache["short"], no_cache["global"], no_cache["env"]), ("n", True, "UV_NO_CACHE"))
        self.assertIn("no-cache-dir", no_cache["aliases"])

    def test_directory_and_project_are_global_values(self):
        for long, env in (("directory", "UV_WORKING_DIR"), ("project", "UV_PROJECT")):
            a = self.arg(self.root, long)
            self.assertEqual((a["action"], a["global"], a["env"]), ("set", True, env))

    def test_version_flag_is_at_the_top_level_only(self):
        version = self.arg(self.root, "version")
        self.assertEqual((version["short"], version["action"], version["global"]), ("V", "version", False))
        self.assertFalse(self.has_long(self.command("pip", "install"), "version"))
        self.assertTrue(self.root["settings"]["disableVersionFlag"])

    def test_help_is_one_global_short_help_flag_and_clap_adds_none(self):
        help_arg = self.arg(self.root, "help")
        self.assertEqual((help_arg["short"], help_arg["action"], help_arg["global"]), ("h", "helpShort", True))
        implicit = []

        def walk(node):
            implicit.extend(a["id"] for a in node["args"] if a["implicit"])
            implicit.extend(s["name"] for s in node["subcommands"] if s["implicit"])
            for s in node["subcommands"]:
                walk(s)
        walk(self.root)
        self.assertEqual(implicit, [])

    def test_cert_is_a_global_option_of_the_pip_namespace(self):
        # uv 0.12.5 PipNamespace `#[arg(global = true, long, value_name = "FILE")] cert: Option<PathBuf>`
        self.assertFalse(self.has_long(self.root, "cert"))
        cert = self.arg(self.command("pip"), "cert")
        self.assertEqual((cert["global"], cert["valueName"]), (True, "FILE"))
        self.assertFalse(self.has_long(self.command("pip", "install"), "cert"))  # propagated by the consumer

    def test_pip_sync_has_its_own_no_config_that_shadows_the_global_one(self):
        # uv 0.12.5 crates/uv-cli/src/compat.rs PipSyncCompatArgs `#[clap(long, hide = true)] no_config: bool`
        own = self.arg(self.command("pip", "sync"), "no-config")
        top = self.arg(self.root, "no-config")
        self.assertEqual(own["id"], top["id"])
        self.assertEqual((own["hidden"], own["global"], own["env"]), (True, False, None))
        self.assertEqual((top["global"], top["env"]), (True, "UV_NO_CONFIG"))

    def test_value_enums_list_their_values_and_aliases(self):
        fmt = self.arg(self.command("pip", "list"), "format")
        self.assertTrue({"columns", "freeze", "json"} <= set(fmt["possibleValues"]))
        self.assertTrue(fmt["emptyValueRejected"])
        export = self.arg(self.command("export"), "format")
        self.assertIn("requirements.txt", export["possibleValues"])

    def test_aliased_commands_keep_their_aliases(self):
        self.assertIn("ls", self.command("pip", "list")["aliases"])
        self.assertIn("virtualenv", self.command("venv")["aliases"])

    def test_the_committed_grammar_is_what_the_script_prints_for_its_version(self):
        committed = COMMITTED / f"uv-{self.grammar['uvVersion']}.json"
        if not committed.exists():
            self.skipTest(f"no committed grammar for uv {self.grammar['uvVersion']}")
        self.assertEqual(json.loads(committed.read_text(encoding="utf-8")),
                         json.loads(json.dumps(self.grammar, ensure_ascii=False)))


if __name__ == "__main__":
    unittest.main()
