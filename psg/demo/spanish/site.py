"""The Spanish site's frame: the home page and sections, the menu, footer
links and sidebar, the tagline, the pictures' alt text, the series, the
authors and the regions' and topics' descriptions."""

from ..spec import TranslationSpec

# The home page's and the sections' texts (their Spanish titles and slugs are
# psg.home.spanish's).
TREE_STRINGS = {
    (
        "The Peru Support Group works with Peruvian organisations and their "
        "friends in Britain and Europe for human rights, social inclusion and "
        "democracy in Peru. Follow our news and letters from the regions, read "
        "our reports and briefings in English and Spanish, and join us at our "
        "events."
    ): (
        "El Peru Support Group trabaja con organizaciones peruanas y con sus "
        "amigos en Gran Bretaña y Europa por los derechos humanos, la inclusión "
        "social y la democracia en el Perú. Siga nuestras noticias y las cartas "
        "desde las regiones, lea nuestros informes y notas informativas en "
        "inglés y en castellano, y acompáñenos en nuestros eventos."
    ),
    (
        "News, analysis and letters from Peru's regions: mining and water, "
        "indigenous rights and prior consultation, political reform, justice "
        "and memory."
    ): (
        "Noticias, análisis y cartas desde las regiones del Perú: minería y "
        "agua, derechos indígenas y consulta previa, reforma política, justicia "
        "y memoria."
    ),
    (
        "Reports, briefings, case studies and submissions by the Peru Support "
        "Group and its partners, most of them in English and Spanish."
    ): (
        "Informes, notas informativas, estudios de caso y presentaciones ante "
        "organismos internacionales del Peru Support Group y de sus "
        "organizaciones aliadas, la mayoría en inglés y en castellano."
    ),
    (
        "Talks, launches and meetings in London and online, organised by the "
        "Peru Support Group and its partners."
    ): (
        "Charlas, presentaciones y reuniones en Londres y en línea, organizadas "
        "por el Peru Support Group y sus organizaciones aliadas."
    ),
    (
        "Follow a region across twenty years of news, reports and events: the "
        "map shows how much each of Peru's 26 regions has had in the last year."
    ): (
        "Siga una región a lo largo de veinte años de noticias, informes y "
        "eventos: el mapa muestra cuánto ha tenido cada una de las 26 regiones "
        "del Perú en el último año."
    ),
    (
        "Follow a theme across the archive: mining and water, indigenous "
        "rights, forced sterilisations, justice and memory."
    ): (
        "Siga un tema a lo largo del archivo: minería y agua, derechos "
        "indígenas, esterilizaciones forzadas, justicia y memoria."
    ),
}

TAGLINE = "Derechos humanos, inclusión social y democracia en el Perú"

# (label, page key, URL): the keys name the English pages, whose Spanish
# versions the rows link to.
MENU = [
    ("Noticias", "news", ""),
    ("Publicaciones", "publications", ""),
    ("Eventos", "events", ""),
    ("Regiones", "regions", ""),
    ("Temas", "topics", ""),
    ("Quiénes somos", "about", ""),
    ("Afíliese", "", "/es/join/"),
]

FOOTER_LINKS = [
    ("Privacidad", "privacy", ""),
    ("Contacto", "contact", ""),
    ("Quiénes somos", "about", ""),
]

