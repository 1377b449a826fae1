#!/usr/bin/env bash
# Builds and packs uvshim, installs it as a global tool from artifacts/packages, and shows the
# decision for a real install: as you, and (when run as root) as an unprivileged user with its
# own HOME against the first python3 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
scripts/pack.sh

cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
dotnet tool uninstall -g uvshim >/dev/null 2>&1 || true
# A private package cache, so that an older uvshim 0.1.0 in ~/.nuget/packages is not reused.
NUGET_PACKAGES="$cache/nuget" dotnet tool install -g uvshim --add-source artifacts/packages
uvshim="$HOME/.dotnet/tools/uvshim"
echo
echo "installed: $(readlink -f "$uvshim") ($("$uvshim" shim version))"

echo
echo "\$ UV_SYSTEM_PYTHON=1 uvshim shim explain pip install --no-deps requests"
UV_SYSTEM_PYTHON=1 "$uvshim" shim explain pip install --no-deps requests

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  # The tool store under root's home is private: run a copy, as uid 4711 with a HOME of its own.
  demo="$cache/demo"
  mkdir -p "$demo/home"
  cp -L "$uvshim" "$demo/uvshim"
  chmod 755 "$cache" "$demo" "$demo/uvshim" && chown 4711:4711 "$demo/home"
  echo
  echo "\$ UV_SYSTEM_PYTHON=1 uvshim shim explain pip install --no-deps requests    # as uid 4711, HOME=$demo/home"
  setpriv --reuid=4711 --regid=4711 --clear-groups -- env -i HOME="$demo/home" PATH=/usr/local/bin:/usr/bin:/bin \
    UV_SYSTEM_PYTHON=1 "$demo/uvshim" shim explain pip install --no-deps requests
fi
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  echo
  echo "\$ UV_SYSTEM_PYTHON=1 uvshim shim explain pip install --break-system-packages --no-deps requests    # the same user"
  setpriv --reuid=4711 --regid=4711 --clear-groups -- env -i HOME="$demo/home" PATH=/usr/local/bin:/usr/bin:/bin \
    UV_SYSTEM_PYTHON=1 "$demo/uvshim" shim explain pip install --break-system-packages --no-deps requests
fi
