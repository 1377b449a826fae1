#!/usr/bin/env python3
"""Print uv's command-line grammar as JSON, read from the clap derives in a uv source checkout.

    python3 scripts/uv-grammar.py /path/to/uv-checkout > tests/UvShim.FakeUv/Grammar/uv-0.12.5.json

The checkout needs `crates/` (and `Cargo.toml`). The root is the `#[derive(Parser)]` struct `Cli` in
crates/uv-cli/src/lib.rs; every struct and enum it reaches is looked up by name under crates/. The rules
are clap_derive's (clap 4.6.5 clap_derive/src/item.rs, derives/args.rs, derives/subcommand.rs) and
clap_builder's (builder/command.rs `_build_self`, `_check_help_and_version`). The format is described in
tests/UvShim.FakeUv/Grammar/README.md. Anything not understood is a warning on stderr, never a crash.
"""

import json
import os
import re
import sys

FORMAT_VERSION = 1

WARNINGS = []


def warn(message):
    if message not in WARNINGS:
        WARNINGS.append(message)
        print(f"uv-grammar: warning: {message}", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------------
# Lexer: Rust source to a tree of tokens ((), [] and {} become groups). Comments, doc comments included,
# are dropped: `///` is sugar for #[doc], never a clap attribute.

class Tok:
    __slots__ = ("kind", "text", "value", "line")

    def __init__(self, kind, text, value, line):
        self.kind, self.text, self.value, self.line = kind, text, value, line

    def __repr__(self):
        return f"{self.kind}:{self.text}"


class Group:
    __slots__ = ("delim", "children", "line")
    kind = "group"

    def __init__(self, delim, line):
        self.delim, self.children, self.line = delim, [], line

    def __repr__(self):
        return f"{self.delim}{' '.join(map(repr, self.children))}{CLOSE[self.delim]}"


CLOSE = {"(": ")", "[": "]", "{": "}"}

TOKEN_RE = re.compile(r"""
   (?P<ws>\s+)
 | (?P<lcomment>//[^\n]*)
 | (?P<bcomment>/\*)
 | (?P<rawstr>(?:br|cr|r)(?P<hashes>\#*)")
 | (?P<str>[bc]?")
 | (?P<char>b?'(?:[^'\\\n]|\\(?:u\{[0-9a-fA-F_]*\}|x[0-9a-fA-F]{2}|[^\n]))')
 | (?P<lifetime>'[A-Za-z_][A-Za-z0-9_]*)
 | (?P<ident>r\#[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)
 | (?P<num>[0-9][0-9_]*(?:\.[0-9][0-9_]*(?![.A-Za-z_]))?(?:[eE][+-]?[0-9_]+)?[A-Za-z0-9_]*)
 | (?P<punct>::|->|=>|\.\.=|\.\.\.|\.\.|==|!=|<=|>=|&&|\|\||[-+*/%^!&|=<>@.,;:\#$?~\[\](){}])
 | (?P<other>.)
""", re.X | re.S)

ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "0": "\0", "'": "'", '"': '"'}


def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1] if i + 1 < len(body) else ""
        if n == "\n":  # line continuation: skip the newline and the next line's leading whitespace
            i += 2
            while i < len(body) and body[i] in " \t\n\r":
                i += 1
        elif n == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == "u":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3:end].replace("_", ""), 16)))
            i = end + 1
        else:
            out.append(ESCAPES.get(n, n))
            i += 2
    return "".join(out)


def tokenize(text, path):
    tokens, pos, line = [], 0, 1
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        kind = m.lastgroup
        start = pos
        if kind == "hashes":
            kind = "rawstr"
        if kind == "bcomment":
            depth, pos = 1, pos + 2
            while depth and pos < len(text):
                if text.startswith("/*", pos):
                    depth, pos = depth + 1, pos + 2
                elif text.startswith("*/", pos):
                    depth, pos = depth - 1, pos + 2
                else:
                    pos += 1
        elif kind == "rawstr":
            hashes = m.group("hashes")
            end = text.find('"' + hashes, m.end())
            if end < 0:
                warn(f"{path}:{line}: unterminated raw string")
                end = len(text)
            tokens.append(Tok("str", text[start:end + 1 + len(hashes)], text[m.end():end], line))
            pos = end + 1 + len(hashes)
        elif kind == "str":
            i = m.end()
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            tokens.append(Tok("str", text[start:i + 1], unescape(text[m.end():i]), line))
            pos = i + 1
        else:
            pos = m.end()
            s = m.group(0)
            if kind == "char":
                body = s[s.index("'") + 1:-1]
                tokens.append(Tok("char", s, unescape(body), line))
            elif kind == "ident":
                tokens.append(Tok("ident", s, s[2:] if s.startswith("r#") else s, line))
            elif kind in ("num", "punct", "lifetime", "other"):
                tokens.append(Tok("punct" if kind == "other" else kind, s, s, line))
        line += text.count("\n", start, pos)
    return build_tree(tokens, path)


def build_tree(tokens, path):
    root = Group("{", 1)
    stack = [root]
    for t in tokens:
        if t.kind == "punct" and t.text in CLOSE:
            g = Group(t.text, t.line)
            stack[-1].children.append(g)
            stack.append(g)
        elif t.kind == "punct" and t.text in (")", "]", "}"):
            if len(stack) > 1 and CLOSE[stack[-1].delim] == t.text:
                stack.pop()
            else:
                warn(f"{path}:{t.line}: unbalanced '{t.text}'")
        else:
            stack[-1].children.append(t)
    if len(stack) > 1:
        warn(f"{path}: unclosed '{stack[-1].delim}' from line {stack[-1].line}")
    return root.children


def is_p(t, text):
    return isinstance(t, Tok) and t.kind == "punct" and t.text == text


def is_id(t, text=None):
    return isinstance(t, Tok) and t.kind == "ident" and (text is None or t.value == text)


def is_g(t, delim):
    return isinstance(t, Group) and t.delim == delim


def split_commas(children):
    """Top-level comma-separated parts of a group; generic angle brackets count as nesting."""
    parts, cur, angle = [], [], 0
    for t in children:
        if is_p(t, "<"):
            angle += 1
        elif is_p(t, ">") and angle:
            angle -= 1
        if is_p(t, ",") and angle == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        parts.append(cur)
    return parts


def render(tokens):
    """Tokens back to compact Rust text (for rustType and messages)."""
    out = []
    for t in tokens:
        if isinstance(t, Group):
            out.append(t.delim + render(t.children) + CLOSE[t.delim])
        else:
            s = t.text
            if out and (t.kind in ("ident", "num", "str", "char") and re.match(r".*[A-Za-z0-9_\"']$", out[-1])):
                out.append(" ")
            if s in ("=", "=>"):
                out.append(" " + s + " ")
                continue
            out.append(s)
            if s == ",":
                out.append(" ")
    return "".join(out).replace(" ,", ",").strip()


# ---------------------------------------------------------------------------------------------------------
# Items: structs and enums with their attributes, and `impl Trait for Type` headers.

class Attr:
    """One `#[kind(...)]` attribute: kind (arg, command, clap, group, value, derive, ...) and its parts."""

    def __init__(self, kind, group):
        self.kind, self.group = kind, group

    def items(self):
        """(key, value tokens or None, call args or None) for each comma-separated entry."""
        if self.group is None:
            return []
        out = []
        for part in split_commas(self.group.children):
            if not part:
                continue
            if is_id(part[0]) and len(part) == 1:
                out.append((part[0].value, None, None))
            elif is_id(part[0]) and len(part) >= 2 and is_p(part[1], "="):
                out.append((part[0].value, part[2:], None))
            elif is_id(part[0]) and len(part) == 2 and is_g(part[1], "("):
                out.append((part[0].value, None, split_commas(part[1].children)))
            else:
                out.append((None, part, None))
        return out


class Field:
    def __init__(self, name, ty, attrs, line):
        self.name, self.ty, self.attrs, self.line = name, ty, attrs, line


class Variant:
    def __init__(self, name, attrs, shape, fields, line):
        # shape: "unit", "tuple" or "named"
        self.name, self.attrs, self.shape, self.fields, self.line = name, attrs, shape, fields, line


