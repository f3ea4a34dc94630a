#!/usr/bin/env python3
"""Generate the app's icons from one definition: SVG plus PNGs (192, 512, maskable 512, 32).

The mark is a seal: a ring around a dot, in the app's accent colour. PNGs are drawn with
signed-distance anti-aliasing in pure Python (no image libraries), so the same script gives
the same bytes on every machine. Run: python3 scripts/icons.py  (writes public/icons/).
"""
import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
ACCENT = (0x0B, 0x55, 0x63)
LIGHT = (0xFF, 0xFF, 0xFF)

# Geometry in units of the icon's size (0..1).
CORNER = 0.22          # rounded-square corner radius
RING_RADIUS = 0.30     # centre line of the ring
RING_WIDTH = 0.075
DOT_RADIUS = 0.13
# A maskable icon's content must sit inside the central 80 % circle; it is drawn smaller.
MASKABLE_SCALE = 0.78


def svg() -> str:
    s = 512
    c = s / 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" width="{s}" height="{s}">'
        f'<rect width="{s}" height="{s}" rx="{CORNER * s:g}" fill="#{bytes(ACCENT).hex()}"/>'
        f'<circle cx="{c:g}" cy="{c:g}" r="{RING_RADIUS * s:g}" fill="none" stroke="#fff" stroke-width="{RING_WIDTH * s:g}"/>'
        f'<circle cx="{c:g}" cy="{c:g}" r="{DOT_RADIUS * s:g}" fill="#fff"/>'
        "</svg>\n"
    )


def coverage(distance: float) -> float:
    """How much of a pixel a shape covers, from the signed distance (pixels) of its centre."""
    return min(1.0, max(0.0, 0.5 - distance))


def rounded_square_distance(x: float, y: float, size: float, radius: float) -> float:
    half = size / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def render(size: int, maskable: bool) -> bytes:
    scale = MASKABLE_SCALE if maskable else 1.0
    centre = size / 2
    rows = []
    for j in range(size):
        row = bytearray([0])  # PNG filter: none
        y = j + 0.5
        for i in range(size):
            x = i + 0.5
            if maskable:
                background = 1.0  # full bleed: the platform applies its own mask
            else:
                background = coverage(rounded_square_distance(x, y, size, CORNER * size))
            r = math.hypot(x - centre, y - centre)
            ring = coverage(abs(r - RING_RADIUS * size * scale) - RING_WIDTH * size * scale / 2)
            dot = coverage(r - DOT_RADIUS * size * scale)
            light = max(ring, dot)
            colour = [round(a * (1 - light) + b * light) for a, b in zip(ACCENT, LIGHT)]
            row += bytes(colour) + bytes([round(255 * background)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(png_32: bytes) -> bytes:
    """A one-image .ico holding the 32 px PNG (allowed since Windows Vista; every browser
    reads it). Browsers ask for /favicon.ico on pages without an icon link, such as the
    source texts and the open data."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", 32, 32, 0, 0, 1, 32, len(png_32), 6 + 16)
    return header + entry + png_32


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg(), encoding="utf-8")
    for name, size, maskable in [("icon-32.png", 32, False), ("icon-192.png", 192, False), ("icon-512.png", 512, False), ("maskable-512.png", 512, True)]:
        (OUT / name).write_bytes(render(size, maskable))
        print(f"wrote {OUT / name}")
    favicon = OUT.parent / "favicon.ico"
    favicon.write_bytes(ico((OUT / "icon-32.png").read_bytes()))
    print(f"wrote {favicon}")


if __name__ == "__main__":
    main()
