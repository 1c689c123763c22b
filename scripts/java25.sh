# Sourced by ./orderkeep and ./run-tests: finds a Java 25+ JDK and exports JAVA_HOME, or stops with what to install.
# A JDK, not only a runtime: both scripts build with Maven, which needs javac.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

is_java25() {
    [ -x "$1/bin/java" ] || return 1
    local major
    major=$(java_major "$1")
    [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null
}

# A Java 25 found without javac, to name in the message if no full JDK turns up.
java25_runtime_only=""

is_jdk25() {
    is_java25 "$1" || return 1
    if [ ! -x "$1/bin/javac" ]; then
        java25_runtime_only="${java25_runtime_only:-$1}"
        return 1
    fi
}

find_java25() {
    if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
        return 0
    fi
    local candidate
    # ${HOME:+…}: the scripts run with `set -u`, and HOME may be unset (cron, some CI runners).
    for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/temurin-2[6-9]* \
        /usr/lib/jvm/java-2[6-9]* /usr/lib/jvm/* /opt/java/openjdk /opt/jdk* /usr/local/jdk* \
        ${HOME:+"$HOME"/.sdkman/candidates/java/*} /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        if is_jdk25 "$candidate"; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    if command -v java >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        if is_jdk25 "$candidate"; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    fi
    if [ -n "$java25_runtime_only" ]; then
        echo "Found Java 25 at $java25_runtime_only, but only its runtime: there is no bin/javac, and Orderkeep is" >&2
        echo "built with Maven, which needs a full JDK." >&2
    fi
    cat >&2 <<'MSG'
Orderkeep needs a JDK 25 or newer (with javac), and none was found (JAVA_HOME, /usr/lib/jvm, /opt, SDKMAN, PATH).
Install a JDK 25, for example Eclipse Temurin 25 (https://adoptium.net) or, on Debian/Ubuntu with the
Adoptium repository, `apt-get install temurin-25-jdk`; then run this again, or point JAVA_HOME at it.
MSG
    exit 1
}

find_java25
export PATH="$JAVA_HOME/bin:$PATH"