class Item:
    def __init__(self, kind, name, attrs, path, line):
        self.kind, self.name, self.attrs, self.path, self.line = kind, name, attrs, path, line
        self.fields, self.variants, self.shape = [], [], "named"
        self.derives = set()
        for a in attrs:
            if a.kind == "derive" and a.group is not None:
                for part in split_commas(a.group.children):
                    idents = [t.value for t in part if is_id(t)]
                    if idents:
                        self.derives.add(idents[-1])

    @property
    def crate(self):
        m = re.match(r"crates/([^/]+)/", self.path)
        return m.group(1) if m else ""

    def where(self):
        return f"{self.path}:{self.line}"


def parse_attrs(tokens, i):
    """Outer attributes starting at tokens[i]; cfg_attr(pred, a, b) is taken as if pred held."""
    attrs = []
    while i + 1 < len(tokens) and is_p(tokens[i], "#") and is_g(tokens[i + 1], "["):
        attrs.extend(attr_from_group(tokens[i + 1]))
        i += 2
    return attrs, i


def attr_from_group(g):
    ch = g.children
    if not ch or not is_id(ch[0]):
        return []
    # Path attributes like `#[clap::arg(...)]` are not used by clap; take the last path segment.
    j = 0
    while j + 2 < len(ch) and is_p(ch[j + 1], "::") and is_id(ch[j + 2]):
        j += 2
    name = ch[j].value
    body = ch[j + 1] if j + 1 < len(ch) and is_g(ch[j + 1], "(") else None
    if name == "cfg_attr" and body is not None:
        parts = split_commas(body.children)
        out = []
        for part in parts[1:]:
            if part and is_id(part[0]):
                sub = Group("[", g.line)
                sub.children = part
                out.extend(attr_from_group(sub))
        return out
    return [Attr(name, body)]


def parse_named_fields(group, path):
    fields = []
    for part in split_commas(group.children):
        attrs, i = parse_attrs(part, 0)
        if i < len(part) and is_id(part[i], "pub"):
            i += 1
            if i < len(part) and is_g(part[i], "("):
                i += 1
        if i + 1 < len(part) and is_id(part[i]) and is_p(part[i + 1], ":"):
            fields.append(Field(part[i].value, part[i + 2:], attrs, part[i].line))
        elif part[i:]:
            warn(f"{path}:{part[0].line}: cannot read field `{render(part)}`")
    return fields


def parse_tuple_fields(group):
    fields = []
    for n, part in enumerate(split_commas(group.children)):
        attrs, i = parse_attrs(part, 0)
        if i < len(part) and is_id(part[i], "pub"):
            i += 1
            if i < len(part) and is_g(part[i], "("):
                i += 1
        fields.append(Field(str(n), part[i:], attrs, part[0].line if part else 0))
    return fields


def parse_variants(group, path):
    variants = []
    for part in split_commas(group.children):
        attrs, i = parse_attrs(part, 0)
        if i >= len(part) or not is_id(part[i]):
            continue
        name, line = part[i].value, part[i].line
        rest = part[i + 1:]
        if rest and is_g(rest[0], "("):
            variants.append(Variant(name, attrs, "tuple", parse_tuple_fields(rest[0]), line))
        elif rest and is_g(rest[0], "{"):
            variants.append(Variant(name, attrs, "named", parse_named_fields(rest[0], path), line))
        else:
            variants.append(Variant(name, attrs, "unit", [], line))
    return variants


def scan_items(tokens, path, db):
    attrs = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if is_p(t, "#") and i + 2 < len(tokens) and is_p(tokens[i + 1], "!") and is_g(tokens[i + 2], "["):
            i += 3
            continue
        if is_p(t, "#") and i + 1 < len(tokens) and is_g(tokens[i + 1], "["):
            more, i = parse_attrs(tokens, i)
            attrs.extend(more)
            continue
        if is_id(t, "pub"):
            i += 1
            if i < len(tokens) and is_g(tokens[i], "("):
                i += 1
            continue
        if is_id(t) and t.value in ("struct", "enum") and i + 1 < len(tokens) and is_id(tokens[i + 1]):
            item = Item(t.value, tokens[i + 1].value, attrs, path, t.line)
            j = i + 2
            while j < len(tokens) and not isinstance(tokens[j], Group) and not is_p(tokens[j], ";"):
                j += 1  # generics and where clauses
            body = tokens[j] if j < len(tokens) else None
            if t.value == "struct":
                if is_g(body, "{"):
                    item.fields = parse_named_fields(body, path)
                elif is_g(body, "("):
                    item.shape = "tuple"
                    item.fields = parse_tuple_fields(body)
                else:
                    item.shape = "unit"
            elif is_g(body, "{"):
                item.variants = parse_variants(body, path)
            db.add(item)
            attrs = []
            i = j + 1
            continue
        if is_id(t, "type") and i + 2 < len(tokens) and is_id(tokens[i + 1]):
            j = i + 2
            while j < len(tokens) and not is_p(tokens[j], "="):
                j += 1
            k = j
            while k < len(tokens) and not is_p(tokens[k], ";"):
                k += 1
            db.aliases.setdefault(tokens[i + 1].value, []).append(tokens[j + 1:k])
            attrs = []
            i = k + 1
            continue
        if is_id(t, "mod") and i + 2 < len(tokens) and is_id(tokens[i + 1]) and is_g(tokens[i + 2], "{"):
            if not any(a.kind == "cfg" and a.group and "test" in render(a.group.children) for a in attrs):
                scan_items(tokens[i + 2].children, path, db)
            attrs = []
            i += 3
            continue
        if is_id(t, "impl"):
            j = i + 1
            header = []
            while j < len(tokens) and not is_g(tokens[j], "{") and not is_p(tokens[j], ";"):
                header.append(tokens[j])
                j += 1
            db.add_impl(header, path)
            attrs = []
            i = j + 1
            continue
        attrs = []
        i += 1


TYPE_NAME_RE = re.compile(r"\b(?:struct|enum|type|union)\s+([A-Za-z_][A-Za-z0-9_]*)")


def leading_path(tokens):
    """`clap::ValueEnum` or `From<String>` -> ["clap", "ValueEnum"] or ["From"]: the path before any generics."""
    out = []
    for t in tokens:
        if is_id(t) and t.value not in ("dyn", "where"):
            out.append(t.value)
        elif not is_p(t, "::") and not is_p(t, "&"):
            break
    return out


class Database:
    def __init__(self, root):
        self.root = root
        self.items = {}   # name -> [Item]
        self.impls = {}   # type name -> set of trait names
        self.env_vars = {}
        self.aliases = {}  # `type X = Y<...>;`
        self.type_names = set()  # every struct, enum and type alias name under crates/
        self.module_names = {"crate", "self", "super"}  # crate and module names, for paths like comma::X

    def add(self, item):
        self.items.setdefault(item.name, []).append(item)

    def add_impl(self, header, path):
        # impl<...> Trait<...> for Type<...> where ...
        toks = list(header)
        if toks and is_p(toks[0], "<"):
            depth = 0
            for k, t in enumerate(toks):
                if is_p(t, "<"):
                    depth += 1
                elif is_p(t, ">"):
                    depth -= 1
                    if depth == 0:
                        toks = toks[k + 1:]
                        break
        fors = [k for k, t in enumerate(toks) if is_id(t, "for")]
        if not fors:
            return
        trait, ty = leading_path(toks[:fors[0]]), leading_path(toks[fors[0] + 1:])
        if trait and ty:
            self.impls.setdefault(ty[-1], set()).add(trait[-1])

    def load(self):
        crates = os.path.join(self.root, "crates")
        wanted = re.compile(r"ValueEnum|Args|Parser|Subcommand|ValueParserFactory|clap")
        for dirpath, dirnames, filenames in os.walk(crates):
            dirnames[:] = sorted(d for d in dirnames if d not in ("target", "node_modules", ".git"))
            self.module_names.update(d.replace("-", "_") for d in dirnames)
            for name in sorted(filenames):
                if not name.endswith(".rs"):
                    continue
                self.module_names.add(name[:-3])
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, self.root).replace(os.sep, "/")
                try:
                    with open(full, encoding="utf-8", errors="replace") as f:
                        text = f.read()
                except OSError as e:
                    warn(f"{rel}: {e}")
                    continue
                if rel.endswith("uv-static/src/env_vars.rs"):
                    for m in re.finditer(r'pub\s+const\s+([A-Z0-9_]+)\s*:\s*&(?:\'static\s+)?str\s*=\s*"([^"]*)"', text):
                        self.env_vars[m.group(1)] = m.group(2)
                self.type_names.update(TYPE_NAME_RE.findall(text))
                if not wanted.search(text):
                    continue
                scan_items(tokenize(text, rel), rel, self)

    def find(self, name, want, context=None, hint=None):
        """The struct or enum called `name` deriving one of `want` (or any, if want is None)."""
        cands = self.items.get(name, [])
        if not cands and name in self.aliases:
            target = parse_type(self.aliases[name][0])
            if target.name != name:
                return self.find(target.name, want, context, type_crate_hint(target))
        if want:
            good = [c for c in cands if c.derives & want]
            if good:
                cands = good
        if len(cands) > 1 and hint:
            crate = hint.replace("_", "-")
            same = [c for c in cands if c.crate == crate]
            if same:
                cands = same
        if len(cands) > 1 and context is not None:
            same_file = [c for c in cands if c.path == context.path]
            same_crate = [c for c in cands if c.crate == context.crate]
            cands = same_file or same_crate or cands
        if len(cands) > 1:
            warn(f"`{name}` is defined {len(cands)} times ({', '.join(c.where() for c in cands)}); "
                 f"using {cands[0].where()}")
        return cands[0] if cands else None


