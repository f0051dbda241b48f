#!/usr/bin/env bash
# check-package.sh <build dir>: builds the Debian packages from an already built tree with
# CPack, checks them with lintian (no errors), unpacks them into a throw-away root with
# `dpkg -x`, and runs what was installed there: the daemon must find the packaged NanoDet model
# (not the build tree's) and judge a photo; the unit must pass `systemd-analyze verify`; the
# desktop file and the AppStream metadata must validate. Run by ctest
# (package_installs_and_judges_a_photo).
set -euo pipefail
build="$(cd "$1" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pb-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
daemon_deb=$(ls "$work"/out/photoblocksd_*.deb)
app_deb=$(ls "$work"/out/photoblocks_*.deb)
ls -l "$work"/out/*.deb

step "Depends"
daemon_depends=$(dpkg-deb -f "$daemon_deb" Depends)
app_depends=$(dpkg-deb -f "$app_deb" Depends)
echo "photoblocksd: $daemon_depends"
echo "photoblocks: $app_depends"
for want in redis-server libqt6core6 libopencv-dnn libhiredis libssl3; do
  grep -q "$want" <<<"$daemon_depends" || fail "photoblocksd does not depend on $want"
done
for want in "photoblocksd (= " libqt6widgets6; do
  grep -qF "$want" <<<"$app_depends" || fail "photoblocks does not depend on $want"
done
dpkg-deb -I "$daemon_deb" conffiles | grep -qx /etc/photoblocks/photoblocksd.conf || fail "the config file is no conffile"

step "lintian"
# Errors fail; warnings are printed for the reader.
lintian --fail-on error --tag-display-limit 0 "$daemon_deb" "$app_deb" || fail "lintian reports errors"

step "dpkg -x into a throw-away root"
root="$work/root"
dpkg -x "$daemon_deb" "$root"
dpkg -x "$app_deb" "$root"
for f in usr/bin/photoblocksd usr/bin/photoblocks usr/share/photoblocks/models/nanodet.json \
         usr/share/photoblocks/models/nanodet.bin usr/share/photoblocks/models/centernet.json \
         usr/share/photoblocks/models/centernet.bin usr/share/photoblocks/models/blazeface.json \
         usr/share/photoblocks/models/blazeface.bin usr/share/photoblocks/models/posenet.json \
         usr/share/photoblocks/models/posenet.bin lib/systemd/system/photoblocksd.service \
         etc/photoblocks/photoblocksd.conf usr/share/man/man1/photoblocksd.1.gz usr/share/man/man1/photoblocks.1.gz \
         usr/share/applications/org.photoblocks.Photoblocks.desktop usr/share/icons/hicolor/scalable/apps/photoblocks.svg \
         usr/share/metainfo/org.photoblocks.Photoblocks.metainfo.xml; do
  [ -e "$root/$f" ] || fail "$f is not in the packages"
done

step "the installed daemon finds the installed model and judges a photo"
"$root/usr/bin/photoblocksd" --version
"$root/usr/bin/photoblocksd" --help >"$work/help.txt"
# (--help wraps long words over lines: compare without white space)
tr -d ' \n' <"$work/help.txt" | grep -qF "(default$root/usr/share/photoblocks/models)" \
  || { grep -A1 nanodet-dir "$work/help.txt"; fail "the installed daemon does not default to the installed model"; }
photo=/usr/share/doc/opencv-doc/examples/data/messi5.jpg
"$root/usr/bin/photoblocksd" recognize "$photo" >"$work/recognize.json" || { cat "$work/recognize.json"; fail "recognize"; }
cat "$work/recognize.json"
grep -q '"labels":\[[^]]*"person"' "$work/recognize.json" || fail "the installed daemon did not confirm the person in $photo"
# Another photo gets its own answer: a dog, and no person.
"$root/usr/bin/photoblocksd" recognize /usr/share/darknet/data/dog.jpg >"$work/dog.json" || { cat "$work/dog.json"; fail "recognize"; }
cat "$work/dog.json"
grep -q '"labels":\[[^]]*"dog"' "$work/dog.json" || fail "the installed daemon did not confirm the dog in dog.jpg"
if grep -q '"labels":\[[^]]*"person"' "$work/dog.json"; then fail "dog.jpg was confirmed as a person"; fi
# An altered model is refused at start, not silently used.
cp -a "$root/usr/share/photoblocks/models/nanodet.bin" "$work/nanodet.bin"
printf 'x' >>"$root/usr/share/photoblocks/models/nanodet.bin"
if "$root/usr/bin/photoblocksd" recognize "$photo" >"$work/altered.out" 2>&1; then fail "an altered model was used"; fi
grep -q 'has SHA-256' "$work/altered.out" || { cat "$work/altered.out"; fail "no clear message for an altered model"; }
cp -a "$work/nanodet.bin" "$root/usr/share/photoblocks/models/nanodet.bin"

step "the installed desktop app starts"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/photoblocks" --version | grep -q '^photoblocks ' || fail "photoblocks --version"

step "systemd-analyze verify"
# The unit's default dependencies need the system's targets and slices in the root. verify
# exits 0 on unknown keys and bad values ("ignoring"), so any output fails too.
cp -a /lib/systemd/system/*.target /lib/systemd/system/*.slice "$root/lib/systemd/system/"
systemd-analyze verify --root="$root" --man=no /lib/systemd/system/photoblocksd.service >"$work/verify.txt" 2>&1 \
  || { cat "$work/verify.txt"; fail "systemd-analyze verify"; }
[ ! -s "$work/verify.txt" ] || { cat "$work/verify.txt"; fail "systemd-analyze verify complains"; }

step "desktop file and AppStream metadata"
desktop-file-validate "$root/usr/share/applications/org.photoblocks.Photoblocks.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.photoblocks.Photoblocks.metainfo.xml"
echo "package ok"
