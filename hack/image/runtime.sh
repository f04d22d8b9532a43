#!/usr/bin/env bash
# Makes the base of the container image without a registry (Jib builds FROM scratch and adds this
# directory as a layer): a Java runtime jlink'ed from the build's own JDK (its jmods), the shared
# libraries that runtime loads (glibc, zlib, ...) copied from the build machine's Debian packages,
# the CA certificates, and /etc/passwd + /etc/group with the non-root user 10001.
#
# Usage: hack/image/runtime.sh <output-dir>      (run by Maven at prepare-package, see pom.xml)
# The output is rebuilt only when the JDK or this script changed (a stamp file records both).
set -euo pipefail

out="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[[ -d "$java_home/jmods" ]] || { echo "image/runtime: $java_home has no jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

# What the operator's dependencies need (jdeps on the shaded jar), plus the DNS name service and EC crypto.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
modules+=,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver
modules+=,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs,jdk.localedata

stamp="$( { cat "$java_home/release"; echo "$modules"; cat "$here/runtime.sh"; } | sha256sum | cut -d' ' -f1)"
if [[ "$(cat "$out/.stamp" 2>/dev/null)" == "$stamp" ]]; then
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/var/cache/promotion-operator/git"

jlink --module-path "$java_home/jmods" --add-modules "$modules" --include-locales=en \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/opt/java"

# Debian's JDK links lib/security/cacerts to /etc/ssl/certs/java/cacerts: take the file itself.
rm -f "$out/opt/java/lib/security/cacerts"
cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

# Every shared library an executable or library of the runtime loads, at the path the loader looks at.
copy_lib() { # copy_lib <path as the loader names it>
  local target="$out$1"
  [[ -e "$target" ]] && return 0
  mkdir -p "$(dirname "$target")"
  cp -L "$1" "$target"
}
while IFS= read -r elf; do
  ldd "$elf" 2>/dev/null | awk '/=> \// {print $3} /^\s*\/[^ ]+ \(/ {print $1}' | while IFS= read -r lib; do
    case "$lib" in "$out"/*) ;; *) copy_lib "$lib" ;; esac
  done
done < <(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  -not -name 'libawt_xawt.so' -not -name 'libsplashscreen.so' -not -name 'libjsound.so' -not -name 'libjawt.so')
# The operator runs headless: java.desktop (java.beans, used by libraries) without the X11 and sound
# libraries those four would pull in; they fail to load, which only a GUI would notice.
copy_lib /lib64/ld-linux-x86-64.so.2

cat >"$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
promotion:x:10001:10001:promotion-operator:/tmp:/sbin/nologin
PASSWD
cat >"$out/etc/group" <<'GROUP'
root:x:0:
promotion:x:10001:
GROUP
chmod 1777 "$out/tmp"
echo "$stamp" >"$out/.stamp"
