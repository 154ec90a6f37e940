# Shared by scripts/demo and scripts/test: installs what is missing, from Debian's packages.
# Sourced, not run.

certmgr_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# install_missing COMMAND=PACKAGE...: installs PACKAGE when COMMAND is not on the PATH (nor in
# /usr/sbin, where daemons such as nginx live and which a user's PATH may lack).
install_missing() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair%%=*}" ] || missing+=("${pair#*=}")
  done
  if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  local version
  version=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
  if [ "${version:-0}" -lt 17 ]; then
    echo "certmgr needs a JDK 17 or newer; found javac ${version:-none}" >&2
    exit 1
  fi
}

install_build_tools() {
  install_missing javac=openjdk-17-jdk-headless mvn=maven openssl=openssl pebble=pebble
  # Only the nginx integration test needs nginx; it is skipped, saying why, when nginx is missing.
  install_missing nginx=nginx-light || echo "nginx could not be installed; the nginx test will be skipped" >&2
  fetch_promtool
}

# fetch_promtool: puts Prometheus' promtool, which checks the metrics file in a test, into
# $HOME/.cache/certmgr/promtool without installing the Debian package prometheus (its postinst
# would start a Prometheus server): the package is only downloaded, and usr/bin/promtool alone is
# extracted from it. Optional: when it fails, the promtool test is skipped and says why.
fetch_promtool() {
  local cache="${HOME}/.cache/certmgr/promtool" tmp
  if command -v promtool >/dev/null 2>&1 || [ -x "$cache/promtool" ]; then
    return 0
  fi
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/certmgr-promtool.XXXXXX") || return 0
  if (cd "$tmp" && apt-get download -q prometheus >/dev/null 2>&1) \
    && dpkg-deb --fsys-tarfile "$tmp"/prometheus_*.deb | tar -x -C "$tmp" ./usr/bin/promtool \
    && mkdir -p "$cache" && mv "$tmp/usr/bin/promtool" "$cache/promtool"; then
    echo "promtool extracted to $cache/promtool" >&2
  else
    echo "promtool could not be fetched (apt-get download prometheus); the promtool metrics test will be skipped" >&2
  fi
  rm -rf "$tmp"
}

# start_local_ca DIR: starts a local Pebble CA and challenge web server (the testkit's
# LocalCa, from a built tree) with its files in DIR, waits until it answers, and sets
# DIRECTORY_URL, ACME_CA_BUNDLE, WEB_ROOT, PEBBLE_ROOT and local_ca_pid. stop_local_ca stops it.
# With LOCAL_CA_OCSP_PORT set, certificates name http://127.0.0.1:$LOCAL_CA_OCSP_PORT/ as OCSP
# responder and DIR holds intermediate.pem and intermediate.key for a responder.
start_local_ca() {
  local dir=$1 jar
  jar=$(ls "$certmgr_root"/certmgr-testkit/target/certmgr-testkit-*.jar | grep -v -e sources -e javadoc | head -n 1)
  mkdir -p "$dir"
  mkfifo "$dir/stdin"
  # shellcheck disable=SC2086 # LOCAL_CA_OCSP_PORT, when set, is one more argument
  java -cp "$jar:$certmgr_root/certmgr-testkit/target/lib/*" org.certmgr.testkit.pebble.LocalCa "$dir" ${LOCAL_CA_OCSP_PORT:-} \
    <"$dir/stdin" >"$dir/local-ca.log" 2>&1 &
  local_ca_pid=$!
  exec 3>"$dir/stdin"   # LocalCa runs until this is closed
  local _
  for _ in $(seq 1 120); do
    [ -f "$dir/local-ca.env" ] && break
    kill -0 "$local_ca_pid" 2>/dev/null || { cat "$dir/local-ca.log" >&2; return 1; }
    sleep 0.25
  done
  if [ ! -f "$dir/local-ca.env" ]; then
    echo "the local CA did not start in 30 s" >&2
    cat "$dir/local-ca.log" >&2
    return 1
  fi
  # shellcheck disable=SC1091
  source "$dir/local-ca.env"
}

stop_local_ca() {
  exec 3>&- 2>/dev/null || true
  if [ -n "${local_ca_pid:-}" ]; then
    local _
    for _ in $(seq 1 50); do kill -0 "$local_ca_pid" 2>/dev/null || break; sleep 0.2; done
    kill "$local_ca_pid" 2>/dev/null || true
    wait "$local_ca_pid" 2>/dev/null || true
    local_ca_pid=
  fi
}

# write_config FILE DATA_DIR CERTIFICATES_JSON [EXTRA_SETTINGS_JSON]: a configuration for the
# local CA started by start_local_ca.
write_config() {
  cat >"$1" <<JSON
{
  "account": { "email": "admin@demo.test", "agree_to_terms": true },
  "settings": {
    "data_dir": "$2",
    "log_file": null,
    "lock_file": "$2.lock",
    "acme_directory_url": "$DIRECTORY_URL",
    "acme_ca_bundle": "$ACME_CA_BUNDLE",
    "http_challenge_dir": "$WEB_ROOT/{fqdn}/.well-known/acme-challenge"${4:+,
    $4}
  },
  "certificates": $3
}
JSON
}
