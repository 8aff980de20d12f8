"""Demo events: one past, two to come, dated from the day of the first load.

The venue and the web addresses are invented (the addresses on example.org).
"""

import datetime

from .spec import EventSpec, Heading, Paragraphs

LONDON_VENUE = "Tavistock Meeting Rooms"
LONDON_ADDRESS = "12 Woburn Walk\nLondon\nWC1H 0JL"

EVENTS = [
    EventSpec(
        slug="water-and-mining-in-the-southern-andes-launch",
        title="Launch: water and mining in the southern Andes",
        days_from_now=-40,
        start_time=datetime.time(18, 30),
        duration=datetime.timedelta(hours=1, minutes=30),
        time_zone="Europe/London",
        venue=LONDON_VENUE,
        address=LONDON_ADDRESS,
        organisers="Peru Support Group",
        regions=("apurimac", "cusco", "puno"),
        topics=("water", "mining", "climate-change"),
        summary=(
            "The launch of our briefing on water and mining in the southern "
            "Andes, with a talk by a hydrologist who has worked with farming "
            "communities in Apurímac, and questions from the floor."
        ),
        body=[
            Paragraphs(
                "As the glaciers of the southern Andes shrink, mines, farms and "
                "cities compete for less water. Our speaker described how "
                "communities in Apurímac are measuring their springs and rivers "
                "themselves, so as to negotiate with the mines on equal terms.",
                "The evening ended with a discussion of what British companies "
                "and investors can do, and with Peruvian food from a local "
                "cooperative.",
            ),
        ],
    ),
    EventSpec(
        slug="prior-consultation-a-panel-with-community-leaders",
        title="Prior consultation: a panel with community leaders",
        days_from_now=21,
        start_time=datetime.time(18, 30),
        duration=datetime.timedelta(hours=2),
        time_zone="Europe/London",
        venue=LONDON_VENUE,
        address=LONDON_ADDRESS,
        organisers="Peru Support Group",
        registration_url="https://tickets.example.org/psg/prior-consultation-panel",
        regions=("puno", "loreto"),
        topics=("indigenous-rights", "mining"),
        summary=(
            "Community leaders from Puno and Loreto, visiting London, talk "
            "about their experience of prior consultation and what they want "
            "from companies and governments. In Spanish with interpretation."
        ),
        body=[
            Paragraphs(
                "Two community leaders, an Aymara from the altiplano of Puno and "
                "a Kukama from the Marañón in Loreto, are visiting Europe to "
                "speak to parliamentarians, investors and the public about "
                "prior consultation.",
            ),
            Heading("Programme"),
            Paragraphs(
                "18:30 Doors open. 18:45 Welcome by the PSG's chair. 18:50 The "
                "speakers, followed by questions. 20:15 Refreshments.",
                "Entry is free, but places are limited: please register. The "
                "venue is step-free, with a hearing loop.",
            ),
        ],
    ),
    EventSpec(
        slug="webinar-forced-sterilisations-the-long-road-to-justice",
        title="Webinar: forced sterilisations, the long road to justice",
        days_from_now=45,
        start_time=datetime.time(18, 0),
        duration=datetime.timedelta(hours=1, minutes=30),
        time_zone="America/Lima",
        online_url="https://meet.example.org/psg-forced-sterilisations",
        organisers="Peru Support Group with women's organisations of Cusco",
        regions=("cusco", "piura"),
        topics=("forced-sterilisations", "gender", "justice-and-memory"),
        summary=(
            "An online conversation with women who have campaigned for justice "
            "since the 1990s, their lawyers and a UN human rights expert. In "
            "Spanish and English, timed for audiences in Peru and Europe."
        ),
        body=[
            Paragraphs(
                "More than 270,000 women were sterilised in Peru between 1996 "
                "and 2000, many without their consent. A quarter of a century "
                "later, the criminal case is still in the courts and reparations "
                "have not arrived.",
                "The webinar will hear from members of the women's associations "
                "of Cusco, from the lawyers who represent them, and from an "
                "expert on the UN bodies that have asked Peru to act.",
            ),
            Heading("How to join"),
            Paragraphs(
                "The link opens a video meeting in your browser; no software is "
                "needed. Times are Lima time: the webinar starts at 18:00 in "
                "Lima, which is late evening in the UK.",
            ),
        ],
    ),
]
