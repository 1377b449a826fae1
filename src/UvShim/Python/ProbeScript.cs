namespace UvShim.Python;

/// <summary>
/// The one program uvshim runs in the target interpreter. It prints NUL-terminated
/// <c>key=value</c> pairs: everything the install decision and the layout choice need.
/// </summary>
/// <remarks>
/// Run with <c>-I -S</c>: no user environment, and no <c>site.main()</c> (its .pth files cost
/// milliseconds). Without it neither venv detection nor <c>site.ENABLE_USER_SITE</c> happen, so
/// the script finds pyvenv.cfg as <c>site.venv()</c> does, and re-derives the user-site flag from
/// the environment and the uids as <c>site.check_enableusersite()</c> would in a normal start.
/// The "venv_*" keys mirror uv's <c>get_virtualenv()</c> (crates/uv-python/python/get_interpreter_info.py):
/// the paths uv uses under <c>--prefix</c>, relative to the prefix. Where there is no "venv"
/// scheme (before 3.11) uv asks distutils with prefix "/", which gives the same paths as the
/// posix_prefix/nt scheme with the prefixes blanked; that is what the script computes.
/// </remarks>
internal static class ProbeScript
{
    public const int Version = 2;

    public const string Source = """
import os, sys
def flag(name):
    v = os.environ.get(name, "")
    if not v: return False
    try: return int(v) != 0
    except ValueError: return True
def enable_user_site():
    if flag("PYTHONNOUSERSITE"): return "False"
    if hasattr(os, "geteuid") and os.geteuid() != os.getuid(): return "None"
    if hasattr(os, "getegid") and os.getegid() != os.getgid(): return "None"
    return "True"
# Run with -S, so site.venv() has not run: find pyvenv.cfg as it does, before sysconfig reads sys.prefix.
in_venv = sys.prefix != getattr(sys, "base_prefix", sys.prefix) or hasattr(sys, "real_prefix")
venv_sys = ""
exe_dir = os.path.dirname(os.path.abspath(sys.executable))
for cfg in (os.path.join(exe_dir, "pyvenv.cfg"), os.path.join(os.path.dirname(exe_dir), "pyvenv.cfg")):
    if not os.path.isfile(cfg): continue
    if not in_venv: sys.prefix = sys.exec_prefix = os.path.dirname(exe_dir)
    in_venv = True
    try:
        with open(cfg, encoding="utf-8") as f:
            for line in f:
                k, _, v = line.partition("=")
                if k.strip().lower() == "include-system-site-packages": venv_sys = v.strip()
    except OSError: venv_sys = "<unreadable>"
    break
import sysconfig, site
names = sysconfig.get_scheme_names()
gps = getattr(sysconfig, "get_preferred_scheme", None)
framework = getattr(sys, "_framework", "") or ""
if gps: us = gps("user")
elif os.name == "nt": us = "nt_user"
elif sys.platform == "darwin" and framework: us = "osx_framework_user"
else: us = "posix_user"
ps = gps("prefix") if gps else sysconfig._get_default_scheme()
ub = site.getuserbase()
up = sysconfig.get_paths(us) if us in names else {}
pp = sysconfig.get_paths(ps)
if "venv" in names: vs = "venv"
elif sys.version_info[:2] == (3, 10) and "deb_system" in names: vs = "posix_prefix"
else: vs = "nt" if os.name == "nt" else "posix_prefix"
raw = {k: sysconfig.get_path(k, expand=False, scheme=vs) for k in ("purelib", "platlib", "scripts", "data")}
keys = set(["PYTHONFRAMEWORK"])
for p in raw.values():
    for part in p.split("{")[1:]: keys.add(part.split("}")[0])
cv = {k: sysconfig.get_config_var(k) for k in keys}
prefixes = tuple(os.path.abspath(p) for p in (sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix))
cv = {k: "" if v in prefixes else v for k, v in cv.items()}
vp = {k: v.format(**cv).replace("/", os.sep).lstrip(os.sep) for k, v in raw.items()}
stdlib = sysconfig.get_path("stdlib")
out = [("probe", "1"), ("executable", sys.executable), ("version", "%d.%d.%d" % sys.version_info[:3]),
       ("implementation", sys.implementation.name), ("platform", sys.platform), ("os_name", os.name),
       ("framework", framework), ("gil_disabled", str(int(bool(sysconfig.get_config_var("Py_GIL_DISABLED"))))),
       ("prefix", sys.prefix), ("base_prefix", sys.base_prefix), ("in_venv", str(int(in_venv))),
       ("venv_include_system_site_packages", venv_sys), ("enable_user_site", enable_user_site()),
       ("userbase", ub or ""), ("usersite", (site.getusersitepackages() if ub else "") or ""),
       ("user_scheme", us if us in names else ""), ("prefix_scheme", ps), ("stdlib", stdlib)]
out += [("user_" + k, up.get(k, "")) for k in ("purelib", "platlib", "scripts", "data")]
out += [("prefix_" + k, pp.get(k, "")) for k in ("purelib", "platlib", "scripts", "data")]
out += [("venv_" + k, vp[k]) for k in ("purelib", "platlib", "scripts", "data")]
sys.stdout.write("".join("%s=%s\0" % kv for kv in out))
sys.stdout.flush()
""";
}
