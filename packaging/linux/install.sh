#!/usr/bin/env bash
# Install the CoachDesk bundle for the current user on Linux (no root needed), or remove it.
#
#   ./install.sh [BUNDLE_DIR]      install (default: the bundle this script sits in, else
#                                  dist/coachdesk of the source tree)
#   ./install.sh --uninstall       remove the program; the data folder stays
#
# build.sh copies this script and coachdesk.desktop into the top of the bundle
# (dist/coachdesk/), so an unpacked bundle installs itself.
#
# Where things go (XDG base directories):
#   ~/.local/lib/coachdesk/                           the one-folder bundle
#   ~/.local/bin/coachdesk                            a link to it (for the terminal and IT)
#   ~/.local/share/applications/coachdesk.desktop     the menu entry
#   ~/.local/share/icons/hicolor/<N>x<N>/apps/coachdesk.png  and  .../scalable/apps/coachdesk.svg
# The vault (~/.local/share/CoachDesk, or $XDG_DATA_HOME/CoachDesk) is never touched.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ -x "$HERE/coachdesk" && -d "$HERE/_internal" ]]; then
    DEFAULT_BUNDLE="$HERE"                         # running from inside an unpacked bundle
else
    DEFAULT_BUNDLE="$HERE/../../dist/coachdesk"    # running from the source tree
fi
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
LIB_DIR="$HOME/.local/lib/coachdesk"
BIN_LINK="$HOME/.local/bin/coachdesk"
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ICONS" || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -rf "$LIB_DIR"
    [[ -L "$BIN_LINK" ]] && rm -f "$BIN_LINK"
    rm -f "$APPS/coachdesk.desktop" "$ICONS/scalable/apps/coachdesk.svg"
    for n in $SIZES; do rm -f "$ICONS/${n}x${n}/apps/coachdesk.png"; done
    refresh_caches
    echo "CoachDesk removed. Your data was kept in ${COACHDESK_DATA_DIR:-$DATA_HOME/CoachDesk}." >&2
    exit 0
fi

BUNDLE="$(cd "${1:-$DEFAULT_BUNDLE}" && pwd)"
[[ -x "$BUNDLE/coachdesk" ]] || { echo "install.sh: no CoachDesk bundle in $BUNDLE (run packaging/build.sh)" >&2; exit 2; }
RES="$BUNDLE/_internal/coachdesk/resources"

# Replace the program folder as a whole, so no file of an older version stays behind.
mkdir -p "$(dirname "$LIB_DIR")" "$(dirname "$BIN_LINK")" "$APPS"
if [[ "$BUNDLE" == "$LIB_DIR" ]]; then
    echo "install.sh: $BUNDLE is already the installed copy." >&2; exit 2
fi
rm -rf "$LIB_DIR.new"
cp -a "$BUNDLE" "$LIB_DIR.new"
rm -rf "$LIB_DIR"
mv "$LIB_DIR.new" "$LIB_DIR"
ln -sfn "$LIB_DIR/coachdesk" "$BIN_LINK"

for n in $SIZES; do
    install -D -m 644 "$RES/coachdesk-$n.png" "$ICONS/${n}x${n}/apps/coachdesk.png"
done
install -D -m 644 "$RES/coachdesk.svg" "$ICONS/scalable/apps/coachdesk.svg"
# The menu entry runs the absolute path: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^Exec=coachdesk|Exec=$LIB_DIR/coachdesk|" -e "s|^TryExec=coachdesk|TryExec=$LIB_DIR/coachdesk|" \
    "$HERE/coachdesk.desktop" > "$APPS/coachdesk.desktop"
chmod 644 "$APPS/coachdesk.desktop"
refresh_caches
echo "CoachDesk installed in $LIB_DIR (menu entry 'CoachDesk'; command $BIN_LINK)." >&2
