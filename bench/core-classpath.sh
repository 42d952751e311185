# Sourced by the benches that run a single-file Java program against the platform's own classes:
# core_classpath prints platform/core's classes and its test classpath (the store, Derby, Jackson, ...).
# Extra Maven options (a private local repository, say) go in MVN_ARGS. Sourcing it also sets JAVA_HOME (when
# unset) to the java on the PATH, which Maven needs.
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
core_classpath() {
  local root="$1" file
  file="$(mktemp)"
  mvn -q -o ${MVN_ARGS:-} -f "$root/platform/core/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$file" >/dev/null
  echo "$root/platform/core/target/classes:$(cat "$file")"
  rm -f "$file"
}
