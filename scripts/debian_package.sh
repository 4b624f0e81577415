#!/bin/sh
# Install a Debian package a test needs (chromium for the dashboard's browser test, postgresql
# for the PostgreSQL store tests) when we are root and apt-get is there; otherwise say which
# tests will be skipped. Never fails: the tests skip with the reason when the package is missing.
# Usage: scripts/debian_package.sh PACKAGE "WHAT NEEDS IT"
package=$1
needed_by=$2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's $package for $needed_by"
  (apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive \
   apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$package" >/dev/null) \
  || echo "warning: could not install $package; $needed_by will be skipped"
else
  echo "note: $package is missing and installing it needs root; $needed_by will be skipped"
fi