# ---------------------------------------------------------------------------------------------------------
# Types, as clap_derive classifies them (utils/ty.rs): only single-segment paths count as Vec/Option.

class Type:
    def __init__(self, segments, args, text):
        self.segments, self.args, self.text = segments, args, text

    @property
    def name(self):
        return self.segments[-1] if self.segments else ""

    def single(self, name):
        """`name<T>` as one path segment with one type argument: T, else None."""
        if len(self.segments) == 1 and self.segments[0] == name and len(self.args) == 1:
            return self.args[0]
        return None

    def __repr__(self):
        return self.text


def parse_type(tokens):
    text = render(tokens)
    toks = [t for t in tokens if not (isinstance(t, Tok) and t.kind == "lifetime")]
    while toks and (is_p(toks[0], "&") or is_id(toks[0], "mut") or is_id(toks[0], "dyn")):
        toks = toks[1:]
    if len(toks) == 1 and is_g(toks[0], "("):
        if not toks[0].children:
            return Type(["()"], [], "()")
        return Type(["(tuple)"], [], text)
    segments, args, i = [], [], 0
    if toks and is_p(toks[0], "::"):
        segments.append("")  # leading colon: clap_derive does not see it as Option/Vec
        i = 1
    while i < len(toks):
        t = toks[i]
        if is_id(t):
            segments.append(t.value)
            i += 1
        elif is_p(t, "::"):
            i += 1
        elif is_p(t, "<"):
            depth, j = 1, i + 1
            while j < len(toks) and depth:
                if is_p(toks[j], "<"):
                    depth += 1
                elif is_p(toks[j], ">"):
                    depth -= 1
                j += 1
            inner = toks[i + 1:j - 1]
            args = [parse_type(p) for p in split_commas(inner)]
            i = j
        else:
            i += 1
    if segments and segments[0] == "":
        segments = segments[1:] + ["::"]  # never a single plain segment
    return Type(segments, args, text)


def ty_kind(ty):
    if ty.name == "()":
        return "unit"
    v = ty.single("Vec")
    if v is not None:
        return "vecvec" if v.single("Vec") is not None else "vec"
    o = ty.single("Option")
    if o is not None:
        if o.single("Option") is not None:
            return "optionoption"
        ov = o.single("Vec")
        if ov is not None:
            return "optionvecvec" if ov.single("Vec") is not None else "optionvec"
        return "option"
    return "other"


def inner_type(ty):
    k = ty_kind(ty)
    if k in ("vec", "option"):
        return ty.args[0]
    if k in ("optionoption", "optionvec", "vecvec"):
        return ty.args[0].args[0]
    if k == "optionvecvec":
        return ty.args[0].args[0].args[0]
    return ty


def strip_box(ty):
    while ty.name == "Box" and len(ty.args) == 1:
        ty = ty.args[0]
    return ty


def type_crate_hint(ty):
    return ty.segments[0] if len(ty.segments) > 1 and ty.segments[0] not in ("crate", "self", "super", "clap") else None


# ---------------------------------------------------------------------------------------------------------
# Casing (heck 0.5, as clap_derive uses it).

def words(s):
    out = []
    for word in re.findall(r"[A-Za-z0-9_]+", s):
        init, mode, n = 0, "boundary", len(word)
        i = 0
        while i < n:
            c = word[i]
            if c == "_":
                if init == i:
                    init += 1
                i += 1
                continue
            if i + 1 < n:
                nxt = word[i + 1]
                next_mode = "lower" if c.islower() else "upper" if c.isupper() else mode
                if nxt == "_" or (next_mode == "lower" and nxt.isupper()):
                    out.append(word[init:i + 1])
                    init, mode = i + 1, "boundary"
                elif mode == "upper" and c.isupper() and nxt.islower():
                    out.append(word[init:i])
                    init, mode = i, "boundary"
                else:
                    mode = next_mode
            else:
                out.append(word[init:])
                break
            i += 1
    return [w for w in out if w]


def cased(name, style):
    w = words(name)
    if style == "kebab":
        return "-".join(x.lower() for x in w)
    if style == "snake":
        return "_".join(x.lower() for x in w)
    if style == "screaming_snake":
        return "_".join(x.upper() for x in w)
    if style == "lower":
        return "".join(x.lower() for x in w)
    if style == "upper":
        return "".join(x.upper() for x in w)
    if style == "pascal":
        return "".join(x[:1].upper() + x[1:].lower() for x in w)
    if style == "camel":
        p = "".join(x[:1].upper() + x[1:].lower() for x in w)
        return p[:1].lower() + p[1:]
    return name


def casing_style(lit):
    norm = re.sub(r"[^a-z]", "", lit.lower())
    return {"camel": "camel", "camelcase": "camel", "kebab": "kebab", "kebabcase": "kebab",
            "pascal": "pascal", "pascalcase": "pascal", "screamingsnake": "screaming_snake",
            "screamingsnakecase": "screaming_snake", "snake": "snake", "snakecase": "snake",
            "lower": "lower", "lowercase": "lower", "upper": "upper", "uppercase": "upper",
            "verbatim": "verbatim", "verbatimcase": "verbatim"}.get(norm, "kebab")


class Name:
    """clap_derive's Name: derived from an identifier (cased on use) or assigned by a literal (used as is)."""

    def __init__(self, ident=None, assigned=None):
        self.ident, self.assigned = ident, assigned

    def translate(self, style):
        return self.assigned if self.assigned is not None else cased(self.ident, style)

    def translate_char(self, style):
        return self.translate(style)[:1]


# ---------------------------------------------------------------------------------------------------------
# Values inside attributes.

def lit(tokens, what="value"):
    """A literal (string, char, bool, number) or a path's text; arrays become lists."""
    if tokens is None:
        return None
    if len(tokens) == 1:
        t = tokens[0]
        if isinstance(t, Tok):
            if t.kind in ("str", "char"):
                return t.value
            if t.kind == "ident" and t.value in ("true", "false"):
                return t.value == "true"
            if t.kind == "num":
                try:
                    return int(re.sub(r"[^0-9]", "", re.sub(r"(u|i)(8|16|32|64|128|size)$", "", t.text)))
                except ValueError:
                    return t.text
        if is_g(t, "["):
            return [lit(p) for p in split_commas(t.children)]
    # &["a", "b"] and vec!["a"]
    if len(tokens) == 2 and is_p(tokens[0], "&") and is_g(tokens[1], "["):
        return lit(tokens[1:])
    if len(tokens) == 3 and is_id(tokens[0], "vec") and is_p(tokens[1], "!") and is_g(tokens[2], "["):
        return lit(tokens[2:])
    # Some(x)
    if len(tokens) == 2 and is_id(tokens[0], "Some") and is_g(tokens[1], "("):
        return lit(tokens[1].children)
    return Expr(render(tokens), tokens)


