"""Descriptions for a few regions and topics, shown on their pages.

Keyed by (model label, slug); the loader fills a description only while it is
empty, so an editor's own text is never replaced.
"""

DESCRIPTIONS = {
    ("taxonomy.Region", "cajamarca"): (
        "A highland region in the north, home to the Yanacocha gold mine and to "
        "the long dispute over the Conga project, where the rondas campesinas "
        "have defended their lakes and water sources."
    ),
    ("taxonomy.Region", "madre-de-dios"): (
        "Amazon rainforest on the border with Brazil and Bolivia, where "
        "informal and illegal gold mining has cleared forest, poisoned rivers "
        "with mercury and threatened indigenous peoples in isolation."
    ),
    ("taxonomy.Region", "cusco"): (
        "The southern highland region around the old Inca capital. Its "
        "province of Espinar lives with the Tintaya and Antapaccay copper mines "
        "and with the communities' long fight over water and health."
    ),
    ("taxonomy.Region", "puno"): (
        "The high plateau around Lake Titicaca, with Aymara and Quechua "
        "communities, mining conflicts over the lake's waters, and the "
        "protests of 2022–23."
    ),
    ("taxonomy.Topic", "mining"): (
        "Peru's largest export and its most frequent source of social "
        "conflict: large copper and gold mines, informal and illegal mining, "
        "and the communities that live beside them."
    ),
    ("taxonomy.Topic", "water"): (
        "Who has water, who pollutes it and who decides: glaciers, lakes and "
        "rivers in the highlands, mining's demands on them, and a changing "
        "climate."
    ),
    ("taxonomy.Topic", "forced-sterilisations"): (
        "Around 270,000 women, most of them poor, indigenous and "
        "Quechua-speaking, were sterilised under the Fujimori government's "
        "family planning programme in the 1990s, many without consent. Their "
        "search for justice and reparation goes on."
    ),
}
