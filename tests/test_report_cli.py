"""`coachdesk export --format pdf` and `cohort-report`: exit codes and files."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from test_report_data import CPR, NOTE_CANARY, add, pdf_text, person, squash

from coachdesk.cli.main import main
from coachdesk.store.models import Disclosure


@pytest.fixture
def filled(vault, data_dir, passphrase_file):
    add(
        vault,
        person(),
        person(
            "GK-NOCONSENT",
            consent={"given_on": "2026-01-12", "scope": ["course"], "withdrawn_on": None},
        ),
    )
    vault.close()  # the CLI opens the vault itself (one CoachDesk per vault)
    return data_dir, passphrase_file


def _export(data_dir, pf, out, *extra: str, ref: str = "GK-2026-0042") -> int:
    return main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "--participant",
            ref,
            "--format",
            "pdf",
            "--out",
            str(out),
            "--passphrase-file",
            str(pf),
            *extra,
        ]
    )


def test_export_pdf_default_and_sections(filled, tmp_path, no_network) -> None:
    data_dir, pf = filled
    out = tmp_path / "r.pdf"
    assert _export(data_dir, pf, out) == 0
    flat = squash(pdf_text(out.read_bytes()))
    assert "Slutrapport" in flat and "010190-****" in flat and NOTE_CANARY not in flat
    assert (
        _export(
            data_dir,
            pf,
            out,
            "--sections",
            "pss10,notes,cpr_full",
            "--recipient",
            "Jobcenter Gentofte",
        )
        == 0
    )
    flat = squash(pdf_text(out.read_bytes()))
    assert NOTE_CANARY in flat and CPR in flat and "Jobcenter Gentofte" in flat
    assert "Deltagelse i gruppesessioner" not in flat


def test_export_pdf_password_and_everything(filled, tmp_path, capsys) -> None:
    data_dir, pf = filled
    pwf = tmp_path / "pdfpw.txt"
    pwf.write_text("et langt kodeord\n", encoding="utf-8")
    out = tmp_path / "kopi.pdf"
    assert (
        _export(data_dir, pf, out, "--sections", "everything", "--pdf-password-file", str(pwf)) == 0
    )
    assert "another channel" in capsys.readouterr().err
    r = PdfReader(io.BytesIO(out.read_bytes()))
    assert r.trailer["/Encrypt"].get_object()["/R"] == 6
    assert NOTE_CANARY in squash(pdf_text(out.read_bytes(), "et langt kodeord"))
    from coachdesk.store.vault import Vault

    with Vault.open(data_dir, passphrase=pf.read_text().strip()) as v, v.session() as s:
        (d,) = s.query(Disclosure).all()
        assert (d.kind, d.sections, d.encrypted) == ("access_copy", ["everything"], True)


@pytest.mark.parametrize(
    "args",
    [
        ("--sections", "pss10,diagnosis"),
        ("--sections", "everything,notes"),
    ],
)
def test_bad_sections_exit_2(filled, tmp_path, capsys, args) -> None:
    data_dir, pf = filled
    out = tmp_path / "r.pdf"
    assert _export(data_dir, pf, out, *args) == 2
    assert not out.exists()
    assert "section" in capsys.readouterr().err


def test_no_consent_exit_2(filled, tmp_path, capsys) -> None:
    data_dir, pf = filled
    out = tmp_path / "r.pdf"
    assert _export(data_dir, pf, out, ref="GK-NOCONSENT") == 2
    assert "consent" in capsys.readouterr().err and not out.exists()


def test_wrong_passphrase_exit_3_and_other_errors(filled, tmp_path) -> None:
    data_dir, _ = filled
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert _export(data_dir, wrong, out) == 3
    assert _export(data_dir, filled[1], out, ref="NOBODY") == 2
    assert _export(data_dir, filled[1], tmp_path / "missing" / "r.pdf") == 2
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "export",
                "--all",
                "--format",
                "pdf",
                "--out",
                str(out),
                "--passphrase-file",
                str(filled[1]),
            ]
        )
        == 2
    )
    assert not out.exists()


def test_cohort_report_cli_pdf_and_csv(vault, data_dir, passphrase_file, tmp_path) -> None:
    add(
        vault,
        *(
            person(f"GK-2026-{i:04d}", cpr=f"0101{90 - i:02d}-1234", name=f"Ida {i}")
            for i in range(8)
        ),
    )
    vault.close()
    base = ["--data-dir", str(data_dir), "cohort-report", "--passphrase-file", str(passphrase_file)]
    assert main([*base, "--out", str(tmp_path / "c.pdf")]) == 0
    flat = squash(pdf_text((tmp_path / "c.pdf").read_bytes()))
    assert "Effektrapport for holdet" in flat and "Henvist 8" in flat
    assert "Ida" not in flat and "GK-2026" not in flat and "12.01.2026" not in flat
    assert (
        main([*base, "--out", str(tmp_path / "c.csv"), "--from", "2026-01", "--to", "2026-01"]) == 0
    )
    raw = (tmp_path / "c.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "key;section;metric;n;mean;sd;ci_low;ci_high;percent;suppressed"
    assert lines[1].startswith("referred;Deltagere;Henvist;8;") and "Ida" not in raw.decode()
    assert (
        main(
            [
                *base,
                "--out",
                str(tmp_path / "r.csv"),
                "--csv-dialect",
                "rfc4180",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-31",
            ]
        )
        == 0
    )
    rfc = (tmp_path / "r.csv").read_bytes()
    assert not rfc.startswith(b"\xef\xbb\xbf")
    assert rfc.decode().splitlines()[1].startswith("referred,Deltagere,Henvist,8,")
    for bad in (
        ("--from", "2026-13"),
        ("--from", "2026-05", "--to", "2026-01"),
        ("--to", "2026-03-01"),
        ("--from", "2026-01-15"),
    ):
        assert main([*base, "--out", str(tmp_path / "x.csv"), *bad]) == 2, bad
    with pytest.raises(SystemExit) as exc:  # argparse's own usage error
        main([*base, "--out", str(tmp_path / "x.csv"), "--csv-dialect", "semicolon"])
    assert exc.value.code == 2
    assert not (tmp_path / "x.csv").exists()


def test_export_records_the_channel_the_coach_names(filled, tmp_path, capsys) -> None:
    from sqlalchemy import select

    from coachdesk.store.vault import Vault

    data_dir, pf = filled
    assert _export(data_dir, pf, tmp_path / "r.pdf", "--channel", "digital_post") == 0
    with pytest.raises(SystemExit) as bad:
        _export(data_dir, pf, tmp_path / "s.pdf", "--channel", "fax")
    assert bad.value.code == 2 and not (tmp_path / "s.pdf").exists()
    secret = pf.read_text(encoding="utf-8").strip()
    with Vault.open(data_dir, passphrase=secret) as v, v.session() as s:
        channels = [d.channel for d in s.execute(select(Disclosure)).scalars()]
    assert channels == ["digital_post"]