class Expr:
    """An expression the script keeps as text (and tokens, for paths such as EnvVars::UV_PYTHON)."""

    def __init__(self, text, tokens):
        self.text, self.tokens = text, tokens

    def idents(self):
        return [t.value for t in self.tokens if is_id(t)]

    def __repr__(self):
        return self.text


def as_str(v, where, what):
    if isinstance(v, str):
        return v
    if isinstance(v, Expr):
        warn(f"{where}: {what} is not a literal: `{v.text}`")
        return v.text
    return None if v is None else str(v)


def as_list(v):
    if v is None:
        return []
    if isinstance(v, list):
        return v
    return [v]


def as_bool(v):
    if isinstance(v, bool):
        return v
    if v is None:
        return True
    return str(v) == "true"


def value_of(value_tokens, call_args):
    if call_args is not None:
        if len(call_args) == 1:
            return lit(call_args[0])
        return [lit(a) for a in call_args]
    return lit(value_tokens)


def parse_range(v):
    """num_args: 1, 1.., 0..=1, .., ..=3 -> (min, max) with None for unbounded."""
    if isinstance(v, int):
        return v, v
    text = v.text if isinstance(v, Expr) else str(v)
    text = text.replace(" ", "")
    m = re.fullmatch(r"(\d*)(\.\.=?)?(\d*)", text)
    if not m:
        return None
    a, op, b = m.groups()
    if not op:
        return int(a), int(a)
    lo = int(a) if a else 0
    if not b:
        return lo, None
    hi = int(b) if op == "..=" else int(b) - 1
    return lo, hi


# ---------------------------------------------------------------------------------------------------------
# Grammar model.

ARG_ACTIONS = {"Set": "set", "Append": "append", "SetTrue": "setTrue", "SetFalse": "setFalse", "Count": "count",
               "Help": "help", "HelpShort": "helpShort", "HelpLong": "helpLong", "Version": "version"}

# Command settings that matter to a parser; the global ones propagate to every subcommand
# (clap_builder builder/command.rs: these setters call global_setting).
GLOBAL_SETTINGS = {"disable_help_flag", "disable_version_flag", "disable_help_subcommand", "propagate_version",
                   "args_override_self", "ignore_errors", "dont_delimit_trailing_values", "infer_long_args",
                   "infer_subcommands", "no_binary_name"}
LOCAL_SETTINGS = {"arg_required_else_help", "allow_hyphen_values", "allow_negative_numbers", "trailing_var_arg",
                  "allow_missing_positional", "subcommand_required", "allow_external_subcommands",
                  "args_conflicts_with_subcommands", "subcommand_precedence_over_arg", "subcommand_negates_reqs",
                  "multicall", "hide"}
COMMAND_UI = {"about", "long_about", "author", "after_help", "after_long_help", "before_help", "before_long_help",
              "help_template", "styles", "display_order", "display_name", "override_usage", "override_help",
              "verbatim_doc_comment", "term_width", "max_term_width", "help_expected", "disable_colored_help",
              "hide_possible_values", "next_line_help", "bin_name", "flatten_help", "subcommand_help_heading",
              "subcommand_value_name", "color", "doc", "next_help_heading", "next_display_order", "help_heading"}
ARG_UI = {"help", "long_help", "help_heading", "display_order", "value_hint", "verbatim_doc_comment",
          "next_line_help", "hide_default_value", "hide_possible_values", "hide_short_help", "hide_long_help",
          "hide_env", "hide_env_values", "doc", "value_enum"}


class Command:
    def __init__(self, name, rust_type):
        self.name = name
        self.aliases = []
        self.args = []
        self.groups = []
        self.subcommands = []
        self.settings = {}
        self.has_version = False
        self.external = None
        self.rust_type = rust_type
        self.cfg = None

    def group(self, gid):
        for g in self.groups:
            if g["id"] == gid:
                return g
        g = {"id": gid, "args": [], "required": False, "multiple": False, "conflictsWith": [], "requires": [],
             "implicit": False, "rustType": None}
        self.groups.append(g)
        return g


class Context:
    def __init__(self, db):
        self.db = db
        self.stack = []
        self.used = set()  # files the grammar was read from

    def env(self, v, where):
        if isinstance(v, str):
            return v
        if isinstance(v, Expr):
            ids = v.idents()
            if ids and ids[-1] in self.db.env_vars:
                return self.db.env_vars[ids[-1]]
            warn(f"{where}: cannot resolve env `{v.text}`")
            return ids[-1] if ids else v.text
        return None


def apply_command_method(cmd, key, value, where, ctx):
    """A #[command(...)] entry on a struct, enum or variant, applied to the command being built."""
    if key in ("alias", "visible_alias"):
        cmd.aliases.append(as_str(value, where, key))
    elif key in ("aliases", "visible_aliases"):
        cmd.aliases.extend(as_str(v, where, key) for v in as_list(value))
    elif key in ("short_flag", "long_flag", "short_flag_alias", "long_flag_alias", "short_flag_aliases",
                 "long_flag_aliases", "visible_short_flag_aliases", "visible_long_flag_aliases"):
        warn(f"{where}: flag subcommand `{key}` is not modelled")
    elif key == "group":
        apply_arg_group(cmd, value, where)
    elif key == "groups":
        for v in as_list(value):
            apply_arg_group(cmd, v, where)
    elif key in ("version", "long_version"):
        cmd.has_version = True
    elif key in GLOBAL_SETTINGS or key in LOCAL_SETTINGS:
        cmd.settings[key] = as_bool(value)
    elif key in COMMAND_UI or key in ("name", "rename_all", "rename_all_env", "subcommand", "flatten",
                                      "external_subcommand", "skip", "id"):
        pass
    else:
        warn(f"{where}: unknown command attribute `{key}`")


def apply_arg_group(cmd, value, where):
    """`clap::ArgGroup::new("x").required(true).multiple(true)...` (a method chain)."""
    if not isinstance(value, Expr):
        warn(f"{where}: cannot read group `{value}`")
        return
    toks = value.tokens
    calls = []
    for k in range(len(toks) - 1):
        if is_id(toks[k]) and is_g(toks[k + 1], "("):
            calls.append((toks[k].value, [lit(p) for p in split_commas(toks[k + 1].children)]))
    if not calls or calls[0][0] != "new" or not calls[0][1]:
        warn(f"{where}: cannot read group `{value.text}`")
        return
    g = cmd.group(as_str(calls[0][1][0], where, "group id"))
    g["rustType"] = g["rustType"] or "ArgGroup"
    for name, args in calls[1:]:
        arg = args[0] if args else None
        if name == "required":
            g["required"] = as_bool(arg)
        elif name == "multiple":
            g["multiple"] = as_bool(arg)
        elif name == "arg":
            g["args"].append(arg)
        elif name == "args":
            g["args"].extend(as_list(arg))
        elif name == "conflicts_with":
            g["conflictsWith"].append(arg)
        elif name == "conflicts_with_all":
            g["conflictsWith"].extend(as_list(arg))
        elif name == "requires":
            g["requires"].append(arg)
        elif name == "requires_all":
            g["requires"].extend(as_list(arg))
        elif name == "id":
            g["id"] = arg
        else:
            warn(f"{where}: unknown ArgGroup method `{name}`")


def cfg_of(attrs):
    """`#[cfg(feature = "self-update")]` on a variant or field: the predicate, as text."""
    preds = [render(a.group.children) for a in attrs if a.kind == "cfg" and a.group is not None]
    return " && ".join(preds) if preds else None


def attr_entries(attrs, kinds):
    for a in attrs:
        if a.kind in kinds:
            for key, value, call in a.items():
                yield a, key, value, call


def item_casing(attrs, default="kebab"):
    casing = default
    for a, key, value, call in attr_entries(attrs, ("command", "clap", "arg", "value", "structopt")):
        if key == "rename_all":
            casing = casing_style(str(value_of(value, call)))
    return casing


def kind_of(attrs):
    """clap_derive infer_kind: flatten, subcommand, external_subcommand, skip, from_global, or arg/command."""
    kind = None
    for a, key, value, call in attr_entries(attrs, ("arg", "command", "clap", "structopt", "value")):
        if call is not None:
            continue
        if key in ("flatten", "subcommand", "external_subcommand", "from_global") and value is None:
            kind = key
        elif key == "skip":
            kind = "skip"
    return kind


