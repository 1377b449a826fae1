#!/usr/bin/env bash
# Debian packages the build and the tests need: clang and zlib for NativeAOT, python3 (Debian's, externally
# managed), which the integration tests use and copy into their other interpreters, patchelf to copy an
# interpreter with a shared libpython (pyenv's, where pyenv is installed), hyperfine for bench/.
# The hostile-input tests compile two C helpers with cc, gcc or clang (clang is here anyway), and use setpriv,
# unshare and script. The other Linux architecture's NativeAOT package links with a cross gcc and libc, and its
# test runs that binary under qemu-user.
set -euo pipefail
needed=()
command -v clang >/dev/null || needed+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || needed+=(zlib1g-dev)
command -v patchelf >/dev/null || needed+=(patchelf)
command -v setpriv >/dev/null || needed+=(util-linux)
command -v unshare >/dev/null || needed+=(util-linux)
command -v script >/dev/null || needed+=(bsdutils)
[ -x /usr/bin/python3 ] || needed+=(python3)
command -v hyperfine >/dev/null || needed+=(hyperfine)
case "$(uname -m)" in
  x86_64)
    command -v aarch64-linux-gnu-gcc >/dev/null || needed+=(gcc-aarch64-linux-gnu)
    [ -e /usr/aarch64-linux-gnu/lib/libc.so.6 ] || needed+=(libc6-dev-arm64-cross)
    command -v qemu-aarch64 >/dev/null || needed+=(qemu-user)
    ;;
  aarch64)
    command -v x86_64-linux-gnu-gcc >/dev/null || needed+=(gcc-x86-64-linux-gnu)
    [ -e /usr/x86_64-linux-gnu/lib/libc.so.6 ] || needed+=(libc6-dev-amd64-cross)
    command -v qemu-x86_64 >/dev/null || needed+=(qemu-user)
    ;;
esac
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${needed[*]} (install them with: sudo apt-get install ${needed[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${needed[@]}" >/dev/null
