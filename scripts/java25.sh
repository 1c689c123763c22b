# Sourced by ./orderkeep and ./run-tests: finds a Java 25+ and exports JAVA_HOME, or stops with what to install.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

is_java25() {
    [ -x "$1/bin/java" ] || return 1
    local major
    major=$(java_major "$1")
    [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null
}

find_java25() {
    if [ -n "${JAVA_HOME:-}" ] && is_java25 "$JAVA_HOME"; then
        return 0
    fi
    local candidate
    for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/temurin-2[6-9]* \
        /usr/lib/jvm/java-2[6-9]* /usr/lib/jvm/* /opt/java/openjdk /opt/jdk* /usr/local/jdk* \
        "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        if is_java25 "$candidate"; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    if command -v java >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        if is_java25 "$candidate"; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    fi
    cat >&2 <<'MSG'
Orderkeep needs Java 25 or newer, and none was found (JAVA_HOME, /usr/lib/jvm, /opt, SDKMAN, PATH).
Install a JDK 25, for example Eclipse Temurin 25 (https://adoptium.net) or, on Debian/Ubuntu with the
Adoptium repository, `apt-get install temurin-25-jdk`; then run this again, or point JAVA_HOME at it.
MSG
    exit 1
}

find_java25
export PATH="$JAVA_HOME/bin:$PATH"
