"""The bundled app icon: found through resource_path, from source and when frozen."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtSvg import QSvgRenderer

from coachdesk import resources
from coachdesk.resources import ICON_PNG_SIZES, icon_png_paths, resource_path

SOURCE_DIR = Path(resources.__file__).resolve().parent / "resources"


def test_resource_path_finds_icon_from_source() -> None:
    path = resource_path("coachdesk.svg")
    assert path == SOURCE_DIR / "coachdesk.svg"
    assert path.is_file()


def test_unknown_or_escaping_names_are_refused() -> None:
    with pytest.raises(FileNotFoundError):
        resource_path("no-such-icon.png")
    # A resource name is a plain name: nothing outside the folder, even if it exists.
    with pytest.raises(FileNotFoundError):
        resource_path("../resources.py")


def test_resource_path_uses_meipass_when_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lay out what PyInstaller unpacks: <_MEIPASS>/coachdesk/resources/<file>.
    bundled = tmp_path / "coachdesk" / "resources"
    bundled.mkdir(parents=True)
    shutil.copy(SOURCE_DIR / "coachdesk-32.png", bundled / "coachdesk-32.png")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("coachdesk-32.png") == (bundled / "coachdesk-32.png").resolve()
    # Only the frozen folder counts then: the source copy is not a silent fallback.
    with pytest.raises(FileNotFoundError):
        resource_path("coachdesk.svg")


def test_svg_sources_are_valid(qapp) -> None:  # type: ignore[no-untyped-def]
    for name in ("coachdesk.svg", "coachdesk-small.svg"):
        renderer = QSvgRenderer(str(resource_path(name)))
        assert renderer.isValid(), name
        assert not QIcon(str(resource_path(name))).isNull()


def test_every_png_size_loads_at_its_size(qapp) -> None:  # type: ignore[no-untyped-def]
    paths = icon_png_paths()
    assert len(paths) == len(ICON_PNG_SIZES)
    for size, path in zip(ICON_PNG_SIZES, paths, strict=True):
        pixmap = QPixmap(str(path))
        assert not pixmap.isNull(), path.name
        assert (pixmap.width(), pixmap.height()) == (size, size)
        image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
        # Not blank: the corner is transparent (rounded), the centre is painted.
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255, path.name


def test_qicon_built_from_pngs_offers_small_and_large(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = QIcon()
    for path in icon_png_paths():
        icon.addFile(str(path))
    assert not icon.isNull()
    assert icon.pixmap(16, 16).width() == 16
    assert icon.pixmap(256, 256).width() == 256


def test_ico_and_icns_hold_the_platform_sizes() -> None:
    with Image.open(resource_path("coachdesk.ico")) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(resource_path("coachdesk.icns")) as icns:
        sizes = {(w, h) for w, h, _scale in icns.info["sizes"]}
        assert {(128, 128), (256, 256), (512, 512)} <= sizes


def test_translations_are_found_by_the_same_helper_from_source_and_when_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One resource helper (issue 18): the app's .qm files come from resources.py too,
    beside the icons: coachdesk/i18n/ from source, <_MEIPASS>/coachdesk/i18n/ frozen."""
    from PySide6.QtCore import QTranslator

    source = resources.translation_path("da")
    assert source == SOURCE_DIR.parent / "i18n" / "coachdesk_da.qm"
    assert QTranslator().load(str(source))  # built by `make` before the tests
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.translation_path("en") == tmp_path / "coachdesk" / "i18n" / "coachdesk_en.qm"
