#!/usr/bin/env bash
# Debian packages the build and the tests need: clang and zlib for NativeAOT, patchelf to copy a
# pyenv interpreter, python3 (Debian's, externally managed) as a test interpreter, hyperfine for bench/.
# The hostile-input tests compile two C helpers with cc, gcc or clang (clang is here anyway), and use setpriv,
# unshare and script.
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
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${needed[*]} (install them with: sudo apt-get install ${needed[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${needed[@]}" >/dev/null
