"""import, export, demo: participant data in and out of the vault."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.context import add_unlock_options
from coachdesk.cli.unlock import open_vault
from coachdesk.errors import BadInput
from coachdesk.reports.channels import CHANNELS

if TYPE_CHECKING:
    from coachdesk.cli.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from coachdesk.cli.vault_commands import add_test_kdf_flag

    p = sub.add_parser(
        "import",
        help="import a participant file (JSON, or a handover file "
        "in the age format; all or nothing)",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--handover-passphrase-file",
        metavar="F",
        help="a handover file protected with a passphrase: read it from F "
        "(without it, the vault's own receiving key opens the file)",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="update participants whose ref is already in the vault from the "
        "file (their disclosure log and job plan history are kept)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export participants as JSON or a PDF report")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--participant", metavar="REF")
    who.add_argument("--all", action="store_true")
    p.add_argument("--format", choices=("json", "pdf"), required=True)
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument(
        "--sections", metavar="LIST", help="PDF sections, comma separated (see docs/cli.md)"
    )
    p.add_argument("--pdf-password-file", metavar="F")
    p.add_argument("--recipient", metavar="TEXT")
    p.add_argument(
        "--channel",
        choices=CHANNELS,
        help="how the PDF leaves you, recorded in the disclosure log "
        "(as the export dialog's choice)",
    )
    add_unlock_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("demo", help="create (if needed) and fill a vault with synthetic people")
    p.add_argument("--participants", type=int, default=40, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    add_unlock_options(p)
    add_test_kdf_flag(p)
    p.set_defaults(func=cmd_demo)


def _read_input(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise BadInput("file.cannot_read", path=path, strerror=exc.strerror) from None


def _read_head(path: str) -> bytes:
    """The file's first bytes: enough to tell an age file (its header line, or its
    armour after any blank lines). Leading blanks beyond the first read are kept as one
    newline: looks_like_age reads the same verdict from it as from the whole file."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
            while len(head.lstrip()) < 64:
                more = f.read(65536)
                if not more:
                    break
                head = (b"\n" + head.lstrip() if head[:1].isspace() else head) + more
            return head
    except OSError as exc:
        raise BadInput("file.cannot_read", path=path, strerror=exc.strerror) from None


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.store import interchange

    head = _read_head(args.file)
    if _is_age(args.file, head) or args.handover_passphrase_file:
        return _import_handover(args, ctx, _read_input(args.file))
    # Parse before unlocking: a broken file needs no passphrase to be refused. The file
    # is read from disk a window at a time, here and by the import (issue 19): neither
    # its bytes, nor its text, nor the document is ever held whole.
    path = Path(args.file)
    try:
        interchange.check_syntax(path)
    except OSError as exc:
        raise BadInput("file.cannot_read", path=args.file, strerror=exc.strerror) from None
    with open_vault(args, ctx) as vault, vault.session() as s:
        result = interchange.import_document(s, path, replace=args.replace)
        s.commit()
    ctx.say(
        f"Imported {result.added} new participant(s)"
        + (f" and replaced {result.replaced}." if result.replaced else ".")
    )
    return 0


def _is_age(name: str, data: bytes) -> bool:
    """An age file by its header line; a name ending in .age is one too (so a plain file
    renamed .age is refused as not encrypted, not imported as if it were)."""
    from coachdesk.store import agefile

    return agefile.looks_like_age(data) or name.lower().endswith(".age")


def _import_handover(args: argparse.Namespace, ctx: Context, data: bytes) -> int:
    from coachdesk.cli.secrets import read_secret_file
    from coachdesk.store import agefile, handover

    # The header is checked before unlocking: a file that is not age, is damaged, or
    # needs the other kind of key is refused without asking for the passphrase.
    head = agefile.header(data)
    phrase = None
    if args.handover_passphrase_file:
        phrase = read_secret_file(args.handover_passphrase_file, "handover passphrase")
        if not head.passphrase:
            raise BadInput(agefile.KEY_NOT_PASSPHRASE)
    elif head.passphrase:
        raise BadInput(agefile.NEEDS_PASSPHRASE)
    # (A vault without a receiving key yet cannot have been sent a file: refused as "for
    # another receiver", and no key is made by a failed import.)
    with open_vault(args, ctx) as vault, vault.session() as s:
        opened = handover.open_file(s, data, passphrase=phrase)
        result = handover.import_opened(s, opened, replace=args.replace)
        s.commit()
    ctx.say(
        f"Imported {result.added} new participant(s)"
        + (f" and replaced {result.replaced}" if result.replaced else "")
        + " from the encrypted handover file; the receipt is in the audit log."
    )
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.core.records import has_surrogate

    # An argument in a broken encoding (undecodable bytes arrive as lone surrogates)
    # cannot be stored in the disclosure log: refused here, before anything is written.
    if args.recipient is not None and has_surrogate(args.recipient):
        raise BadInput("cli.recipient_not_text_export")
    if args.format == "pdf":
        from coachdesk.cli.export_pdf import export_pdf

        return export_pdf(args, ctx)
    if args.sections or args.pdf_password_file:
        raise BadInput("cli.pdf_only_options")
    return export_json(args, ctx)


def export_json(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.reports.export import record_json_export, write_recorded
    from coachdesk.store import interchange, settings

    out = Path(args.out)
    if not out.parent.exists():
        raise BadInput("folder_missing", parent=out.parent)
    refs = None if args.all else [args.participant]
    with open_vault(args, ctx) as vault, vault.session() as s:
        today, params = dt.date.today(), settings.pss_params(s)
        # Streamed: the file is written person by person from plain rows (issue 19);
        # it appears only after its disclosures are committed (reports/export.py).
        written: list[interchange.Exported] = []
        write_recorded(
            s,
            out,
            lambda write: written.append(
                interchange.write_export(write, s, refs, today=today, params=params)
            ),
            lambda digest: record_json_export(s, written[0].people, digest, args.recipient),
        )
    ctx.say(f"Exported {len(written[0].people)} participant(s) to {out}.")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from coachdesk.cli.secrets import read_secret_file
    from coachdesk.cli.vault_commands import new_passphrase
    from coachdesk.store import demo_mark, interchange
    from coachdesk.store.demo import demo_document
    from coachdesk.store.keyfile import TEST_KDF
    from coachdesk.store.models import Participant
    from coachdesk.store.vault import Vault

    if args.participants < 0 or args.participants > 100_000:
        raise BadInput("cli.bad_participant_count")
    if Vault.exists(ctx.data_dir):
        vault = open_vault(args, ctx)
    else:
        if args.recovery_code_file:
            raise BadInput("cli.no_vault_yet")
        passphrase = (
            read_secret_file(args.passphrase_file, "passphrase")
            if args.passphrase_file
            else new_passphrase(None)
        )
        vault, code = Vault.create(
            ctx.data_dir, passphrase, kdf=TEST_KDF if args.insecure_test_kdf else None
        )
        ctx.say(f"Created a vault in {ctx.data_dir}. Recovery code: {code}")
    with vault, vault.session() as s:
        first = s.query(Participant).count() + 1
        pure = demo_mark.was_pure(s)
        doc = demo_document(args.participants, seed=args.seed, first_number=first)
        result = interchange.import_document(s, doc)
        from coachdesk.store.demo import demo_group_sessions

        demo_group_sessions(s)  # the holds' group session dates (the roster, the agenda)
        s.flush()
        # The mark `screenshots` asks for: this vault holds only synthetic people.
        demo_mark.update(s, pure)
        s.commit()
    ctx.say(f"Added {result.added} synthetic participant(s).")
    return 0
