#!/usr/bin/env bash
# Makes sure the Debian packages the tests need are here: installs them when run as root, else names what is missing.
set -euo pipefail
packages=(chromium fonts-noto-cjk socat zbar-tools xvfb)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian packages the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "missing Debian packages: ${missing[*]}"
  echo "install them with: sudo apt-get install -y ${missing[*]}"
  exit 1
fi
