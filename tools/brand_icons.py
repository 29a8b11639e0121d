"""Draw the site's favicon and app icons from the wordmark's three linked rings.

    .venv/bin/python -m tools.brand_icons     # writes static/brand/ (committed)

The rings are drawn here with Pillow rather than rendered from the SVG, so that no browser or
SVG library is needed to rebuild them; static/brand/favicon.svg is the same shape as vector.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (11, 94, 87)  # settings.$brand in static/scss/_settings.scss
BRAND_HEX = "#0b5e57"
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "static" / "brand"
# The rings on a 48 x 48 grid: centres and radius as in templates/includes/logo.html.
RINGS = [(17, 18), (31, 18), (24, 30)]
RADIUS, STROKE = 10, 3.5

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
  <rect width="48" height="48" rx="8" fill="{BRAND_HEX}"/>
  {"".join(f'<circle cx="{x}" cy="{y}" r="{RADIUS}" fill="none" stroke="#fff" stroke-width="{STROKE}"/>' for x, y in RINGS)}
</svg>
"""

MANIFEST = """{
  "name": "Connected Communities",
  "short_name": "Communities",
  "start_url": "/",
  "display": "browser",
  "theme_color": "BRAND_HEX",
  "background_color": "#ffffff",
  "icons": [
    {"src": "icon-192.png", "type": "image/png", "sizes": "192x192"},
    {"src": "icon-512.png", "type": "image/png", "sizes": "512x512"},
    {"src": "icon-512.png", "type": "image/png", "sizes": "512x512", "purpose": "maskable"}
  ]
}
"""


def icon(size):
    scale = 4  # drawn large and scaled down, for smooth edges
    canvas = size * scale
    unit = canvas / 48
    image = Image.new("RGB", (canvas, canvas), BRAND)
    draw = ImageDraw.Draw(image)
    for x, y in RINGS:
        box = [(x - RADIUS) * unit, (y - RADIUS) * unit, (x + RADIUS) * unit, (y + RADIUS) * unit]
        draw.ellipse(box, outline=WHITE, width=round(STROKE * unit))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "favicon.svg").write_text(SVG)
    (OUT / "manifest.webmanifest").write_text(MANIFEST.replace("BRAND_HEX", BRAND_HEX))
    for size in (180, 192, 512):
        icon(size).save(OUT / f"icon-{size}.png", optimize=True)
    icon(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
