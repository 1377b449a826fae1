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
/// The "venv_*" keys mirror uv's <c>get_virtualenv()</c> (uv 0.12.5 crates/uv-python/python/get_interpreter_info.py):
/// the paths uv uses under <c>--prefix</c>, relative to the prefix: the sysconfig "venv" scheme (3.11+),
/// "posix_prefix" for Debian's 3.10 (it has "deb_system"), and otherwise distutils' install command
/// finalized with prefix os.sep, imported as uv imports it. That costs about 40 ms of CPU on a cold probe of
/// Python 3.10 and older, once per interpreter (the probe is cached). Where distutils cannot be imported uv
/// refuses the interpreter itself ("missing_required_distutils", or a traceback on 3.10), so the posix_prefix
/// (nt) scheme with the prefixes blanked stands in.
/// Terse on purpose: a <c>-c</c> program is compiled at every cold start (about 0.3 ms per KB
/// on a slow machine), and the output is one format string rather than a list of pairs. "stdlib"
/// comes from the prefix scheme's paths: that is <c>get_path</c>'s default scheme on every version,
/// and each expansion of a scheme copies all of the interpreter's config variables. "site_packages" is
/// <c>site.getsitepackages()</c>: the system site directories a normal start puts on sys.path (Debian's
/// /usr/lib/python3/dist-packages too), where pip finds packages already installed.
/// </remarks>
internal static class ProbeScript
{
    public const int Version = 4;

    /// <summary>The version and a hash of <see cref="Source"/>: the probe cache keys on it, so that any change to the
    /// script, bumped version or not, leaves old entries unused.</summary>
    public static string Identity { get; } = $"{Version}-{Cache.ProbeCacheKey.FileName(Source)["probe-".Length..]}";

    public const string Source = """
import os, sys as S
def flag(n):
    v = os.environ.get(n, "")
    if not v: return 0
    try: return int(v) != 0
    except ValueError: return 1
# Run with -S, so site.venv() has not run: find pyvenv.cfg as it does, before sysconfig reads sys.prefix.
iv = S.prefix != getattr(S, "base_prefix", S.prefix) or hasattr(S, "real_prefix")
vsys = ""
d = os.path.dirname
x = d(os.path.abspath(S.executable))
for c in (x, d(x)):
    c = os.path.join(c, "pyvenv.cfg")
    if not os.path.isfile(c): continue
    if not iv: S.prefix = S.exec_prefix = d(x)
    iv = 1
    try:
        for l in open(c, encoding="utf-8"):
            k, _, v = l.partition("=")
            if k.strip().lower() == "include-system-site-packages": vsys = v.strip()
    except OSError: vsys = "<unreadable>"
    break
import sysconfig as C, site
N = C.get_scheme_names()
g = getattr(C, "get_preferred_scheme", None)
fw = getattr(S, "_framework", "") or ""
us = g("user") if g else "nt_user" if os.name == "nt" else "osx_framework_user" if S.platform == "darwin" and fw else "posix_user"
ps = g("prefix") if g else C._get_default_scheme()
ub = site.getuserbase()
up = C.get_paths(us) if us in N else {}
pp = C.get_paths(ps)
vs = "venv" if "venv" in N else "posix_prefix" if S.version_info[:2] == (3, 10) and "deb_system" in N else ""
K = ("purelib", "platlib", "scripts", "data")
V = None
if not vs:
    # uv asks distutils' install command with prefix os.sep (with -S no setuptools shim stands in for distutils).
    try:
        import warnings as W
        with W.catch_warnings():
            W.simplefilter("ignore")
            from distutils import dist
            i = dist.Distribution({"script_args": "--no-user-cfg"})
            if hasattr(S, "_framework"): S._framework = None
            i = i.get_command_obj("install", create=True)
        i.prefix = os.sep
        i.finalize_options()
        V = [getattr(i, "install_" + k)[1:].lstrip(os.sep) for k in K]
    except Exception: vs = "nt" if os.name == "nt" else "posix_prefix"
    else: vs = "posix_prefix"
raw = [C.get_path(k, vs, expand=False) for k in K]
P = [os.path.abspath(p) for p in (S.prefix, S.exec_prefix, S.base_prefix, S.base_exec_prefix)]
cv = {}
for p in raw:
    for q in p.split("{")[1:]:
        v = C.get_config_var(q.split("}")[0])
        cv[q.split("}")[0]] = "" if v in P else v
eu = "False" if flag("PYTHONNOUSERSITE") else "None" if hasattr(os, "geteuid") and (os.geteuid() != os.getuid() or os.getegid() != os.getgid()) else "True"
S.stdout.write("probe=1\0executable=%s\0version=%d.%d.%d\0implementation=%s\0platform=%s\0os_name=%s\0framework=%s\0gil_disabled=%d\0prefix=%s\0base_prefix=%s\0in_venv=%d\0venv_include_system_site_packages=%s\0enable_user_site=%s\0userbase=%s\0usersite=%s\0user_scheme=%s\0prefix_scheme=%s\0stdlib=%s\0site_packages=%s\0" % (
    S.executable, S.version_info[0], S.version_info[1], S.version_info[2], S.implementation.name, S.platform, os.name, fw,
    bool(C.get_config_var("Py_GIL_DISABLED")), S.prefix, S.base_prefix, iv, vsys, eu, ub or "", (site.getusersitepackages() if ub else "") or "",
    us if us in N else "", ps, pp.get("stdlib") or C.get_path("stdlib"), os.pathsep.join(site.getsitepackages()) if hasattr(site, "getsitepackages") else "")
    + "".join("%s_%s=%s\0" % (a, k, m.get(k, "")) for a, m in (("user", up), ("prefix", pp)) for k in K)
    + "".join("venv_%s=%s\0" % (k, p) for k, p in zip(K, V or [p.format(**cv).replace("/", os.sep).lstrip(os.sep) for p in raw])))
S.stdout.flush()
""";
}
