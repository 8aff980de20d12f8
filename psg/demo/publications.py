"""Demo publications, each with the text of its English and Spanish PDFs.

Written for the demo; the research network named as a publisher is invented.
"""

from .spec import DocumentText, PublicationSpec

# The publication the home page features (not the newest, which it would show
# anyway).
FEATURED = "water-and-mining-in-the-southern-andes"

PUBLICATIONS = [
    PublicationSpec(
        slug="prior-consultation-in-practice",
        title="Prior consultation in practice: lessons from the Andes and the Amazon",
        days_ago=700,
        kind="report",
        cover="terraced-hillside",
        regions=("puno", "loreto", "cusco"),
        topics=("indigenous-rights", "mining"),
        summary=(
            "More than a decade after Peru passed its law on prior consultation, "
            "this report looks at how consultation has worked for Andean and "
            "Amazonian peoples: what it has achieved, where it has fallen short "
            "and what would make it a real voice for the communities concerned."
        ),
        description=(
            "Drawing on interviews with community leaders, officials and "
            "lawyers in Puno, Loreto and Cusco, the report finds that "
            "consultation is too often held after the decisions that matter, "
            "on terms set by the ministries, and without the information "
            "communities need.",
            "It makes recommendations to the Peruvian state, to companies and "
            "to the governments of countries, the United Kingdom among them, "
            "whose companies invest in Peru.",
        ),
        documents=(
            DocumentText(
                language="en",
                title="Prior consultation in practice",
                subtitle="Lessons from the Andes and the Amazon. A report by the "
                "Peru Support Group.",
                sections=(
                    (
                        "Introduction",
                        (
                            "In 2011 Peru became one of the first countries in "
                            "Latin America to pass a law on the right of "
                            "indigenous peoples to prior consultation, as "
                            "required by ILO Convention 169. The law was "
                            "welcomed as a step towards ending the conflicts "
                            "over land and resources that had cost lives in "
                            "Bagua two years before.",
                            "This report asks what the law has meant in "
                            "practice for the peoples it was meant to protect.",
                        ),
                    ),
                    (
                        "Findings",
                        (
                            "Consultation has taken place, but mostly on the "
                            "state's terms. Mining concessions are still granted "
                            "without consultation, on the argument that a "
                            "concession affects nobody until a project is "
                            "approved. Communities receive technical documents "
                            "late, in Spanish only, and with little time to "
                            "consider them.",
                            "Where communities have had independent advice and "
                            "time to organise, consultation has produced real "
                            "agreements, including on the protection of water "
                            "sources and on the sharing of benefits.",
                        ),
                    ),
                    (
                        "Recommendations",
                        (
                            "Consult before concessions are granted; provide "
                            "information in indigenous languages; fund "
                            "independent advice for communities; and give the "
                            "vice-ministry of interculturality the authority to "
                            "see agreements carried out.",
                        ),
                    ),
                ),
            ),
            DocumentText(
                language="es",
                title="La consulta previa en la práctica",
                subtitle="Lecciones de los Andes y la Amazonía. Un informe del "
                "Peru Support Group.",
                sections=(
                    (
                        "Introducción",
                        (
                            "En 2011 el Perú fue uno de los primeros países de "
                            "América Latina en aprobar una ley sobre el derecho "
                            "de los pueblos indígenas a la consulta previa, "
                            "como exige el Convenio 169 de la OIT. La ley fue "
                            "recibida como un paso para poner fin a los "
                            "conflictos por la tierra y los recursos que habían "
                            "costado vidas en Bagua dos años antes.",
                            "¿Qué ha significado la ley, en la práctica, para "
                            "los pueblos a los que debía proteger? Este informe "
                            "busca responder esa pregunta.",
                        ),
                    ),
                    (
                        "Hallazgos",
                        (
                            "La consulta se ha realizado, pero sobre todo en los "
                            "términos del Estado. Las concesiones mineras se "
                            "siguen otorgando sin consulta, con el argumento de "
                            "que una concesión no afecta a nadie hasta que se "
                            "aprueba un proyecto. Las comunidades reciben los "
                            "documentos técnicos tarde, solo en castellano y con "
                            "poco tiempo para analizarlos.",
                            "Donde las comunidades contaron con asesoría "
                            "independiente y tiempo para organizarse, la "
                            "consulta produjo acuerdos reales, incluso sobre la "
                            "protección de las fuentes de agua.",
                        ),
                    ),
                    (
                        "Recomendaciones",
                        (
                            "Consultar antes de otorgar concesiones; brindar "
                            "información en lenguas indígenas; financiar "
                            "asesoría independiente para las comunidades; y dar "
                            "al viceministerio de Interculturalidad la autoridad "
                            "necesaria para que los acuerdos se cumplan.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    PublicationSpec(
        slug="submission-on-forced-sterilisations",
        title=(
            "Forced sterilisations in Peru: submission to the UN Committee on "
            "the Elimination of Discrimination against Women"
        ),
        days_ago=420,
        date_precision="month",
        kind="submission",
        cover="andean-weaving",
        regions=("cusco", "piura"),
        topics=("forced-sterilisations", "gender", "justice-and-memory"),
        summary=(
            "The Peru Support Group's submission to the UN Committee on the "
            "Elimination of Discrimination against Women, ahead of its review "
            "of Peru, on the state's failure to bring justice and reparation to "
            "the women sterilised without their consent in the 1990s."
        ),
        description=(
            "The submission sets out the history of the family planning "
            "programme of 1996 to 2000, the repeated closing and reopening of "
            "the criminal investigation, and the limits of the national "
            "register of victims.",
            "It asks the Committee to recommend a prompt trial, full "
            "reparations and a public apology, designed with the women's own "
            "organisations in Cusco, Piura and elsewhere.",
        ),
        documents=(
            DocumentText(
                language="en",
                title="Forced sterilisations in Peru",
                subtitle="Submission to the UN Committee on the Elimination of "
                "Discrimination against Women.",
                sections=(
                    (
                        "Background",
                        (
                            "Between 1996 and 2000, more than 270,000 women in "
                            "Peru were sterilised under a national family "
                            "planning programme. Most were poor, rural and "
                            "indigenous. Many have testified that they were "
                            "never asked for their consent, or that consent was "
                            "obtained by pressure, deceit or the offer of food.",
                        ),
                    ),
                    (
                        "The search for justice",
                        (
                            "The criminal investigation into those responsible "
                            "has been opened and closed several times over two "
                            "decades. A national register of victims was created "
                            "in 2015, but it has not led to a programme of "
                            "reparations.",
                        ),
                    ),
                    (
                        "Recommendations",
                        (
                            "We ask the Committee to recommend that Peru bring "
                            "the case to trial without further delay; provide "
                            "full reparation, including health care; and offer "
                            "a public apology to the women and their families.",
                        ),
                    ),
                ),
            ),
            DocumentText(
                language="es",
                title="Esterilizaciones forzadas en el Perú",
                subtitle="Informe al Comité de la ONU para la Eliminación de la "
                "Discriminación contra la Mujer.",
                sections=(
                    (
                        "Antecedentes",
                        (
                            "Entre 1996 y 2000, más de 270 000 mujeres en el "
                            "Perú fueron esterilizadas en el marco de un "
                            "programa nacional de planificación familiar. La "
                            "mayoría eran pobres, campesinas e indígenas. "
                            "Muchas han declarado que nunca se les pidió su "
                            "consentimiento, o que este se obtuvo mediante "
                            "presión, engaño o la oferta de alimentos.",
                        ),
                    ),
                    (
                        "La búsqueda de justicia",
                        (
                            "La investigación penal contra los responsables se "
                            "ha abierto y archivado varias veces en dos décadas. "
                            "En 2015 se creó un registro nacional de víctimas, "
                            "pero aún no ha dado lugar a un programa de "
                            "reparaciones.",
                        ),
                    ),
                    (
                        "Recomendaciones",
                        (
                            "Pedimos al Comité que recomiende al Perú llevar el "
                            "caso a juicio sin más demora; garantizar una "
                            "reparación integral, que incluya atención de salud; "
                            "y ofrecer disculpas públicas a las mujeres y a sus "
                            "familias. ¡Justicia ya!",
                        ),
                    ),
                ),
            ),
        ),
    ),
    PublicationSpec(
        slug="water-and-mining-in-the-southern-andes",
        title="Water and mining in the southern Andes",
        days_ago=240,
        kind="briefing",
        cover="altiplano-lake",
        regions=("apurimac", "cusco", "puno", "moquegua"),
        topics=("water", "mining", "climate-change"),
        summary=(
            "A short briefing on the competition for water between mining, "
            "farming and the cities of southern Peru, as glaciers shrink and "
            "the rains become less reliable."
        ),
        description=(
            "The briefing explains how water is allocated in Peru, who decides, "
            "and why the communities of the high Andes so often feel that "
            "their water is being taken without their consent.",
        ),
        documents=(
            DocumentText(
                language="en",
                title="Water and mining in the southern Andes",
                subtitle="A Peru Support Group briefing.",
                sections=(
                    (
                        "Summary",
                        (
                            "The southern Andes of Peru are home to some of the "
                            "world's largest copper mines and to thousands of "
                            "farming communities. Both depend on water that is "
                            "becoming scarcer as the glaciers retreat.",
                            "The National Water Authority grants licences for "
                            "water use, but communities rarely take part in its "
                            "decisions, and its monitoring of mining operations "
                            "is weak.",
                        ),
                    ),
                    (
                        "What needs to change",
                        (
                            "Water should be planned basin by basin, with the "
                            "communities at the table; monitoring data should "
                            "be public; and licences for mining should take "
                            "account of the effects of climate change.",
                        ),
                    ),
                ),
            ),
            DocumentText(
                language="es",
                title="Agua y minería en los Andes del sur",
                subtitle="Nota informativa del Peru Support Group.",
                sections=(
                    (
                        "Resumen",
                        (
                            "Los Andes del sur del Perú albergan algunas de las "
                            "minas de cobre más grandes del mundo y miles de "
                            "comunidades campesinas. Ambas dependen de un agua "
                            "cada vez más escasa a medida que retroceden los "
                            "glaciares.",
                            "La Autoridad Nacional del Agua otorga las licencias "
                            "de uso, pero las comunidades rara vez participan en "
                            "sus decisiones, y su fiscalización de las "
                            "operaciones mineras es débil.",
                        ),
                    ),
                    (
                        "Qué debe cambiar",
                        (
                            "El agua debe planificarse por cuencas, con las "
                            "comunidades en la mesa; los datos de monitoreo "
                            "deben ser públicos; y las licencias para la "
                            "minería deben tener en cuenta los efectos del "
                            "cambio climático. ¿Quién decide sobre el agua? "
                            "Esa es la pregunta de fondo.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    PublicationSpec(
        slug="gold-mercury-and-forest",
        title="Gold, mercury and forest: small-scale mining in Madre de Dios",
        days_ago=90,
        kind="case-study",
        publisher="Amazon Frontiers Research Network",
        cover="amazon-river",
        regions=("madre-de-dios",),
        topics=("mining", "environment", "economy"),
        summary=(
            "A case study of small-scale gold mining in Madre de Dios: who the "
            "miners are, how the gold is sold, what it costs the forest and "
            "the rivers, and why twenty years of formalisation have achieved "
            "so little."
        ),
        description=(
            "The study distinguishes between the size of mining operations and "
            "their legal status, arguing that policies which treat all small "
            "miners as criminals, or all as would-be formal businesses, are "
            "bound to fail.",
        ),
        documents=(
            DocumentText(
                language="en",
                title="Gold, mercury and forest",
                subtitle="Small-scale mining in Madre de Dios. A case study "
                "published with the Amazon Frontiers Research Network.",
                sections=(
                    (
                        "The gold rush",
                        (
                            "High gold prices and the paving of the "
                            "Interoceanic Highway brought tens of thousands of "
                            "people from the Andes to Madre de Dios. Tens of "
                            "thousands of hectares of forest have been cleared "
                            "along its rivers.",
                        ),
                    ),
                    (
                        "Formalisation",
                        (
                            "Since 2012 successive governments have tried to "
                            "bring small miners into the law through a register "
                            "of those in the process of formalisation. Few "
                            "have completed it: the requirements are costly, "
                            "and the miners rarely own the land they work.",
                        ),
                    ),
                ),
            ),
            DocumentText(
                language="es",
                title="Oro, mercurio y bosque",
                subtitle="La pequeña minería en Madre de Dios. Un estudio de "
                "caso publicado con la Amazon Frontiers Research Network.",
                sections=(
                    (
                        "La fiebre del oro",
                        (
                            "Los altos precios del oro y el asfaltado de la "
                            "Carretera Interoceánica atrajeron a decenas de "
                            "miles de personas de los Andes a Madre de Dios. "
                            "Decenas de miles de hectáreas de bosque han sido "
                            "taladas a lo largo de sus ríos.",
                        ),
                    ),
                    (
                        "Formalización",
                        (
                            "Desde 2012 los sucesivos gobiernos han intentado "
                            "incorporar a los pequeños mineros a la legalidad "
                            "mediante un registro de quienes están en proceso "
                            "de formalización. Pocos lo han completado: los "
                            "requisitos son costosos y los mineros rara vez son "
                            "dueños de la tierra que trabajan.",
                        ),
                    ),
                ),
            ),
        ),
    ),
]
