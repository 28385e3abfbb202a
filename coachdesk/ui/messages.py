"""The coach's language for messages that come from below the GUI.

core/ and store/ know nothing of Qt, so their errors are English sentences with a
fixed shape (core/records.py, errors.py). This module is the one place that turns them
into the UI language: each known shape is a pattern here with its tr() text; anything
unknown is shown as it is (English is better than nothing, and never hides an error).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication

from coachdesk import errors

Rule = tuple[re.Pattern[str], Callable[[], str]]


@cache
def _rules() -> list[Rule]:
    r = re.compile
    # Each entry is deferred (a lambda) so the text is translated with the translator in
    # force when shown; each translate() call names its literal text for lupdate.
    pairs: list[tuple[str, Callable[[], str]]] = [
        (
            r"^is not an e-mail address$",
            lambda: QCoreApplication.translate(
                "Messages", "This is not an e-mail address (name@example.dk)."
            ),
        ),
        (
            r"^is required$",
            lambda: QCoreApplication.translate("Messages", "This field is required."),
        ),
        (
            r"^must not be empty$",
            lambda: QCoreApplication.translate("Messages", "This field is required."),
        ),
        (
            r"^must be non-empty text$",
            lambda: QCoreApplication.translate("Messages", "This field is required."),
        ),
        (
            r"^(.+) is in the future$",
            lambda: QCoreApplication.translate("Messages", "%1 is in the future."),
        ),
        (
            r"^(.+) is not a date \(YYYY-MM-DD\)$",
            lambda: QCoreApplication.translate("Messages", "%1 is not a date."),
        ),
        (
            r"^(.+) is not a real date$",
            lambda: QCoreApplication.translate("Messages", "%1 is not a real date."),
        ),
        (
            r"^(.+) is not a time \(HH:MM\)$",
            lambda: QCoreApplication.translate("Messages", "%1 is not a time (HH:MM)."),
        ),
        (
            r"^(.+) is not in (\S+)$",
            lambda: QCoreApplication.translate("Messages", "%1 is not within %2."),
        ),
        (
            r"^(.+) is not an integer$",
            lambda: QCoreApplication.translate("Messages", "%1 is not a whole number."),
        ),
        (
            r"^(.+) is not a number$",
            lambda: QCoreApplication.translate("Messages", "%1 is not a number."),
        ),
        (
            r"^is longer than (\d+) characters$",
            lambda: QCoreApplication.translate("Messages", "This is longer than %1 characters."),
        ),
        (
            r"^is before the referral date$",
            lambda: QCoreApplication.translate("Messages", "The date is before the referral date."),
        ),
        (
            r"^(.+) is before the referral date$",
            lambda: QCoreApplication.translate("Messages", "%1 is before the referral date."),
        ),
        (
            r"^a final assessment is before the screening$",
            lambda: QCoreApplication.translate(
                "Messages", "A final PSS-10 cannot be dated before the screening."
            ),
        ),
        (
            r"^is before the consent was given$",
            lambda: QCoreApplication.translate(
                "Messages", "Withdrawn before the consent was given."
            ),
        ),
        (
            r"^(.+) is not a CPR number \(DDMMYY-NNNN\)$",
            lambda: QCoreApplication.translate("Messages", "%1 is not a CPR number (DDMMYY-NNNN)."),
        ),
        (
            r"^(.+) does not start with a real date$",
            lambda: QCoreApplication.translate("Messages", "%1 does not start with a real date."),
        ),
        (
            r"^(.+) is not one of (.+)$",
            lambda: QCoreApplication.translate("Messages", "%1 is not one of the choices."),
        ),
        (
            r"^Wrong passphrase\. Try again\.$",
            lambda: QCoreApplication.translate("Messages", "Wrong passphrase. Try again."),
        ),
        (
            r"^Wrong recovery code\. Check it and try again\.$",
            lambda: QCoreApplication.translate(
                "Messages", "Wrong recovery code. Check it and try again."
            ),
        ),
        (
            r"^This vault is open in another running CoachDesk\. Close it there first\.$",
            lambda: QCoreApplication.translate(
                "Messages", "This vault is open in another running CoachDesk. Close it there first."
            ),
        ),
        (
            r"^The database is damaged and cannot be read safely\..*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The database is damaged and cannot be read safely. Restore "
                "the latest backup (Restore a backup… on this screen).",
            ),
        ),
        # issue 12: the vault's own refusals (store/vault.py, store/keyfile.py)
        (
            r"^The key file \(vault\.key\) does not belong to this vault's database.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The key file (vault.key) does not belong to this vault (it is from "
                "another vault, or was altered) and was refused. Put back this vault's "
                "own key file, from a backup if need be.",
            ),
        ),
        (
            r"^The database vault\.db was rolled back.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The database was rolled back: it is older than its key file, and an "
                "older copy can bring back erased people. It was refused. Restore the "
                "latest backup (Restore a backup… on this screen).",
            ),
        ),
        (
            r"^The database vault\.db is empty or has no tables.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The database is empty or has no tables although its key file exists: "
                "it is damaged. Nothing was written. Restore the latest backup "
                "(Restore a backup… on this screen).",
            ),
        ),
        (
            r"^The database vault\.db cannot be read with (this|its) key file.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The database cannot be read with its key file: it is damaged, or an "
                "older copy from before the last passphrase change. Nothing was "
                "written. Restore the latest backup (Restore a backup… on this screen).",
            ),
        ),
        (
            r"^Wrong recovery code: it has only the letters.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "Wrong recovery code: it has only the letters A-Z and the "
                "digits 2-7. Check it and try again.",
            ),
        ),
        (
            r"^A passphrase change was interrupted.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "A passphrase change was interrupted after the vault was "
                "re-encrypted. Unlock with the new passphrase or the recovery code.",
            ),
        ),
        (
            r"^The key file .*(altered|damaged|malformed|does not belong|refused).*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The key file (vault.key) was altered or damaged and was "
                "refused. Restore it from a backup.",
            ),
        ),
        (
            r"^The passphrase must have at least (\d+) characters\.$",
            lambda: QCoreApplication.translate(
                "Messages", "The passphrase must have at least %1 characters."
            ),
        ),
        (
            r"^CoachDesk cannot write in the data folder (.+) \((.+)\)\..*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "CoachDesk cannot write in the data folder %1 (%2). Check "
                "that it is not read-only and that it is yours.",
            ),
        ),
        (
            r"^The vault in (.+) was moved or deleted while CoachDesk was running\..*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The vault in %1 was moved or deleted while CoachDesk was running. Put it "
                "back, or restart CoachDesk and open it where it is now.",
            ),
        ),
        (
            r"^Could not write (.+): (.+)\. Nothing was changed\.$",
            lambda: QCoreApplication.translate(
                "Messages", "Could not write %1: %2. Nothing was changed."
            ),
        ),
        # issue 12: the record and import refusals (core/records.py, store/interchange.py)
        (
            r"^has more than (\d+) entries$",
            lambda: QCoreApplication.translate("Messages", "This list has more than %1 entries."),
        ),
        (
            r"^holds a lone surrogate .*$",
            lambda: QCoreApplication.translate(
                "Messages", "This text holds a lone surrogate, which is not a character."
            ),
        ),
        (
            r"^The file was not imported: the text (.+) holds a lone surrogate .*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The file was not imported: the text %1 holds a lone surrogate, "
                "which is not a character. Nothing was changed.",
            ),
        ),
        (
            r"^(.+) has a time zone; give the local time without one \(YYYY-MM-DDTHH:MM\)$",
            lambda: QCoreApplication.translate(
                "Messages",
                "%1 has a time zone; give the local time without one (YYYY-MM-DDTHH:MM).",
            ),
        ),
        (
            r"^(.+) is not a date and time \(YYYY-MM-DDTHH:MM\)$",
            lambda: QCoreApplication.translate(
                "Messages", "%1 is not a date and time (YYYY-MM-DDTHH:MM)."
            ),
        ),
        # store/erasure.py's ErasedNotCompacted: the person IS erased, say both halves.
        (
            r"^Participant (.+) is erased, but the vault file could not be compacted "
            r"afterwards \(the disk is full\).*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "Participant %1 is erased, but the vault file could not be "
                "compacted afterwards because the disk is full, so the file can still hold "
                "old, encrypted pages of the erased records. Free some space on the disk, "
                "then run 'coachdesk compact' (or ask your IT department to) to finish.",
            ),
        ),
        (
            r"^Participant (.+) is erased, but the vault file could not be compacted "
            r"afterwards.*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "Participant %1 is erased, but the vault file could not be "
                "compacted afterwards, so the file can still hold old, encrypted pages of "
                "the erased records. Run 'coachdesk compact' (or ask your IT department to) "
                "to finish.",
            ),
        ),
        # errors.py's classified failures (DiskFull, StorageError, out of memory)
        (
            "^" + re.escape(errors.DISK_FULL) + "$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The disk is full, so the change could not be saved. Nothing "
                "was changed: free some space on the disk and try again.",
            ),
        ),
        (
            "^" + re.escape(errors.IO_ERROR) + "$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The disk could not be read or written (an input/output error). "
                "Nothing was changed: check the disk or the network drive, then try again.",
            ),
        ),
        (
            r"^The computer ran out of memory\..*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The computer ran out of memory. Nothing was changed: close "
                "other programs and try again.",
            ),
        ),
        # reports/export.write_recorded: an export is recorded before its file appears.
        (
            r"^Nothing was exported: the export could not be recorded in the vault "
            r"\(the disk is full\), so (.+) was not written\.$",
            lambda: QCoreApplication.translate(
                "Messages",
                "Nothing was exported: the disk holding the vault is full, so the "
                "export could not be recorded and %1 was not written.",
            ),
        ),
        (
            r"^Nothing was exported: the export could not be recorded in the vault "
            r"\((.+)\), so (.+) was not written\.$",
            lambda: QCoreApplication.translate(
                "Messages",
                "Nothing was exported: the export could not be recorded in the "
                "vault (%1), so %2 was not written.",
            ),
        ),
        (
            r"^The export was recorded as a disclosure, but (.+) could not be put in place "
            r"\((.+)\); no file was written\..*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The export was recorded as a disclosure, but %1 could not be "
                "put in place (%2); no file was written.",
            ),
        ),
        # store/backup.py: a restore never replaces a folder that filled up meanwhile.
        (
            r"^The folder (.+) is no longer empty \(something was put there during "
            r"the restore\)\..*$",
            lambda: QCoreApplication.translate(
                "Messages",
                "The folder %1 is no longer empty (something was put there during "
                "the restore). Nothing there was overwritten; restore into an empty folder.",
            ),
        ),
    ]
    pairs += _handover_pairs()
    return [(r(p), f) for p, f in pairs]


def _handover_pairs() -> list[tuple[str, Callable[[], str]]]:
    """store/agefile.py's and store/handover.py's sentences (issue 17), matched whole."""
    from coachdesk.store import agefile, handover

    texts: list[tuple[str, Callable[[], str]]] = [
        (
            agefile.NOT_AGE,
            lambda: QCoreApplication.translate(
                "Messages",
                "The file is not an encrypted handover file (it does not begin with "
                "age-encryption.org/v1). Nothing was changed.",
            ),
        ),
        (
            agefile.ARMOURED,
            lambda: QCoreApplication.translate(
                "Messages",
                "The file is an armoured (text) age file; CoachDesk reads the binary "
                "form. Ask for the file without armour. Nothing was changed.",
            ),
        ),
        (
            agefile.HEADER_CUT,
            lambda: QCoreApplication.translate(
                "Messages",
                "The encrypted file is damaged or cut off: its header is incomplete. "
                "Ask for a new copy. Nothing was changed.",
            ),
        ),
        (
            agefile.DAMAGED,
            lambda: QCoreApplication.translate(
                "Messages",
                "The encrypted file is damaged or cut off (it does not decrypt "
                "whole). Ask for a new copy. Nothing was changed.",
            ),
        ),
        (
            agefile.WRONG_KEY,
            lambda: QCoreApplication.translate(
                "Messages",
                "The file is not encrypted to this vault's receiving key: it was "
                "made for another receiver. Nothing was changed.",
            ),
        ),
        (
            agefile.WRONG_PASSPHRASE,
            lambda: QCoreApplication.translate(
                "Messages", "The handover passphrase is wrong. Nothing was changed."
            ),
        ),
        (
            agefile.BAD_RECIPIENT,
            lambda: QCoreApplication.translate(
                "Messages",
                "This is not a receiving key: it starts with age1 and has 62 "
                "characters (the receiver finds it under Settings -> My receiving key).",
            ),
        ),
        (
            agefile.RECIPIENT_TYPO,
            lambda: QCoreApplication.translate(
                "Messages",
                "The receiving key has a typing error (its check digits do not "
                "match). Copy it again from the receiver.",
            ),
        ),
        (
            handover.OWN_KEY,
            lambda: QCoreApplication.translate(
                "Messages",
                "That is this vault's own receiving key: give the receiving coach's "
                "key. Nothing was written.",
            ),
        ),
    ]
    return [("^" + re.escape(text) + "$", fn) for text, fn in texts]


def message(text: str) -> str:
    """``text`` in the UI language when its shape is known, else as it is."""
    text = text.strip()
    for pattern, template in _rules():
        m = pattern.match(text)
        if m:
            out = template()
            for i, group in enumerate(m.groups(), start=1):
                out = out.replace(f"%{i}", group)
            return out
    return text


def error_text(exc: BaseException) -> str:
    """A CoachDeskError's sentence in the UI language. Anything else goes through the
    error boundary's classifier (error_hook.describe): the text of a database error
    quotes the statement's parameters (personal data), so it is never shown."""
    if isinstance(exc, errors.CoachDeskError):
        return message(str(exc))
    from coachdesk.ui.error_hook import describe

    return describe(exc)


def field_error(error: str) -> str:
    """One 'path: message' from core/records, for a list under a form."""
    path, sep, text = error.partition(": ")
    return f"{path}: {message(text)}" if sep else message(error)