def augment_args(cmd, item, ctx, casing=None):
    """<T as Args>::augment_args: the struct's default group, its fields, then its #[command(...)]."""
    where = item.where()
    if item.name in ctx.stack:
        warn(f"{where}: recursive flatten of `{item.name}`")
        return
    ctx.stack.append(item.name)
    ctx.used.add(item.path)
    try:
        casing = item_casing(item.attrs, casing or "kebab")
        if "Args" not in item.derives and "Parser" not in item.derives:
            if ctx.db.impls.get(item.name, set()) & {"Args", "Parser"}:
                warn(f"{where}: `{item.name}` implements Args by hand; its arguments are unknown")
                return
            warn(f"{where}: `{item.name}` does not derive Args or Parser")
        if item.kind != "struct" or item.shape == "tuple":
            warn(f"{where}: `{item.name}` is not a struct with named fields")
            return
        add_fields(cmd, item.fields, item.attrs, item.name, item, ctx, casing)
    finally:
        ctx.stack.pop()


def add_fields(cmd, fields, owner_attrs, owner_name, context_item, ctx, casing):
    where = context_item.where()
    # Default group (derives/args.rs): id = the struct's (or variant's) name, multiple(true), members are its
    # own arguments, or none at all when it flattens another struct; #[group(skip)] drops it.
    skip_group = False
    group_id = owner_name
    group_methods = []
    for a, key, value, call in attr_entries(owner_attrs, ("group",)):
        v = value_of(value, call)
        if key == "skip":
            skip_group = True
        elif key == "id":
            group_id = as_str(v, where, "group id")
        else:
            group_methods.append((key, v))
    member_ids = []
    has_flatten = False

    for f in fields:
        kind = kind_of(f.attrs)
        fwhere = f"{context_item.path}:{f.line}"
        ty = parse_type(f.ty)
        if kind == "skip" or kind == "from_global":
            continue
        if cfg_of(f.attrs) and kind in ("flatten", "subcommand"):
            warn(f"{fwhere}: #[cfg] on a flattened field is not recorded")
        if kind == "flatten":
            has_flatten = True
            inner = ty.args[0] if ty_kind(ty) == "option" else ty
            inner = strip_box(inner)
            target = ctx.db.find(inner.name, {"Args", "Parser"}, context_item, type_crate_hint(inner))
            if target is None:
                warn(f"{fwhere}: flattened `{inner.text}` not found")
                continue
            augment_args(cmd, target, ctx)
            continue
        if kind == "subcommand":
            optional = ty_kind(ty) == "option"
            inner = strip_box(ty.args[0] if optional else ty)
            target = ctx.db.find(inner.name, {"Subcommand", "Parser"}, context_item, type_crate_hint(inner))
            if target is None:
                warn(f"{fwhere}: subcommand enum `{inner.text}` not found")
                continue
            augment_subcommands(cmd, target, ctx)
            if not optional:
                cmd.settings["subcommand_required"] = True
                cmd.settings["arg_required_else_help"] = True
            continue
        if kind == "external_subcommand":
            warn(f"{fwhere}: external_subcommand on a field")
            continue
        arg = build_arg(f, ty, casing, fwhere, ctx)
        if arg is None:
            continue
        cmd.args.append(arg)
        member_ids.append(arg["id"])

    if not skip_group:
        g = cmd.group(group_id)
        g["multiple"] = True
        g["implicit"] = True
        g["rustType"] = owner_name
        if not has_flatten:
            g["args"].extend(member_ids)
        for key, v in group_methods:
            if key == "required":
                g["required"] = as_bool(v)
            elif key == "multiple":
                g["multiple"] = as_bool(v)
            elif key == "conflicts_with":
                g["conflictsWith"].append(v)
            elif key == "conflicts_with_all":
                g["conflictsWith"].extend(as_list(v))
            elif key == "requires":
                g["requires"].append(v)
            elif key == "requires_all":
                g["requires"].extend(as_list(v))
            elif key not in ("name",):
                warn(f"{where}: unknown group attribute `{key}`")

    # The struct's own #[command(...)] methods come last (final_top_level_methods).
    for a, key, value, call in attr_entries(owner_attrs, ("command", "clap")):
        apply_command_method(cmd, key, value_of(value, call), where, ctx)


