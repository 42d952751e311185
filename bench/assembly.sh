# Sourced by the bench scripts that run one node of the built assembly on 127.0.0.1.
#
# unpack_assembly ROOT WORK HTTP_PORT: unpacks karaf-assembly/target's archive into a fresh WORK (empty data/) and
# sets it to listen on HTTP_PORT, ssh 18101 and RMI 11099/14444, so it runs beside a development instance on the
# default ports; prints the unpacked home. Exits, saying so, when nothing is built.
unpack_assembly() {
  local root="$1" work="$2" http_port="$3" archive home
  archive="$(ls "$root"/karaf-assembly/target/igov-karaf-assembly-*.tar.gz 2>/dev/null | head -1 || true)"
  if [[ -z "$archive" ]]; then
    echo "Build first: mvn -B -DskipTests install" >&2
    exit 1
  fi
  rm -rf "$work" && mkdir -p "$work" "$root/bench/results"
  tar xzf "$archive" -C "$work"
  home="$(ls -d "$work"/igov-karaf-assembly-*)"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http_port/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = 18101/" "$home/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = 11099/; s/^rmiServerPort *=.*/rmiServerPort = 14444/" \
    "$home/etc/org.apache.karaf.management.cfg"
  echo "$home"
}
