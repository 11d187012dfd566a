# Shared by scripts/run and scripts/test (sourced, not run): installs the Debian packages
# Knotenpunkt needs when some are missing, then configures and builds into build/.

# Every package the build, the tests and the desktop view need (Debian bookworm).
KNP_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libboost-locale-dev gettext libgraphviz-dev graphviz graphviz-doc
  libsqlite3-dev libexpat1-dev libcsv-dev libzip-dev libxlsxwriter-dev nlohmann-json3-dev libcli11-dev catch2
  libimgui-dev libglfw3-dev libgl-dev libepoxy-dev libstb-dev libfontconfig-dev fonts-dejavu-core
  libx11-dev libxext-dev
  libgl1-mesa-dri libglx-mesa0 xvfb xauth xdotool x11-xkb-utils x11-utils
  python3-networkx librsvg2-bin poppler-utils libxml2-utils
)

knp_install_packages() {
  local missing=()
  for pkg in "${KNP_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "error: these packages are missing and this is not root (and there is no sudo): ${missing[*]}" >&2
      return 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

knp_build() {
  local werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNP_WERROR="$werror" "$@"
  cmake --build build -j2
}

# The same sources under AddressSanitizer and UndefinedBehaviorSanitizer, into build-asan/.
knp_build_sanitized() {
  local werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKNP_SANITIZE=ON -DKNP_WERROR="$werror" "$@"
  cmake --build build-asan -j2
}
