# Shared by scripts/demo and scripts/test: installs what is missing, from Debian's packages.
# Sourced, not run.

certmgr_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# install_missing COMMAND=PACKAGE...: installs PACKAGE when COMMAND is not on the PATH.
install_missing() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
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
}
