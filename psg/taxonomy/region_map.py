"""A tile map of Peru: one equal square per regional government.

A grid cartogram rather than real borders, so that Callao and Lima Province
are as easy to find and to tap as Loreto. The squares sit roughly where the
regions are: the coast runs down the left from Tumbes to Tacna, the Amazon
regions down the right from Loreto to Madre de Dios, Lima Province between
Callao and the Lima region. Drawn here from this table; no map data, tiles or
scripts come from anywhere else.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# Region slug -> (code, column, row). The codes are the ISO 3166-2:PE ones
# without the "PE-" (LIM is the Lima region, LMA Lima Province).
TILES = {
    "tumbes": ("TUM", 0, 0),
    "piura": ("PIU", 0, 1),
    "cajamarca": ("CAJ", 1, 1),
    "amazonas": ("AMA", 2, 1),
    "san-martin": ("SAM", 3, 1),
    "loreto": ("LOR", 4, 1),
    "lambayeque": ("LAM", 0, 2),
    "la-libertad": ("LAL", 1, 2),
    "ancash": ("ANC", 2, 2),
    "huanuco": ("HUC", 3, 2),
    "ucayali": ("UCA", 4, 2),
    "lima-region": ("LIM", 2, 3),
    "pasco": ("PAS", 3, 3),
    "junin": ("JUN", 4, 3),
    "madre-de-dios": ("MDD", 5, 3),
    "callao": ("CAL", 1, 4),
    "lima-province": ("LMA", 2, 4),
    "huancavelica": ("HUV", 3, 4),
    "ayacucho": ("AYA", 4, 4),
    "cusco": ("CUS", 5, 4),
    "ica": ("ICA", 2, 5),
    "arequipa": ("ARE", 3, 5),
    "apurimac": ("APU", 4, 5),
    "puno": ("PUN", 5, 5),
    "moquegua": ("MOQ", 3, 6),
    "tacna": ("TAC", 4, 6),
}

TILE = 60  # side of a square, in SVG units
GAP = 4
COLUMNS = 1 + max(column for _, column, _ in TILES.values())
ROWS = 1 + max(row for _, _, row in TILES.values())

# Fill and text colour per shade, lightest (no items) to darkest. Text is
# at least 5:1 against its fill; every square also has a dark outline.
SHADES = [
    ("#f6f3ef", "#1d1f24"),
    ("#f5d5cf", "#1d1f24"),
    ("#e49a8d", "#1d1f24"),
    ("#c2453b", "#ffffff"),
    ("#8a1a1d", "#ffffff"),
]

CREDIT = _(
    "Tile map drawn by the Peru Support Group: one square per regional "
    "government, placed roughly as on a map of Peru; square sizes are not "
    "areas. No outside map data is used."
)


@dataclass
class Shade:
    """One step of the legend: the counts it covers and its colours."""

    level: int
    low: int
    high: int | None  # None: and over
    fill: str
    text: str

    @property
    def label(self):
        if self.high is None:
            return f"{self.low}+"
        if self.low == self.high:
            return str(self.low)
        return f"{self.low}–{self.high}"


def shades_for(highest):
    """The legend for counts up to ``highest``: 0, then up to four even steps."""
    shades = [Shade(0, 0, 0, *SHADES[0])]
    if highest <= 0:
        return shades
    step = max(1, math.ceil(highest / (len(SHADES) - 1)))
    low = 1
    level = 1
    while low <= highest and level < len(SHADES):
        high = highest if level == len(SHADES) - 1 else min(low + step - 1, highest)
        shades.append(Shade(level, low, high, *SHADES[level]))
        low = high + 1
        level += 1
    return shades


def shade_of(count, shades):
    for shade in shades:
        if shade.low <= count and (shade.high is None or count <= shade.high):
            return shade
    return shades[-1]


def items_label(count):
    return ngettext("%(count)d item", "%(count)d items", count) % {"count": count}


@dataclass
class Tile:
    slug: str
    name: str
    name_es: str
    code: str
    count: int
    url: str
    x: int
    y: int
    shade: Shade

    @property
    def label(self):
        """The shape's accessible name: "Cajamarca, CAJ: 12 items".

        It holds the code written on the square, so that a reader who sees
        "CAJ" can name the link by it (speech control, WCAG 2.5.3).
        """
        return f"{self.name}, {self.code}: {items_label(self.count)}"

    @property
    def centre_x(self):
        return self.x + TILE // 2


def build_map(rows, url_for, index_url=""):
    """The tiles, legend and size of the map for ``rows`` of region counts.

    ``rows`` are dicts with slug, name, name_es and count (see
    ``activity.region_activity``); ``url_for(slug)`` gives a region's page,
    ``index_url`` the regions' index (for a link from a small map).
    Regions without a place on the grid (one an editor added) are left off
    the map but stay in the table.
    """
    highest = max((row["count"] for row in rows), default=0)
    shades = shades_for(highest)
    tiles = []
    for row in rows:
        if row["slug"] not in TILES:
            continue
        code, column, line = TILES[row["slug"]]
        tiles.append(
            Tile(
                slug=row["slug"],
                name=row["name"],
                name_es=row["name_es"],
                code=code,
                count=row["count"],
                url=url_for(row["slug"]),
                x=GAP + column * (TILE + GAP),
                y=GAP + line * (TILE + GAP),
                shade=shade_of(row["count"], shades),
            )
        )
    return {
        "tiles": tiles,
        "rows": [
            {
                **row,
                "url": url_for(row["slug"]),
                "count_label": items_label(row["count"]),
            }
            for row in rows
        ],
        "shades": shades,
        "width": GAP + COLUMNS * (TILE + GAP),
        "height": GAP + ROWS * (TILE + GAP),
        "tile": TILE,
        "credit": CREDIT,
        "index_url": index_url,
    }