def build_arg(f, ty, casing, where, ctx):
    kind = ty_kind(ty)
    name = Name(ident=f.name)
    positional = True
    methods = []          # (key, value) in source order, after the magic ones are resolved
    action = None
    value_parser = None   # Expr/list/None
    is_enum = False
    default = None
    has_default_method = False
    env_casing = "screaming_snake"
    for a, key, value, call in attr_entries(f.attrs, ("arg", "clap", "structopt", "command")):
        if key is None:
            warn(f"{where}: cannot read attribute part `{render(value)}`")
            continue
        if a.kind == "command" and key not in ("flatten", "subcommand"):
            warn(f"{where}: #[command({key})] on an argument")
        if call is not None:  # raw method call syntax: long("x"), alias("y"), required(false)
            v = value_of(None, call)
            if key in ("short", "long"):
                positional = False
            if key == "id" or key == "name":
                name = Name(assigned=as_str(v, where, key))
            elif key == "action":
                action = v
            elif key == "value_parser":
                value_parser = v
            else:
                methods.append((key, v))
            continue
        v = lit(value)
        if key == "short" and value is None:
            methods.append(("short", name.translate_char(casing)))
            positional = False
        elif key == "long" and value is None:
            methods.append(("long", name.translate(casing)))
            positional = False
        elif key == "env" and value is None:
            methods.append(("env", name.translate(env_casing)))
        elif key in ("value_parser", "action") and value is None:
            pass  # the default, as without the attribute
        elif key == "value_enum" and value is None:
            is_enum = True
        elif key in ("default_value_t", "default_value_os_t"):
            default = v.text if isinstance(v, Expr) else ("<Default>" if v is None else v)
            has_default_method = True
        elif key in ("default_values_t", "default_values_os_t"):
            default = v.text if isinstance(v, Expr) else v
        elif key in ("rename_all",):
            casing = casing_style(str(v))
        elif key == "rename_all_env":
            env_casing = casing_style(str(v))
        elif key in ("verbatim_doc_comment",):
            pass
        elif key in ("id", "name"):
            name = Name(assigned=as_str(v, where, key))
        elif key == "action":
            action = v
        elif key == "value_parser":
            value_parser = v
        else:
            if key in ("short", "long"):
                positional = False
            if key in ("default_value", "default_value_os"):
                has_default_method = True
                default = v.text if isinstance(v, Expr) else v
            methods.append((key, v))

    arg_id = name.translate("verbatim") if name.assigned is not None else f.name
    if arg_id.startswith("r#"):
        arg_id = arg_id[2:]

    # Action (item.rs default_action): Vec -> Append, Option -> Set, bool -> SetTrue, else Set.
    if action is not None:
        ids = action.idents() if isinstance(action, Expr) else [str(action)]
        act = ARG_ACTIONS.get(ids[-1] if ids else "", None)
        if act is None:
            warn(f"{where}: unknown action `{action}`")
            act = "set"
    elif kind in ("vec", "optionvec", "vecvec", "optionvecvec"):
        act = "append"
    elif kind in ("option", "optionoption"):
        act = "set"
    elif len(ty.segments) == 1 and ty.name == "bool" and not ty.args:
        act = "setTrue"
    else:
        act = "set"
    takes_value = act in ("set", "append")

    arg = {
        "id": arg_id, "long": None, "short": None, "aliases": [], "shortAliases": [], "action": act,
        "takesValue": takes_value, "positional": positional, "index": None,
        "valueName": name.translate("screaming_snake"), "valueDelimiter": None, "numArgs": None,
        "possibleValues": None, "emptyValueRejected": False, "valueParser": None, "global": False,
        "hidden": False, "required": False, "last": False, "trailingVarArg": False, "allowHyphenValues": False,
        "allowNegativeNumbers": False, "requireEquals": False, "ignoreCase": False, "env": None,
        "envBoolish": False, "defaultValue": None, "defaultMissingValue": None, "conflictsWith": [],
        "overridesWith": [], "requires": [], "groups": [], "exclusive": False, "rules": [], "cfg": cfg_of(f.attrs),
        "implicit": False, "rustType": ty.text,
    }

    # Implicit methods (derives/args.rs gen_augment), before the explicit ones.
    num_args = None
    if kind == "optionoption":
        num_args = (0, 1)
    elif kind in ("vec", "optionvec") and positional:
        num_args = (1, None)
    if kind == "other":
        arg["required"] = (not has_default_method) and takes_value

    for key, v in methods:
        if key == "long":
            arg["long"] = as_str(v, where, key)
            arg["positional"] = False
        elif key == "short":
            arg["short"] = as_str(v, where, key)
            arg["positional"] = False
        elif key in ("alias", "visible_alias"):
            arg["aliases"].append(as_str(v, where, key))
        elif key in ("aliases", "visible_aliases"):
            arg["aliases"].extend(as_str(x, where, key) for x in as_list(v))
        elif key in ("short_alias", "visible_short_alias"):
            arg["shortAliases"].append(as_str(v, where, key))
        elif key in ("short_aliases", "visible_short_aliases"):
            arg["shortAliases"].extend(as_str(x, where, key) for x in as_list(v))
        elif key == "num_args":
            r = parse_range(v)
            if r is None:
                warn(f"{where}: cannot read num_args `{v}`")
            num_args = r
        elif key == "value_delimiter":
            arg["valueDelimiter"] = as_str(v, where, key)
        elif key == "value_name":
            arg["valueName"] = as_str(v, where, key)
        elif key == "value_names":
            names = [as_str(x, where, key) for x in as_list(v)]
            arg["valueName"] = " ".join(names)
            if len(names) > 1 and num_args is None:
                num_args = (len(names), len(names))
        elif key == "conflicts_with":
            arg["conflictsWith"].append(as_str(v, where, key))
        elif key == "conflicts_with_all":
            arg["conflictsWith"].extend(as_str(x, where, key) for x in as_list(v))
        elif key == "overrides_with":
            arg["overridesWith"].append(as_str(v, where, key))
        elif key == "overrides_with_all":
            arg["overridesWith"].extend(as_str(x, where, key) for x in as_list(v))
        elif key == "requires":
            arg["requires"].append(as_str(v, where, key))
        elif key == "group":
            arg["groups"].append(as_str(v, where, key))
        elif key == "groups":
            arg["groups"].extend(as_str(x, where, key) for x in as_list(v))
        elif key in ("required", "global", "hide", "last", "trailing_var_arg", "exclusive", "require_equals",
                     "allow_hyphen_values", "allow_negative_numbers", "ignore_case"):
            field = {"hide": "hidden", "trailing_var_arg": "trailingVarArg",
                     "require_equals": "requireEquals", "allow_hyphen_values": "allowHyphenValues",
                     "allow_negative_numbers": "allowNegativeNumbers", "ignore_case": "ignoreCase"}.get(key, key)
            arg[field] = as_bool(v)
        elif key == "env":
            arg["env"] = ctx.env(v, where)
        elif key in ("default_value", "default_value_os"):
            pass
        elif key in ("default_values", "default_values_os"):
            default = v.text if isinstance(v, Expr) else v
        elif key in ("default_missing_value", "default_missing_value_os"):
            arg["defaultMissingValue"] = v.text if isinstance(v, Expr) else v
        elif key in ("default_missing_values", "default_missing_values_os"):
            arg["defaultMissingValue"] = v.text if isinstance(v, Expr) else v
        elif key == "index":
            arg["index"] = v
        elif key in ("required_if_eq", "required_if_eq_any", "required_if_eq_all", "required_unless_present",
                     "required_unless_present_any", "required_unless_present_all", "requires_if", "requires_ifs",
                     "conflicts_with_everything", "default_value_if", "default_value_ifs"):
            arg["rules"].append({"method": key, "args": jsonable(v if isinstance(v, list) else [v])})
        elif key in ARG_UI:
            pass
        else:
            warn(f"{where}: unknown argument attribute `{key}`")
    if default is not None:
        arg["defaultValue"] = default if isinstance(default, (str, list)) else str(default)

    # Number of values per occurrence (clap_builder Arg::_build: the action's default).
    if num_args is None:
        num_args = (1, 1) if takes_value else (0, 0)
    arg["numArgs"] = {"min": num_args[0], "max": num_args[1]}
    if num_args[1] == 0 and act in ("set", "append"):
        arg["takesValue"] = False

    # Value parser.
    describe_parser(arg, ty, value_parser, is_enum, where, ctx)
    if not arg["positional"]:
        arg["index"] = None
    return arg


def jsonable(v):
    if isinstance(v, Expr):
        return v.text
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    return v


INTS = {"u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64",
        "NonZeroU8", "NonZeroU16", "NonZeroU32", "NonZeroU64", "NonZeroUsize", "NonZero"}
BOOL_VALUES = ["true", "false"]
BOOLISH_VALUES = ["y", "yes", "t", "true", "on", "1", "n", "no", "f", "false", "off", "0"]


def describe_parser(arg, ty, value_parser, is_enum, where, ctx):
    """valueParser, possibleValues and emptyValueRejected, from the explicit parser or value_parser!(T)."""
    inner = inner_type(ty)
    if value_parser is None:
        parser_for_type(arg, inner, where, ctx)
    elif isinstance(value_parser, list):
        arg["valueParser"] = "possibleValues"
        arg["possibleValues"] = [str(x) for x in value_parser]
        arg["emptyValueRejected"] = "" not in arg["possibleValues"]
    elif isinstance(value_parser, Expr):
        text = value_parser.text
        ids = value_parser.idents()
        if "BoolishValueParser" in ids:
            arg.update(valueParser="boolish", possibleValues=BOOLISH_VALUES, emptyValueRejected=True)
        elif "FalseyValueParser" in ids:
            arg.update(valueParser="falsey", possibleValues=None, emptyValueRejected=False)
        elif "BoolValueParser" in ids:
            arg.update(valueParser="bool", possibleValues=BOOL_VALUES, emptyValueRejected=True)
        elif "NonEmptyStringValueParser" in ids:
            arg.update(valueParser="nonEmptyString", emptyValueRejected=True)
        elif "UnknownArgumentValueParser" in ids:
            strs = [t.value for t in value_parser.tokens if isinstance(t, Tok) and t.kind == "str"]
            nested = [t for t in value_parser.tokens if isinstance(t, Group)]
            for g in nested:
                strs += [t.value for t in g.children if isinstance(t, Tok) and t.kind == "str"]
            arg.update(valueParser="unknownArgument" + (":" + strs[0] if strs else ""), emptyValueRejected=True)
        elif "PossibleValuesParser" in ids:
            values = []
            for t in value_parser.tokens:
                if is_g(t, "("):
                    for g in t.children:
                        if is_g(g, "["):
                            values = [str(lit(p)) for p in split_commas(g.children)]
            arg.update(valueParser="possibleValues", possibleValues=values or None,
                       emptyValueRejected="" not in values)
        elif "value_parser" in ids and any(is_p(t, "!") for t in value_parser.tokens):
            # clap::value_parser!(T), maybe with .range(...)
            for k, t in enumerate(value_parser.tokens):
                if is_id(t, "value_parser") and k + 2 < len(value_parser.tokens) and is_g(value_parser.tokens[k + 2], "("):
                    parser_for_type(arg, parse_type(value_parser.tokens[k + 2].children), where, ctx)
                    break
        elif "EnumValueParser" in ids:
            enum_ty = None
            for k, t in enumerate(value_parser.tokens):
                if is_p(t, "<"):
                    enum_ty = next((x.value for x in value_parser.tokens[k + 1:] if is_id(x)), None)
                    break
            parser_for_type(arg, Type([enum_ty or inner.name], [], enum_ty or inner.text), where, ctx)
        else:
            arg.update(valueParser="fn:" + text, emptyValueRejected=False)
    else:
        warn(f"{where}: cannot read value_parser `{value_parser}`")
    if not arg["takesValue"]:
        # A flag's parser reads only its environment variable: no values on the command line.
        arg["possibleValues"] = None


