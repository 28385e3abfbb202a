#!/usr/bin/env bash
# Run the frozen CoachDesk end to end in a throw-away data folder: the checks that a
# bundle is complete (sqlcipher3, Alembic's migration files, reportlab, Qt) without any
# personal data. Exits non-zero on the first failure.
#
#   packaging/smoke.sh [path/to/coachdesk]      (default: dist/coachdesk/coachdesk)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${1:-$ROOT/dist/coachdesk/coachdesk}"
[[ -x "$BIN" || -x "$BIN.exe" ]] || { echo "smoke.sh: no frozen binary at $BIN; run packaging/build.sh" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/coachdesk-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
DATA="$WORK/data"
PASS="$WORK/passphrase.txt"
printf 'smoke test passphrase 1\n' > "$PASS"
printf 'not the passphrase\n' > "$WORK/wrong.txt"
# Keep the frozen app's Qt and config writes inside the work folder.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share"
# The smoke test uses the cheap test KDF (--insecure-test-kdf), allowed only with this.
export COACHDESK_ALLOW_INSECURE_KDF=1
mkdir -p "$HOME"
unset COACHDESK_DATA_DIR

failures=0
now_ms() { date +%s%3N; }

# step NAME EXPECTED_EXIT -- command...: run it, time it, compare the exit status.
step() {
    local name="$1" want="$2"; shift 3
    local t0 rc=0
    t0=$(now_ms)
    "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || rc=$?
    local ms=$(( $(now_ms) - t0 ))
    if [[ "$rc" == "$want" ]]; then
        printf 'ok    %-34s %6d ms\n' "$name" "$ms" >&2
    else
        printf 'FAIL  %-34s exit %s, expected %s\n' "$name" "$rc" "$want" >&2
        sed 's/^/      /' "$WORK/err.txt" | tail -n 15 >&2
        failures=$((failures + 1))
    fi
}

cd_() { "$BIN" --data-dir "$DATA" "$@"; }

step "--version"                0 -- "$BIN" --version
grep -q "CoachDesk" "$WORK/out.txt" "$WORK/err.txt" || { echo "FAIL  --version printed no name" >&2; failures=$((failures + 1)); }
step "init"                     0 -- cd_ init --passphrase-file "$PASS" --insecure-test-kdf
step "demo --participants 5"    0 -- cd_ demo --participants 5 --passphrase-file "$PASS" --insecure-test-kdf
step "check"                    0 -- cd_ check --passphrase-file "$PASS"
step "check, wrong passphrase"  3 -- cd_ check --passphrase-file "$WORK/wrong.txt"
step "agenda --ics"             0 -- cd_ agenda --ics "$WORK/agenda.ics" --passphrase-file "$PASS"
grep -q "BEGIN:VCALENDAR" "$WORK/agenda.ics" 2>/dev/null || { echo "FAIL  agenda.ics is no calendar (icalendar, tzdata bundled?)" >&2; failures=$((failures + 1)); }
step "export --format json"     0 -- cd_ export --all --format json --out "$WORK/all.json" --passphrase-file "$PASS"
if [[ -s "$WORK/all.json" ]] && head -c 1 "$WORK/all.json" | grep -q '{'; then
    count=$(grep -o '"ref" *: *"[^"]*"' "$WORK/all.json" | wc -l | tr -d ' ' || true)
    echo "      all.json: $(wc -c < "$WORK/all.json" | tr -d ' ') bytes, $count refs" >&2
    [[ "$count" -ge 5 ]] || { echo "FAIL  all.json holds $count participants, expected 5" >&2; failures=$((failures + 1)); }
else
    echo "FAIL  all.json missing or not JSON" >&2; failures=$((failures + 1))
fi
REF=$(grep -o '"ref" *: *"[^"]*"' "$WORK/all.json" 2>/dev/null | head -n 1 | sed 's/.*: *"\(.*\)"/\1/' || true)

# The rest depends on what the app had when this bundle was built: ask the bundle's own
# module archive (PyInstaller's viewer, from the venv), else fall back to the source tree.
VIEWER="$ROOT/.venv/bin/pyi-archive_viewer"
if [[ -x "$VIEWER" ]]; then
    "$VIEWER" --recursive --brief "$BIN" 2>/dev/null | tr -d ' ' > "$WORK/modules.txt" || true
fi
bundled() {  # bundled coachdesk.x.y -> is that module in the frozen build?
    if [[ -s "$WORK/modules.txt" ]]; then grep -qx "$1" "$WORK/modules.txt"
    else [[ -f "$ROOT/$(tr . / <<<"$1").py" ]]; fi
}

if bundled coachdesk.cli.export_pdf && [[ -n "$REF" ]]; then
    step "export --format pdf"  0 -- cd_ export --participant "$REF" --format pdf --out "$WORK/report.pdf" --recipient "Smoke test" --passphrase-file "$PASS"
    if [[ -s "$WORK/report.pdf" ]] && head -c 5 "$WORK/report.pdf" | grep -q '%PDF-'; then
        echo "      report.pdf: $(wc -c < "$WORK/report.pdf" | tr -d ' ') bytes" >&2
    else
        echo "FAIL  report.pdf missing or not a PDF" >&2; failures=$((failures + 1))
    fi
else
    echo "skip  export --format pdf (no coachdesk.cli.export_pdf in this build)" >&2
fi

help=$("$BIN" --help 2>&1 || true)
if grep -q "backup" <<<"$help"; then
    step "backup --out"         0 -- cd_ backup --out "$WORK/vault.cdbackup" --passphrase-file "$PASS"
    step "restore into empty"   0 -- "$BIN" --data-dir "$WORK/restored" restore "$WORK/vault.cdbackup" --passphrase-file "$PASS"
    step "check restored"       0 -- "$BIN" --data-dir "$WORK/restored" check --passphrase-file "$PASS"
else
    echo "skip  backup/restore (no backup subcommand in this build)" >&2
fi
if grep -q "screenshots" <<<"$help"; then
    # The GUI's widgets, Qt's platform plugins and the image plugins, without a display.
    step "screenshots (offscreen)" 0 -- env QT_QPA_PLATFORM=offscreen "$BIN" --data-dir "$DATA" screenshots --out "$WORK/shots" --passphrase-file "$PASS"
    echo "      $(find "$WORK/shots" -name '*.png' 2>/dev/null | wc -l | tr -d ' ') PNGs" >&2
elif bundled coachdesk.ui.app; then
    # The app must still be running (waiting at its unlock screen) after 5 s: no crash on
    # start-up from a missing Qt module or plugin. timeout's 124 is the success here.
    step "app starts (offscreen, 5 s)" 124 -- env QT_QPA_PLATFORM=offscreen timeout 5 "$BIN" --data-dir "$DATA"
else
    echo "skip  GUI start (no coachdesk.ui.app in this build)" >&2
fi

if [[ "$failures" -gt 0 ]]; then
    echo "smoke.sh: $failures step(s) failed." >&2
    exit 1
fi
echo "smoke.sh: all steps passed ($BIN)." >&2
