"""Regenerate the app icon files from coachdesk/resources/coachdesk.svg.

Writes coachdesk-<N>.png (16..512), coachdesk.ico (Windows) and coachdesk.icns (macOS)
next to the SVG. Each size is rendered from the vector source by Qt's own SVG renderer
(not downscaled from one big bitmap); 16 and 24 px come from coachdesk-small.svg, drawn
on the pixel grid, so the smallest sizes stay crisp.

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "coachdesk" / "resources"
SVG = RESOURCES / "coachdesk.svg"
# Hand-fitted to the pixel grid; used up to SMALL_MAX px.
SMALL_SVG = RESOURCES / "coachdesk-small.svg"
SMALL_MAX = 24
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS holds 16..512 and their @2x forms; 1024 is the 512@2x slot (only inside the .icns).
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int) -> bytes:
    """The SVG rendered at size x size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    source = SMALL_SVG if size <= SMALL_MAX else SVG
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = {n: render_png(n) for n in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))}

    for n in PNG_SIZES:
        (RESOURCES / f"coachdesk-{n}.png").write_bytes(rendered[n])

    images = {n: Image.open(io.BytesIO(png)).convert("RGBA") for n, png in rendered.items()}
    # Pillow takes the exact bitmaps via append_images instead of resampling the biggest.
    biggest_ico = images[max(ICO_SIZES)]
    biggest_ico.save(
        RESOURCES / "coachdesk.ico",
        format="ICO",
        sizes=[(n, n) for n in ICO_SIZES],
        append_images=[images[n] for n in ICO_SIZES],
    )
    images[max(ICNS_SIZES)].save(
        RESOURCES / "coachdesk.icns", format="ICNS", append_images=[images[n] for n in ICNS_SIZES]
    )
    print(
        f"wrote {len(PNG_SIZES)} PNGs, coachdesk.ico, coachdesk.icns into {RESOURCES}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
