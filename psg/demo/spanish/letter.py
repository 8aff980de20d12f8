"""A letter published in Spanish only, in the Letter from Puno series.

Written for the demo in the manner of the PSG's bulletin; the people quoted
are invented. Its regions, topics, series and author are the Spanish
versions of the English ones named here; it relates to the Spanish version
of the English letter named in ``related``.
"""

from ..news import JORGE
from ..spec import Heading, NewsSpec, Paragraphs, Picture, Quote

LETTER = NewsSpec(
    slug="carta-desde-puno-en-coata-el-agua-llega-en-cisterna",
    title="Carta desde Puno: en Coata, el agua llega en cisterna",
    days_ago=20,
    kind="letter",
    series="letter-from-puno",
    authors=(JORGE,),
    regions=("puno",),
    topics=("water", "environment"),
    related=("letter-from-puno-a-lake-in-trouble",),
    teaser=(
        "Río abajo de Juliaca, las familias de Coata ya no pueden beber ni "
        "regar con el agua de su río. Mientras esperan una planta de "
        "tratamiento que no termina de llegar, el agua potable les llega en "
        "camión cisterna, cuando llega."
    ),
    body=[
        Paragraphs(
            "A orillas del río Coata, a media hora de Juliaca, doña Felícitas "
            "enjuaga sus ollas con el agua de un bidón amarillo. El río pasa a "
            "veinte metros de su casa, pero hace años que en su comunidad nadie "
            "lo usa para beber, para cocinar ni para dar de beber al ganado. El "
            "agua baja oscura y con un olor que, según dice, «se mete en la "
            "ropa».",
            "Las aguas servidas de Juliaca, una ciudad de cerca de trescientos "
            "mil habitantes, llegan al río casi sin tratar. Más arriba, en las "
            "cabeceras, los relaves de la minería informal añaden lo suyo. Todo "
            "termina en la bahía interior del lago Titicaca.",
        ),
        Heading("Agua en cisterna"),
        Paragraphs(
            "Desde que se declaró la emergencia sanitaria en la cuenca, la "
            "municipalidad reparte agua en camiones cisterna dos veces por "
            "semana. Las familias la guardan en bidones y tanques, y la estiran "
            "como pueden. Cuando el camión se malogra o la trocha se inunda, "
            "vuelven al río.",
        ),
        Quote(
            "Nos dicen que no tomemos el agua del río. ¿Y qué tomamos cuando no "
            "viene la cisterna?",
            "Una dirigenta de una comunidad de Coata",
        ),
        Picture(
            "altiplano-lake",
            caption="La orilla del Titicaca, donde desemboca el río Coata.",
            alt_text=(
                "Ilustración: cerros morados y verdes sobre un amplio lago "
                "azul, con destellos de luz en el agua y una orilla arenosa en "
                "primer plano."
            ),
        ),
        Heading("Las mujeres toman la palabra"),
        Paragraphs(
            "Son sobre todo las mujeres quienes han organizado el reclamo. "
            "Llevan botellas con muestras del río a las reuniones con las "
            "autoridades, anotan los días sin cisterna y han aprendido a leer "
            "los informes de la Autoridad Nacional del Agua. El mes pasado "
            "viajaron a Lima para pedir que la planta de tratamiento de Juliaca "
            "deje de ser una promesa.",
        ),
        Heading("Lo que piden"),
        Paragraphs(
            "Las comunidades piden tres cosas: la planta de tratamiento, un "
            "sistema de agua potable que no dependa del camión y un estudio "
            "independiente de la salud de quienes han vivido años junto al "
            "río. Las dos primeras figuran en los planes del gobierno regional "
            "desde hace más de una década.",
        ),
    ],
)