AIMS_TEXT = (
    "El Peru Support Group existe para promover la inclusión social, el "
    "desarrollo sostenible y el respeto de los derechos humanos en el Perú. Con "
    "ese fin, el PSG señala en sus investigaciones, su labor de incidencia y sus "
    "publicaciones los incumplimientos de las normas establecidas, sean "
    "internacionales o nacionales. Al hacerlo, pone de relieve las relaciones "
    "que existen dentro del sistema político, el funcionamiento de las "
    "instituciones y la eficacia de las políticas que buscan reducir la pobreza "
    "y la desigualdad en el marco del desarrollo sostenible."
)
HISTORY_TEXT = (
    "En el último siglo el Perú ha sufrido una serie de gobiernos autocráticos "
    "y un conflicto armado interno en el que murieron cerca de 70 000 personas. "
    "Muchos de los problemas políticos y sociales que el país arrastra son "
    "herencia de un pasado bastante turbulento."
)
HUMAN_RIGHTS_TEXT = (
    "Las violaciones de los derechos humanos fueron generalizadas durante los "
    "veinte años que siguieron al inicio del conflicto armado en 1980. Desde el "
    "fin de la guerra, los esfuerzos por condenar a los responsables solo han "
    "avanzado de manera limitada. Hoy preocupa el trato que reciben quienes "
    "participan en la protesta social, en particular contra proyectos de "
    "inversión considerados estratégicos."
)
WHY_JOIN_TEXT = (
    "- Manténgase al día con las últimas noticias y novedades del Perú\n"
    "- Conozca los grandes temas de pobreza, desarrollo y derechos humanos en "
    "el Perú\n"
    "- Apoye el trabajo del Peru Support Group"
)

# (title, text, link label, page key, URL), in the order of the sidebar.
PROMOS = [
    ("Objetivos del PSG", AIMS_TEXT, "Leer más", "aims", ""),
    ("Reseña histórica", HISTORY_TEXT, "Leer más", "historical-overview", ""),
    ("Derechos humanos", HUMAN_RIGHTS_TEXT, "Leer más", "human-rights", ""),
    ("¿Por qué unirse al PSG?", WHY_JOIN_TEXT, "Hágase miembro", "", "/es/join/"),
]

# The descriptions of the demo pictures the Spanish pages show: their alt
# text wherever a page shows them.
ALT_TEXTS = {
    (
        "Illustration: layers of green hills under a pale morning sky, with a "
        "low sun over the ridges."
    ): (
        "Ilustración: capas de cerros verdes bajo un pálido cielo de mañana, "
        "con el sol bajo sobre las cumbres."
    ),
    (
        "Illustration: purple and green hills above a wide blue lake, with "
        "streaks of light on the water and a sandy shore in the foreground."
    ): (
        "Ilustración: cerros morados y verdes sobre un amplio lago azul, con "
        "destellos de luz en el agua y una orilla arenosa en primer plano."
    ),
    (
        "Illustration: a brown river winding between dark green forested "
        "banks under a hazy sky."
    ): (
        "Ilustración: un río marrón que serpentea entre orillas de bosque verde "
        "oscuro bajo un cielo brumoso."
    ),
    (
        "Illustration: a pattern like an Andean textile, with stripes, rows of "
        "diamonds and zigzags in red, ochre, green and dark blue."
    ): (
        "Ilustración: un diseño como el de un tejido andino, con franjas, "
        "hileras de rombos y zigzags en rojo, ocre, verde y azul oscuro."
    ),
}

SERIES = [
    TranslationSpec(
        "letter-from-cajamarca",
        {
            "Letter from Cajamarca": "Carta desde Cajamarca",
            "letter-from-cajamarca": "carta-desde-cajamarca",
            (
                "Notes from the northern highlands, where mining, water and "
                "the rondas campesinas shape everyday politics."
            ): (
                "Apuntes desde la sierra norte, donde la minería, el agua y las "
                "rondas campesinas marcan la política de todos los días."
            ),
        },
    ),
    TranslationSpec(
        "letter-from-puno",
        {
            "Letter from Puno": "Carta desde Puno",
            "letter-from-puno": "carta-desde-puno",
            (
                "Reports from the altiplano and the shores of Lake Titicaca, "
                "by our correspondent in Puno."
            ): (
                "Crónicas del altiplano y de las orillas del lago Titicaca, de "
                "nuestro corresponsal en Puno."
            ),
        },
    ),
    TranslationSpec(
        "madre-de-dios-diary",
        {
            "Madre de Dios Diary": "Diario de Madre de Dios",
            "madre-de-dios-diary": "diario-de-madre-de-dios",
            (
                "A diary from Peru's Amazonian frontier: gold, forests and the "
                "territories of its indigenous peoples."
            ): (
                "Un diario desde la frontera amazónica del Perú: el oro, los "
                "bosques y los territorios de sus pueblos indígenas."
            ),
        },
    ),
]