def parser_for_type(arg, t, where, ctx):
    """What clap's value_parser!(T) picks (ValueParserFactory, then ValueEnum, then From<String>, FromStr)."""
    name = t.name
    if arg["action"] in ("help", "helpShort", "helpLong", "version"):
        arg["valueParser"] = None
        return
    if len(t.segments) > 1 and t.segments[0] == "std":
        name = t.segments[-1]
    if name == "String" or name == "str":
        arg.update(valueParser="string", emptyValueRejected=False)
    elif name == "OsString":
        arg.update(valueParser="osString", emptyValueRejected=False)
    elif name == "PathBuf":
        arg.update(valueParser="path", emptyValueRejected=True)
    elif name == "bool":
        arg.update(valueParser="bool", emptyValueRejected=True,
                   possibleValues=BOOL_VALUES if arg["takesValue"] else None)
    elif name in INTS:
        arg.update(valueParser="number:" + name, emptyValueRejected=True)
    elif name == "Box" and t.args:
        parser_for_type(arg, t.args[0], where, ctx)
    else:
        impls = ctx.db.impls.get(name, set())
        enum = ctx.db.find(name, {"ValueEnum"}, None, type_crate_hint(t))
        if "ValueParserFactory" in impls:
            arg.update(valueParser="factory:" + t.text, emptyValueRejected=False)
        elif enum is not None and "ValueEnum" in enum.derives:
            ctx.used.add(enum.path)
            arg.update(valueParser="enum:" + name, possibleValues=value_enum_names(enum),
                       emptyValueRejected="" not in value_enum_names(enum))
        elif "ValueEnum" in impls:
            arg.update(valueParser="enum:" + name, possibleValues=None, emptyValueRejected=True)
        elif name not in ctx.db.type_names or (len(t.segments) > 1 and t.segments[0] not in ctx.db.module_names):
            arg.update(valueParser="external:" + t.text, emptyValueRejected=False)
        else:
            arg.update(valueParser="fromStr:" + t.text, emptyValueRejected=False)


def value_enum_names(item):
    casing = item_casing(item.attrs)
    names = []
    for v in item.variants:
        if kind_of(v.attrs) == "skip":
            continue
        vcasing = item_casing(v.attrs, casing)
        name = cased(v.name, vcasing)
        aliases = []
        for a, key, value, call in attr_entries(v.attrs, ("value", "clap", "arg")):
            val = value_of(value, call)
            if key == "name":
                name = as_str(val, item.where(), "value name")
            elif key == "alias":
                aliases.append(as_str(val, item.where(), "value alias"))
            elif key == "aliases":
                aliases.extend(as_str(x, item.where(), "value alias") for x in as_list(val))
        names.append(name)
        names.extend(aliases)
    return names


def augment_subcommands(cmd, enum, ctx):
    """<E as Subcommand>::augment_subcommands: one command per variant (derives/subcommand.rs gen_augment)."""
    where = enum.where()
    if enum.kind != "enum":
        warn(f"{where}: `{enum.name}` used as subcommands is not an enum")
        return
    if enum.name in ctx.stack:
        warn(f"{where}: recursive subcommand `{enum.name}`")
        return
    ctx.stack.append(enum.name)
    ctx.used.add(enum.path)
    casing = item_casing(enum.attrs)
    try:
        for v in enum.variants:
            vwhere = f"{enum.path}:{v.line}"
            kind = kind_of(v.attrs)
            vcasing = item_casing(v.attrs, casing)
            if kind == "skip":
                continue
            if kind == "external_subcommand":
                ty = parse_type(v.fields[0].ty) if v.fields else None
                inner = ty.single("Vec") if ty else None
                cmd.external = inner.text if inner is not None else "OsString"
                cmd.settings["allow_external_subcommands"] = True
                continue
            if kind == "flatten":
                if v.shape != "tuple" or len(v.fields) != 1:
                    warn(f"{vwhere}: flattened variant `{v.name}` is not a newtype")
                    continue
                ty = strip_box(parse_type(v.fields[0].ty))
                target = ctx.db.find(ty.name, {"Subcommand", "Parser"}, enum, type_crate_hint(ty))
                if target is None:
                    warn(f"{vwhere}: flattened subcommands `{ty.text}` not found")
                    continue
                augment_subcommands(cmd, target, ctx)
                continue
            name = Name(ident=v.name)
            for a, key, value, call in attr_entries(v.attrs, ("command", "clap")):
                if key == "name":
                    name = Name(assigned=as_str(value_of(value, call), vwhere, "name"))
            sub = Command(name.translate(vcasing), None)
            sub.cfg = cfg_of(v.attrs)
            if kind == "subcommand":
                sub.settings["subcommand_required"] = True
                sub.settings["arg_required_else_help"] = True
                if v.shape == "tuple" and len(v.fields) == 1:
                    ty = strip_box(parse_type(v.fields[0].ty))
                    target = ctx.db.find(ty.name, {"Subcommand", "Parser"}, enum, type_crate_hint(ty))
                    sub.rust_type = ty.text
                    if target is None:
                        warn(f"{vwhere}: subcommand enum `{ty.text}` not found")
                    else:
                        augment_subcommands(sub, target, ctx)
                for a, key, value, call in attr_entries(v.attrs, ("command", "clap")):
                    apply_command_method(sub, key, value_of(value, call), vwhere, ctx)
            elif v.shape == "named":
                sub.rust_type = f"{enum.name}::{v.name}"
                fake = Item("struct", v.name, [], enum.path, v.line)
                add_fields(sub, v.fields, v.attrs, v.name, fake, ctx, vcasing)
            else:
                if v.shape == "tuple" and len(v.fields) == 1:
                    ty = strip_box(parse_type(v.fields[0].ty))
                    sub.rust_type = ty.text
                    target = ctx.db.find(ty.name, {"Args", "Parser"}, enum, type_crate_hint(ty))
                    if target is None:
                        warn(f"{vwhere}: arguments `{ty.text}` of `{v.name}` not found")
                    else:
                        augment_args(sub, target, ctx)
                elif v.shape == "tuple":
                    warn(f"{vwhere}: variant `{v.name}` has {len(v.fields)} fields")
                else:
                    sub.rust_type = f"{enum.name}::{v.name}"
                for a, key, value, call in attr_entries(v.attrs, ("command", "clap")):
                    apply_command_method(sub, key, value_of(value, call), vwhere, ctx)
            cmd.subcommands.append(sub)
        for a, key, value, call in attr_entries(enum.attrs, ("command", "clap")):
            apply_command_method(cmd, key, value_of(value, call), where, ctx)
    finally:
        ctx.stack.pop()


# ---------------------------------------------------------------------------------------------------------
# What clap's Command::_build_self adds: global settings flow down, the automatic -h/--help and -V/--version
# (unless disabled), the automatic `help` subcommand, group membership from `group = "…"`, positional indexes.

def finish(cmd, inherited):
    settings = dict(inherited)
    for k, v in cmd.settings.items():
        settings[k] = v
    if not cmd.subcommands and cmd.external is None:
        settings["disable_help_subcommand"] = True
    own_globals = {k: settings.get(k, False) for k in GLOBAL_SETTINGS}
    # Inherited globals can only be turned on again, never off, below (g_settings are or-ed).
    for k in GLOBAL_SETTINGS:
        if inherited.get(k):
            own_globals[k] = True

    if not own_globals["disable_help_flag"]:
        cmd.args.append(implicit_arg("help", "help", "h", "help", "Print help"))
    if not own_globals["disable_version_flag"] and (cmd.has_version or (own_globals["propagate_version"] and inherited.get("__version"))):
        cmd.args.append(implicit_arg("version", "version", "V", "version", "Print version"))
    if not own_globals["disable_help_subcommand"] and (cmd.subcommands or cmd.external is not None):
        help_cmd = Command("help", None)
        help_cmd.rust_type = "(clap's help subcommand)"
        a = implicit_arg("subcommand", None, None, "append", "Print help for the subcommand(s)")
        a.update(positional=True, takesValue=True, valueName="COMMAND", numArgs={"min": 0, "max": None},
                 valueParser="string", index=1)
        help_cmd.args.append(a)
        help_cmd.settings.update(disable_help_flag=True, disable_version_flag=True, disable_help_subcommand=True)
        help_cmd.implicit = True
        cmd.subcommands.append(help_cmd)

    # Groups named by arguments (clap creates a plain group, multiple(false), for an unknown id).
    for a in cmd.args:
        for gid in a["groups"]:
            g = cmd.group(gid)
            if a["id"] not in g["args"]:
                g["args"].append(a["id"])
    pos = 1
    for a in cmd.args:
        if a["positional"]:
            if a["index"] is None:
                a["index"] = pos
                pos += 1
    if settings.get("trailing_var_arg"):
        highest = max((a["index"] for a in cmd.args if a["positional"]), default=None)
        for a in cmd.args:
            if a["positional"] and a["index"] == highest:
                a["trailingVarArg"] = True

    child_inherited = {k: v for k, v in own_globals.items() if v}
    child_inherited["__version"] = cmd.has_version or inherited.get("__version", False)
    cmd.effective = settings
    cmd.effective.update(own_globals)
    for sub in cmd.subcommands:
        if getattr(sub, "implicit", False):
            sub.effective = dict(sub.settings)
            continue
        finish(sub, child_inherited)
    seen = set()
    for a in cmd.args:
        if a["id"] in seen:
            warn(f"`{cmd.name}`: argument id `{a['id']}` appears twice")
        seen.add(a["id"])


