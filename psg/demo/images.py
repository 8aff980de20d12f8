"""Demo pictures, painted with Pillow in the site's palette.

Each is a simple composition (hills, a lake, a river, a woven band…) drawn
from sine waves, so the same spec always gives the same picture and the demo
needs no photographs whose rights it would have to clear.
"""

import io
import math

from PIL import Image, ImageDraw

from .spec import ImageSpec

WIDTH, HEIGHT = 1200, 800

# The stylesheet's red and wash, with the earth, forest and water colours of
# the landscapes.
PALETTE = {
    "red": "#9e1b1e",
    "wash": "#f6f3ef",
    "sand": "#f3e9d7",
    "straw": "#e8c98a",
    "ochre": "#d9a441",
    "terracotta": "#b4472f",
    "wine": "#7a2431",
    "moss": "#8aa35f",
    "andes": "#4f7a4f",
    "forest": "#2f5239",
    "sky": "#b9d2dd",
    "lake": "#2f5d7c",
    "dusk": "#5b4b73",
    "night": "#23303a",
}


def _colours(*names):
    return tuple(PALETTE[name] for name in names)


def _gradient(top, bottom, height=HEIGHT):
    """A top-to-bottom gradient the width of the picture."""
    mask = Image.linear_gradient("L").resize((WIDTH, height))
    return Image.composite(
        Image.new("RGB", mask.size, bottom), Image.new("RGB", mask.size, top), mask
    )


def _wave(x, amplitude, seed, scale=1.0):
    """A hill line's height at ``x``: a sum of four sine waves."""
    return sum(
        amplitude / (i + 1) * math.sin(x * 0.0035 * scale * (i + 1) + seed * 1.7 + i)
        for i in range(4)
    )


def _ridge(base, amplitude, seed, scale=1.0):
    """The polygon of a hill whose skyline wanders around ``base``."""
    points = [
        (x, base + _wave(x, amplitude, seed, scale)) for x in range(0, WIDTH + 20, 20)
    ]
    return [*points, (WIDTH, HEIGHT), (0, HEIGHT)]


def _sky_and_hills(colours, seed, top=0.42, bottom=0.82, sun=True):
    """Sky gradient, an optional sun and hills from the 4th colour onwards."""
    sky_top, sky_bottom, sun_colour, *hills = colours
    image = _gradient(sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)
    if sun:
        x, y, r = WIDTH * (0.25 + (seed % 5) * 0.12), HEIGHT * 0.24, 70
        draw.ellipse((x - r, y - r, x + r, y + r), fill=sun_colour)
    step = (bottom - top) / max(len(hills) - 1, 1)
    for i, colour in enumerate(hills):
        base = HEIGHT * (top + i * step)
        draw.polygon(_ridge(base, 60 - i * 8, seed + i), fill=colour)
    return image, draw


def paint_hills(colours, seed):
    return _sky_and_hills(colours, seed)[0]


def paint_lake(colours, seed):
    """Far mountains, a lake with streaks of light, a near shore."""
    *landscape, water, shore = colours
    image, draw = _sky_and_hills(landscape, seed, top=0.40, bottom=0.52)
    lake_top = HEIGHT * 0.62
    draw.rectangle((0, lake_top, WIDTH, HEIGHT), fill=water)
    for i in range(9):
        y = lake_top + 18 + i * 16
        x = (seed * 97 + i * 211) % (WIDTH - 300)
        draw.line((x, y, x + 120 + i * 12, y), fill=landscape[1], width=2)
    draw.polygon(_ridge(HEIGHT * 0.93, 18, seed + 5, scale=2.0), fill=shore)
    return image


def paint_river(colours, seed):
    """Forested banks and a river winding towards the viewer."""
    *landscape, water = colours
    image, draw = _sky_and_hills(landscape, seed, top=0.36, bottom=0.50, sun=False)
    top = int(HEIGHT * 0.52)
    left, right = [], []
    for y in range(top, HEIGHT + 10, 10):
        depth = (y - top) / (HEIGHT - top)
        centre = WIDTH / 2 + 260 * math.sin(depth * 4.2 + seed) * depth
        half = 12 + 220 * depth**1.6
        left.append((centre - half, y))
        right.append((centre + half, y))
    draw.polygon([*left, *reversed(right)], fill=water)
    return image


