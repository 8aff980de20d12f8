"""The Spanish of the two events to come (psg/demo/events.py)."""

from ..spec import TranslationSpec

# The venue's name and address, as the Spanish pages give them.
VENUE = {
    "Tavistock Meeting Rooms": "Tavistock Meeting Rooms",
    "12 Woburn Walk\nLondon\nWC1H 0JL": "12 Woburn Walk\nLondres\nWC1H 0JL",
}

EVENTS = [
    TranslationSpec(
        "prior-consultation-a-panel-with-community-leaders",
        {
            **VENUE,
            "Prior consultation: a panel with community leaders": (
                "Consulta previa: un conversatorio con dirigentes comunales"
            ),
            "prior-consultation-a-panel-with-community-leaders": (
                "consulta-previa-conversatorio-con-dirigentes-comunales"
            ),
            "Peru Support Group": "Peru Support Group",
            (
                "Community leaders from Puno and Loreto, visiting London, talk "
                "about their experience of prior consultation and what they "
                "want from companies and governments. In Spanish with "
                "interpretation."
            ): (
                "Dirigentes comunales de Puno y Loreto, de visita en Londres, "
                "hablan de su experiencia con la consulta previa y de lo que "
                "esperan de las empresas y los gobiernos. En castellano, con "
                "interpretación."
            ),
            (
                "Two community leaders, an Aymara from the altiplano of Puno "
                "and a Kukama from the Marañón in Loreto, are visiting Europe "
                "to speak to parliamentarians, investors and the public about "
                "prior consultation."
            ): (
                "Dos dirigentes comunales, uno aimara del altiplano de Puno y "
                "otro kukama del río Marañón, en Loreto, recorren Europa para "
                "hablar de la consulta previa con parlamentarios, "
                "inversionistas y el público."
            ),
            "Programme": "Programa",
            (
                "18:30 Doors open. 18:45 Welcome by the PSG's chair. 18:50 The "
                "speakers, followed by questions. 20:15 Refreshments."
            ): (
                "18:30 Apertura de puertas. 18:45 Bienvenida a cargo de la "
                "presidencia del PSG. 18:50 Exposiciones, seguidas de "
                "preguntas. 20:15 Refrigerio."
            ),
            (
                "Entry is free, but places are limited: please register. The "
                "venue is step-free, with a hearing loop."
            ): (
                "La entrada es libre, pero el aforo es limitado: inscríbase, "
                "por favor. El local no tiene escalones y cuenta con un bucle "
                "magnético para audífonos."
            ),
        },
    ),
    TranslationSpec(
        "webinar-forced-sterilisations-the-long-road-to-justice",
        {
            "Webinar: forced sterilisations, the long road to justice": (
                "Webinar: esterilizaciones forzadas, el largo camino hacia la justicia"
            ),
            "webinar-forced-sterilisations-the-long-road-to-justice": (
                "webinar-esterilizaciones-forzadas-el-largo-camino-hacia-la-justicia"
            ),
            "Peru Support Group with women's organisations of Cusco": (
                "Peru Support Group con organizaciones de mujeres del Cusco"
            ),
            (
                "An online conversation with women who have campaigned for "
                "justice since the 1990s, their lawyers and a UN human rights "
                "expert. In Spanish and English, timed for audiences in Peru "
                "and Europe."
            ): (
                "Una conversación en línea con mujeres que reclaman justicia "
                "desde los años noventa, sus abogados y un experto en derechos "
                "humanos de la ONU. En castellano e inglés, en un horario "
                "pensado para el público del Perú y de Europa."
            ),
            (
                "More than 270,000 women were sterilised in Peru between 1996 "
                "and 2000, many without their consent. A quarter of a century "
                "later, the criminal case is still in the courts and "
                "reparations have not arrived."
            ): (
                "Más de 270 000 mujeres fueron esterilizadas en el Perú entre "
                "1996 y 2000, muchas sin su consentimiento. Un cuarto de siglo "
                "después, el proceso penal sigue en los tribunales y las "
                "reparaciones no han llegado."
            ),
            (
                "The webinar will hear from members of the women's associations "
                "of Cusco, from the lawyers who represent them, and from an "
                "expert on the UN bodies that have asked Peru to act."
            ): (
                "En el webinar escucharemos a integrantes de las asociaciones "
                "de mujeres del Cusco, a los abogados que las representan y a "
                "un experto en los órganos de la ONU que han pedido al Perú que "
                "actúe."
            ),
            "How to join": "Cómo participar",
            (
                "The link opens a video meeting in your browser; no software is "
                "needed. Times are Lima time: the webinar starts at 18:00 in "
                "Lima, which is late evening in the UK."
            ): (
                "El enlace abre una videoconferencia en su navegador; no hace "
                "falta instalar nada. Los horarios son los de Lima: el webinar "
                "empieza a las 18:00 en Lima, ya entrada la noche en el Reino "
                "Unido."
            ),
        },
    ),
]
