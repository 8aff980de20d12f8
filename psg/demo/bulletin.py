"""The demo's bulletin: the Update, a few fictional subscribers in each
language, and a draft of the Update's next number in English and Spanish.

The names and addresses are invented; the addresses are on example.org and
example.com, domains reserved for examples, so no mail reaches anyone.
"""

from psg.members.languages import Language

from .spec import EditionSpec, SubscriberSpec

# The series' fields as the migrations make it (psg/bulletin/migrations/0002,
# 0005), for a site where it has been deleted since.
SERIES = {
    "slug": "update",
    "name": "Update",
    "description": "The PSG's numbered Update, from the 1990s.",
    "is_open": True,
}

SUBSCRIBERS = [
    SubscriberSpec("helen.marsh@example.org", "Helen Marsh", Language.ENGLISH, 400),
    SubscriberSpec(
        "peter.caldwell@example.com", "Peter Caldwell", Language.ENGLISH, 250
    ),
    SubscriberSpec("aisha.rahman@example.org", "Aisha Rahman", Language.ENGLISH, 90),
    SubscriberSpec(
        "owen.pritchard@example.com", "Owen Pritchard", Language.ENGLISH, 20
    ),
    SubscriberSpec(
        "rosa.huaman@example.org", "Rosa Huamán Ccori", Language.SPANISH, 300
    ),
    SubscriberSpec(
        "martin.salazar@example.com", "Martín Salazar Ríos", Language.SPANISH, 120
    ),
    SubscriberSpec(
        "carmen.apaza@example.org", "Carmen Apaza Condori", Language.SPANISH, 45
    ),
]

EDITION = EditionSpec(
    introduction=(
        "This Update opens with our editorial on the protection of human rights "
        "defenders, whose work across Peru has rarely been more needed or more "
        "dangerous.",
        "Also in this number: a diary from Madre de Dios on what the river "
        "carries, the search for the disappeared in Ayacucho, and a letter from "
        "Puno on a lake in trouble. As ever, we welcome your news and comments.",
    ),
    spanish_introduction=(
        "Este Update abre con nuestro editorial sobre la protección de los "
        "defensores de derechos humanos, cuyo trabajo en todo el Perú pocas "
        "veces ha sido tan necesario ni tan peligroso.",
        "También en este número: un diario desde Madre de Dios sobre lo que "
        "arrastra el río, la búsqueda de los desaparecidos en Ayacucho y una "
        "carta desde Puno sobre un lago en peligro. Como siempre, sus noticias "
        "y comentarios son bienvenidos.",
    ),
    items=(
        "editorial-protect-those-who-defend-the-land",
        "madre-de-dios-diary-what-the-river-carries",
        "ayacucho-the-search-for-the-disappeared-goes-on",
        "letter-from-puno-a-lake-in-trouble",
    ),
)