def paint_weave(colours, seed):
    """A woven band: stripes, with rows of diamonds and zigzags between them."""
    background, *threads = colours
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    y, row = 40, 0
    while y < HEIGHT - 40:
        colour = threads[(row + seed) % len(threads)]
        if row % 3 == 1:
            size = 44
            for x in range(0, WIDTH + size, size * 2):
                draw.polygon(
                    [(x, y + size), (x + size, y), (x + 2 * size, y + size)],
                    fill=colour,
                )
                draw.polygon(
                    [(x, y + size), (x + size, y + 2 * size), (x + 2 * size, y + size)],
                    fill=threads[(row + seed + 1) % len(threads)],
                )
            y += 2 * size + 20
        elif row % 3 == 2:
            points = [
                (x, y + (0 if (x // 40) % 2 else 36)) for x in range(0, WIDTH + 40, 40)
            ]
            draw.line(points, fill=colour, width=10, joint="curve")
            y += 60
        else:
            height = 24 + (row * 7 + seed) % 30
            draw.rectangle((0, y, WIDTH, y + height), fill=colour)
            y += height + 14
        row += 1
    return image


def paint_terraces(colours, seed):
    """A hillside of narrow terraces, alternating two greens and straw."""
    sky_top, sky_bottom, *fields = colours
    image = _gradient(sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)
    for i in range(22):
        base = HEIGHT * 0.22 + i * 28
        draw.polygon(
            _ridge(base, 40 + i * 2, seed, scale=0.6), fill=fields[i % len(fields)]
        )
    return image


def paint_coast(colours, seed):
    """A city on the cliffs above the sea at dusk."""
    sky_top, sky_bottom, sea, cliff, town = colours
    image = _gradient(sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)
    sea_top = HEIGHT * 0.70
    draw.rectangle((0, sea_top, WIDTH, HEIGHT), fill=sea)
    edge = [
        (x, sea_top - 120 - 40 * math.sin(x / 160 + seed)) for x in range(0, 760, 20)
    ]
    draw.polygon([*edge, (820, HEIGHT), (0, HEIGHT)], fill=cliff)
    for i, (x, y) in enumerate(edge[:-2]):
        height = 30 + (i * 37 + seed * 11) % 90
        draw.rectangle((x, y - height, x + 16, y + 4), fill=town)
    return image


PAINTERS = {
    "hills": paint_hills,
    "lake": paint_lake,
    "river": paint_river,
    "weave": paint_weave,
    "terraces": paint_terraces,
    "coast": paint_coast,
}


def render(spec):
    """The JPEG bytes of the picture described by ``spec``."""
    image = PAINTERS[spec.painter](spec.colours, spec.seed)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


IMAGES = [
    ImageSpec(
        key="cajamarca-valley",
        title="Green valley below the jalca (illustration)",
        description=(
            "Illustration: layers of green hills under a pale morning sky, "
            "with a low sun over the ridges."
        ),
        painter="hills",
        colours=_colours("sky", "sand", "straw", "moss", "andes", "forest", "night"),
        seed=1,
    ),
    ImageSpec(
        key="altiplano-lake",
        title="Lake shore on the altiplano (illustration)",
        description=(
            "Illustration: purple and green hills above a wide blue lake, with "
            "streaks of light on the water and a sandy shore in the foreground."
        ),
        painter="lake",
        colours=_colours("sky", "sand", "sand", "dusk", "andes", "lake", "ochre"),
        seed=3,
    ),
    ImageSpec(
        key="amazon-river",
        title="River bend in the lowland forest (illustration)",
        description=(
            "Illustration: a brown river winding between dark green forested "
            "banks under a hazy sky."
        ),
        painter="river",
        colours=_colours("sky", "sand", "sand", "andes", "forest", "ochre"),
        seed=2,
    ),
    ImageSpec(
        key="andean-weaving",
        title="Woven band in red, ochre and green (illustration)",
        description=(
            "Illustration: a pattern like an Andean textile, with stripes, "
            "rows of diamonds and zigzags in red, ochre, green and dark blue."
        ),
        painter="weave",
        colours=_colours("wash", "red", "ochre", "andes", "night", "terracotta"),
        seed=0,
    ),
    ImageSpec(
        key="terraced-hillside",
        title="Terraced hillside (illustration)",
        description=(
            "Illustration: a steep hillside cut into narrow farming terraces "
            "in alternating greens and straw yellow."
        ),
        painter="terraces",
        colours=_colours("sky", "sand", "moss", "andes", "straw"),
        seed=4,
    ),
    ImageSpec(
        key="coast-at-dusk",
        title="City on the cliffs at dusk (illustration)",
        description=(
            "Illustration: a row of buildings along sea cliffs, dark against "
            "a purple and orange evening sky above a calm sea."
        ),
        painter="coast",
        colours=_colours("dusk", "ochre", "lake", "wine", "night"),
        seed=2,
    ),
]
