# Sourced by bin/test and bin/capex-alerts: points JAVA_HOME at a JDK 25 or stops with a clear message.
# Order: $JAVA_HOME if it is 25+, then /usr/lib/jvm/*25*, then `java` on PATH.
_capex_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }
_capex_pick_jdk() {
  local c major
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/jdk-25* /usr/lib/jvm/java-25* \
           /Library/Java/JavaVirtualMachines/*25*/Contents/Home \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(_capex_java_major "$c")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  return 1
}
if ! CAPEX_JDK=$(_capex_pick_jdk); then
  echo "error: no JDK 25 found. AI Capex Alerts builds with Java 25 (Lambda runtime java25)." >&2
  echo "       Install one (e.g. Temurin 25) and set JAVA_HOME to it; looked at \$JAVA_HOME, /usr/lib/jvm/*25* and java on PATH." >&2
  exit 3
fi
export JAVA_HOME="$CAPEX_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
