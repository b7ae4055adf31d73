# shellcheck shell=bash
# The one JDK lookup of every Plugmate script: sourced by ./plugmate, pairing-service/bin/replay and
# dev/benchmarks/bin/*-benchmark, so they all agree on which Java runs the build and the tools.
#
#   . "$ROOT/dev/dev-stack/bin/jdk.sh"
#   select_java        # exports JAVA_HOME (a JDK >= PLUGMATE_MIN_JAVA) or fails with a clear message
#
# Order: a suitable $JAVA_HOME, else the newest JDK >= PLUGMATE_MIN_JAVA in the usual places, else the
# `java` on the PATH. "JDK" means javac is there too: Maven compiles with it.

PLUGMATE_MIN_JAVA=21

# Prints the feature version (17, 21, 25 …) of a java executable; nothing if it cannot tell.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' \
    | sed 's/^1\.//; s/\..*//' | head -n 1
}

# A JDK (javac included) of at least PLUGMATE_MIN_JAVA at $1? Prints its major version.
jdk_ok() {
  local home="$1" major
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  major="$(java_major "$home/bin/java")"
  [ -n "$major" ] && [ "$major" -ge "$PLUGMATE_MIN_JAVA" ] || return 1
  echo "$major"
}

select_java() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME" >/dev/null; then
    export JAVA_HOME
    return 0
  fi
  if [ -n "${JAVA_HOME:-}" ]; then
    printf '[plugmate] JAVA_HOME=%s is not a JDK >= %s; looking for one\n' "$JAVA_HOME" "$PLUGMATE_MIN_JAVA" >&2
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    if major="$(jdk_ok "$home")" && [ "$major" -gt "$best_major" ]; then
      best="$home" best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if jdk_ok "$home" >/dev/null; then best="$home"; fi
  fi
  if [ -z "$best" ]; then
    printf '[plugmate] ERROR: Plugmate needs a JDK >= %s (with javac). None found in $JAVA_HOME, /usr/lib/jvm, /opt, ~/.sdkman or on the PATH. Install one (e.g. Temurin 25) and/or point JAVA_HOME at it.\n' \
      "$PLUGMATE_MIN_JAVA" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
