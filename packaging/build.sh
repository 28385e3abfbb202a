#!/usr/bin/env bash
# Build the one-folder CoachDesk bundle for this platform into dist/coachdesk/
# (and dist/CoachDesk.app on macOS) with PyInstaller from the project's venv.
#
#   packaging/build.sh            build (PyInstaller is installed into .venv on demand)
#   packaging/smoke.sh            then run the frozen binary end to end
#
# The translations are compiled from i18n/*.ts into coachdesk/i18n/*.qm first (as the
# Makefile does), so the bundle always speaks Danish.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${VENV:-$ROOT/.venv}"
if [[ -x "$VENV/Scripts/python.exe" ]]; then PY="$VENV/Scripts/python.exe"; else PY="$VENV/bin/python"; fi
[[ -x "$PY" ]] || { echo "build.sh: no venv at $VENV; run 'make test' or 'make run' once first." >&2; exit 2; }

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: installing PyInstaller into $VENV ..." >&2
    "$PY" -m pip install --quiet "pyinstaller>=6.10,<7"
fi

start=$(date +%s)
LRELEASE="$(dirname "$PY")/pyside6-lrelease"
for ts in i18n/*.ts; do
    [[ -e "$ts" ]] || continue
    mkdir -p coachdesk/i18n
    "$LRELEASE" -silent "$ts" -qm "coachdesk/i18n/$(basename "${ts%.ts}").qm"
done
rm -rf dist/coachdesk dist/CoachDesk.app
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/coachdesk.spec
end=$(date +%s)

BUNDLE="dist/coachdesk"
[[ -d "$BUNDLE" ]] || { echo "build.sh: PyInstaller made no $BUNDLE" >&2; exit 1; }

# On Linux, prove every bundled shared library finds its dependencies: a Qt/ICU/Python
# library the trimming removed but something still needs fails the build here, not on a
# coach's laptop. Desktop system libraries (xcb, GTK, Wayland) come from the target system
# and are only listed.
if [[ "$(uname -s)" == "Linux" ]] && command -v ldd >/dev/null; then
    internal="$BUNDLE/_internal"
    libpath="$internal:$internal/PySide6/Qt/lib:$internal/PySide6:$internal/shiboken6"
    missing=$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -name coachdesk \) \
        -exec sh -c 'LD_LIBRARY_PATH="$1" ldd "$2" 2>/dev/null | grep "not found" | sed "s|^|$2: |"' \
        _ "$libpath" {} \; | sort -u)
    ours=$(grep -E "(libQt6|libpyside|libshiboken|libicu|libpython)[^ ]* => not found" <<<"$missing" || true)
    if [[ -n "$ours" ]]; then
        echo "build.sh: bundled libraries miss bundle-internal dependencies:" >&2
        echo "$ours" >&2
        exit 1
    fi
    system=$(grep -oE "[^[:space:]]+ => not found" <<<"$missing" | cut -d' ' -f1 | sort -u | tr '\n' ' ' || true)
    if [[ -n "$system" ]]; then
        echo "build.sh: desktop libraries the target system provides (absent here): $system" >&2
    fi
fi

if [[ "$(uname -s)" == "Linux" ]]; then
    # The unpacked bundle installs itself (menu entry, icons): see packaging/linux/install.sh.
    cp packaging/linux/install.sh packaging/linux/coachdesk.desktop "$BUNDLE/"
    version=$("$PY" -c "import coachdesk; print(coachdesk.__version__)")
    archive="dist/coachdesk-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$archive" coachdesk
    echo "build.sh: archive $archive ($(du -sh "$archive" | cut -f1))." >&2
fi

size=$(du -sh "$BUNDLE" | cut -f1)
echo "build.sh: built $BUNDLE in $((end - start)) s; size $size (budget 250 MB)." >&2
if [[ -d dist/CoachDesk.app ]]; then
    echo "build.sh: macOS bundle dist/CoachDesk.app ($(du -sh dist/CoachDesk.app | cut -f1))." >&2
fi