def implicit_arg(arg_id, long, short, action, help_text):
    return {
        "id": arg_id, "long": long, "short": short, "aliases": [], "shortAliases": [], "action": action,
        "takesValue": False, "positional": False, "index": None, "valueName": arg_id.upper(),
        "valueDelimiter": None, "numArgs": {"min": 0, "max": 0}, "possibleValues": None,
        "emptyValueRejected": False, "valueParser": None, "global": False, "hidden": False, "required": False,
        "last": False, "trailingVarArg": False, "allowHyphenValues": False, "allowNegativeNumbers": False,
        "requireEquals": False, "ignoreCase": False, "env": None, "envBoolish": False, "defaultValue": None,
        "defaultMissingValue": None, "conflictsWith": [], "overridesWith": [], "requires": [], "groups": [],
        "exclusive": False, "rules": [], "cfg": None, "implicit": True, "rustType": f"(clap's automatic {help_text.lower()})",
    }


SETTING_NAMES = {
    "disable_help_flag": "disableHelpFlag", "disable_version_flag": "disableVersionFlag",
    "disable_help_subcommand": "disableHelpSubcommand", "propagate_version": "propagateVersion",
    "args_override_self": "argsOverrideSelf", "ignore_errors": "ignoreErrors",
    "dont_delimit_trailing_values": "dontDelimitTrailingValues", "infer_long_args": "inferLongArgs",
    "infer_subcommands": "inferSubcommands", "no_binary_name": "noBinaryName",
    "allow_hyphen_values": "allowHyphenValues", "allow_negative_numbers": "allowNegativeNumbers",
    "trailing_var_arg": "trailingVarArg", "allow_missing_positional": "allowMissingPositional",
    "subcommand_precedence_over_arg": "subcommandPrecedenceOverArg",
    "subcommand_negates_reqs": "subcommandNegatesReqs", "multicall": "multicall",
}


def to_json(cmd):
    eff = cmd.effective
    for a in cmd.args:
        a["envBoolish"] = a["env"] is not None and a["valueParser"] in ("boolish", "falsey")
    return {
        "name": cmd.name,
        "aliases": cmd.aliases,
        "hidden": bool(eff.get("hide")),
        "args": cmd.args,
        "groups": cmd.groups,
        "subcommands": [to_json(s) for s in cmd.subcommands],
        "subcommandRequired": bool(eff.get("subcommand_required")),
        "argRequiredElseHelp": bool(eff.get("arg_required_else_help")),
        "externalSubcommand": cmd.external is not None,
        "externalSubcommandValueType": cmd.external,
        "argsConflictsWithSubcommands": bool(eff.get("args_conflicts_with_subcommands")),
        "settings": {v: bool(eff.get(k)) for k, v in SETTING_NAMES.items()},
        "cfg": cmd.cfg,
        "implicit": bool(getattr(cmd, "implicit", False)),
        "rustType": cmd.rust_type,
    }


def uv_version(root):
    for rel in ("crates/uv/Cargo.toml", "Cargo.toml"):
        try:
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                text = f.read()
        except OSError:
            continue
        m = re.search(r'^\[package\][^\[]*?^version\s*=\s*"([^"]+)"', text, re.M | re.S)
        if m:
            return m.group(1)
    return None


def grammar(root):
    db = Database(root)
    db.load()
    ctx = Context(db)
    # uv 0.2.x and later: crates/uv-cli/src/lib.rs; before: crates/uv/src/cli.rs or main.rs.
    candidates = [c for c in db.items.get("Cli", []) if c.derives & {"Parser"}
                  and c.crate in ("uv-cli", "uv")]
    candidates.sort(key=lambda c: c.crate != "uv-cli")
    if not candidates:
        raise SystemExit("uv-grammar: no `#[derive(Parser)] struct Cli` in crates/uv-cli or crates/uv")
    cli = candidates[0]
    name = "uv"
    for a, key, value, call in attr_entries(cli.attrs, ("command", "clap")):
        if key == "name":
            name = as_str(value_of(value, call), cli.where(), "name")
    root_cmd = Command(name, cli.name)
    augment_args(root_cmd, cli, ctx)
    finish(root_cmd, {})
    sources = sorted(ctx.used | ({"crates/uv-static/src/env_vars.rs"} if db.env_vars else set()))
    return {
        "formatVersion": FORMAT_VERSION,
        "uvVersion": uv_version(root),
        "source": ", ".join(sources),
        "root": to_json(root_cmd),
    }


def check(node, path="uv", inherited=()):
    """clap's debug asserts, roughly: every id an argument or group names exists in its command."""
    own = {a["id"] for a in node["args"]}
    known = own | {g["id"] for g in node["groups"]} | set(inherited)
    longs = {}
    for a in node["args"]:
        for ref in a["conflictsWith"] + a["overridesWith"] + a["requires"]:
            if ref not in known:
                warn(f"`{path}`: `{a['id']}` names unknown id `{ref}`")
        for name in ([a["long"]] if a["long"] else []) + a["aliases"]:
            if name in longs and longs[name] != a["id"]:
                warn(f"`{path}`: --{name} is both `{longs[name]}` and `{a['id']}`")
            longs[name] = a["id"]
    for g in node["groups"]:
        for ref in g["args"] + g["conflictsWith"] + g["requires"]:
            if ref not in known:
                warn(f"`{path}`: group `{g['id']}` names unknown id `{ref}`")
    globals_here = set(inherited) | {a["id"] for a in node["args"] if a["global"]}
    for s in node["subcommands"]:
        check(s, f"{path} {s['name']}", globals_here)


def counts(node, depth=0, acc=None):
    acc = acc if acc is not None else {"commands": 0, "args": 0, "positionals": 0, "globalArgs": 0, "groups": 0,
                                       "hiddenArgs": 0, "maxDepth": 0}
    acc["commands"] += 1
    acc["maxDepth"] = max(acc["maxDepth"], depth)
    acc["groups"] += sum(1 for g in node["groups"] if not g["implicit"])
    for a in node["args"]:
        acc["args"] += 1
        acc["positionals"] += a["positional"]
        acc["globalArgs"] += a["global"]
        acc["hiddenArgs"] += a["hidden"]
    for s in node["subcommands"]:
        counts(s, depth + 1, acc)
    return acc


def dump(value, indent=""):
    """JSON with one line per argument and group, so a changed argument is a one-line diff."""
    inner = indent + "  "
    if isinstance(value, dict) and ("action" in value or "multiple" in value):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dump(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}" + ("\n" if not indent else "")
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "[\n" + ",\n".join(inner + dump(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    result = grammar(argv[1])
    check(result["root"])
    sys.stdout.write(dump(result))
    c = counts(result["root"])
    print(f"uv-grammar: uv {result['uvVersion']}: {c['commands']} commands, {c['args']} args "
          f"({c['positionals']} positional, {c['globalArgs']} global, {c['hiddenArgs']} hidden), "
          f"{c['groups']} explicit groups, {len(WARNINGS)} warnings", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