# Keyed by the author's name, which stays as it is.
AUTHORS = [
    TranslationSpec(
        "Clare Whitfield",
        {
            "Clare Whitfield": "Clare Whitfield",
            "Editor, PSG Update": "Editora de PSG Update",
            (
                "Clare Whitfield edits the PSG's news bulletin. She lived in "
                "Cajamarca in the 1990s and has followed Peruvian politics since."
            ): (
                "Clare Whitfield edita el boletín de noticias del PSG. Vivió en "
                "Cajamarca en los años noventa y desde entonces sigue la "
                "política peruana."
            ),
        },
    ),
    TranslationSpec(
        "Jorge Quispe Mamani",
        {
            "Jorge Quispe Mamani": "Jorge Quispe Mamani",
            "Correspondent in Puno": "Corresponsal en Puno",
            (
                "Jorge Quispe Mamani is a journalist in Puno who writes about "
                "the altiplano's communities, their lake and their politics."
            ): (
                "Jorge Quispe Mamani es periodista en Puno y escribe sobre las "
                "comunidades del altiplano, su lago y su política."
            ),
        },
    ),
    TranslationSpec(
        "Ana Lucía Torres",
        {
            "Ana Lucía Torres": "Ana Lucía Torres",
            "Correspondent in Madre de Dios": "Corresponsal en Madre de Dios",
            (
                "Ana Lucía Torres works with indigenous organisations in Puerto "
                "Maldonado on land titling and forest protection."
            ): (
                "Ana Lucía Torres trabaja con organizaciones indígenas de Puerto "
                "Maldonado en la titulación de tierras y la protección de los "
                "bosques."
            ),
        },
    ),
]

# The Spanish regions' and topics' descriptions, keyed as terms.DESCRIPTIONS
# (by the English term's slug); filled only while empty.
DESCRIPTIONS = {
    ("taxonomy.Region", "cajamarca"): (
        "Región de la sierra norte, donde está la mina de oro Yanacocha y donde "
        "se libró la larga disputa por el proyecto Conga, en la que las rondas "
        "campesinas defendieron sus lagunas y sus fuentes de agua."
    ),
    ("taxonomy.Region", "madre-de-dios"): (
        "Selva amazónica en la frontera con Brasil y Bolivia, donde la minería "
        "de oro informal e ilegal ha talado el bosque, envenenado los ríos con "
        "mercurio y amenazado a pueblos indígenas en aislamiento."
    ),
    ("taxonomy.Region", "cusco"): (
        "La región de la sierra sur en torno a la antigua capital inca. Su "
        "provincia de Espinar convive con las minas de cobre de Tintaya y "
        "Antapaccay, y con la larga lucha de sus comunidades por el agua y la "
        "salud."
    ),
    ("taxonomy.Region", "puno"): (
        "El altiplano en torno al lago Titicaca, con comunidades aimaras y "
        "quechuas, conflictos mineros por las aguas del lago y las protestas "
        "de 2022–23."
    ),
    ("taxonomy.Topic", "mining"): (
        "La principal exportación del Perú y su fuente más frecuente de "
        "conflicto social: las grandes minas de cobre y oro, la minería informal "
        "e ilegal, y las comunidades que viven a su lado."
    ),
    ("taxonomy.Topic", "water"): (
        "Quién tiene el agua, quién la contamina y quién decide: los glaciares, "
        "lagunas y ríos de la sierra, lo que la minería les exige y un clima "
        "que cambia."
    ),
    ("taxonomy.Topic", "forced-sterilisations"): (
        "Unas 270 000 mujeres, en su mayoría pobres, indígenas y quechuahablantes, "
        "fueron esterilizadas en el marco del programa de planificación familiar "
        "del gobierno de Fujimori en los años noventa, muchas sin su "
        "consentimiento. Su búsqueda de justicia y reparación continúa."
    ),
}
