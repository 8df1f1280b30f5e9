#!/usr/bin/env bash
# Checks a built footfall .deb: what it installs, what it depends on, and that the installed binary
# runs and finds its own assets (not the source tree's). Usage: scripts/check_package.sh FILE.deb
set -euo pipefail
deb="$1"
fail() { echo "check_package: $deb: $*" >&2; exit 1; }

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/footfall ./usr/share/footfall/assets/config.toml \
            ./usr/share/footfall/assets/demo/sales.csv \
            ./usr/share/footfall/assets/models/yolo-fastest-body/yolo-fastest-1.1_body.weights \
            ./usr/share/footfall/assets/models/yolo-fastest-body/yolo-fastest-1.1_body.cfg \
            ./usr/share/footfall/assets/models/yolo-fastest-body/LICENSE \
            ./usr/lib/systemd/user/footfall-kiosk.service; do
  grep -qxF "$path" <<<"$contents" || fail "does not install $path"
done

depends="$(dpkg-deb -f "$deb" Depends)"
for package in libopencv-core406 libopencv-dnn406 libsqlite3-0 libpq5 libglfw3 libcurl4 fonts-dejavu-core tzdata; do
  grep -q "$package" <<<"$depends" || fail "does not depend on $package (Depends: $depends)"
done

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
grep -q '^ExecStart=/usr/bin/footfall kiosk --fullscreen$' "$root/usr/lib/systemd/user/footfall-kiosk.service" ||
  fail "the systemd unit does not start /usr/bin/footfall"
version="$("$root/usr/bin/footfall" --version)"
grep -qxF "assets: $root/usr/share/footfall/assets" <<<"$version" || fail "the installed binary does not use its own assets: $version"
echo "check_package: $deb: contents, dependencies and the installed binary are as expected"
