"""Draw the site's default share image: what a link to a page without a picture of its own shows.

    .venv/bin/python -m tools.share_image     # writes static/brand/share.png (committed)

1200 x 630 pixels, the size Open Graph and X/Twitter cards show large: the council's colours,
the wordmark's three rings and the site's name. The font is the one Pillow ships, so any
machine with the project's packages draws the same picture.
"""

from PIL import Image, ImageDraw, ImageFont

from tools.brand_icons import BRAND, OUT, RADIUS, RINGS, STROKE, WHITE

WIDTH, HEIGHT = 1200, 630
TINT = (238, 245, 244)  # settings.$brand-tint
NAME = "Connected Communities"
COUNCIL = "Malvern Hills District Council"


def share_image():
    scale = 2  # drawn large and scaled down, for smooth edges
    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), BRAND)
    draw = ImageDraw.Draw(image)
    unit = 7 * scale  # the rings' 48-unit grid, 336 px wide
    left, top = 90 * scale, (HEIGHT * scale - 48 * unit) // 2
    for x, y in RINGS:
        box = [
            left + (x - RADIUS) * unit,
            top + (y - RADIUS) * unit,
            left + (x + RADIUS) * unit,
            top + (y + RADIUS) * unit,
        ]
        draw.ellipse(box, outline=WHITE, width=round(STROKE * unit))
    text_left = left + 48 * unit + 40 * scale
    name_font = ImageFont.load_default(size=88 * scale)
    council_font = ImageFont.load_default(size=40 * scale)
    centre = HEIGHT * scale // 2
    draw.multiline_text(
        (text_left, centre + 20 * scale),
        NAME.replace(" ", "\n"),
        font=name_font,
        fill=WHITE,
        anchor="ld",
        spacing=12 * scale,
    )
    draw.text((text_left, centre + 100 * scale), COUNCIL, font=council_font, fill=TINT, anchor="ls")
    # A band in the brand's tint along the foot, as the site's footer.
    draw.rectangle([0, (HEIGHT - 24) * scale, WIDTH * scale, HEIGHT * scale], fill=TINT)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    share_image().save(OUT / "share.png", optimize=True)


if __name__ == "__main__":
    main()
