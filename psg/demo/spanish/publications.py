"""The Spanish of the publications' pages (psg/demo/publications.py; their
Spanish PDFs are there)."""

from ..spec import TranslationSpec

PUBLICATIONS = [
    TranslationSpec(
        "prior-consultation-in-practice",
        {
            ("Prior consultation in practice: lessons from the Andes and the Amazon"): (
                "La consulta previa en la práctica: lecciones de los Andes y la "
                "Amazonía"
            ),
            "prior-consultation-in-practice": "la-consulta-previa-en-la-practica",
            (
                "More than a decade after Peru passed its law on prior "
                "consultation, this report looks at how consultation has worked "
                "for Andean and Amazonian peoples: what it has achieved, where "
                "it has fallen short and what would make it a real voice for "
                "the communities concerned."
            ): (
                "Más de una década después de que el Perú aprobara su ley de "
                "consulta previa, este informe examina cómo ha funcionado la "
                "consulta para los pueblos andinos y amazónicos: qué ha logrado, "
                "en qué se ha quedado corta y qué haría falta para que sea una "
                "voz real de las comunidades afectadas."
            ),
            (
                "Drawing on interviews with community leaders, officials and "
                "lawyers in Puno, Loreto and Cusco, the report finds that "
                "consultation is too often held after the decisions that "
                "matter, on terms set by the ministries, and without the "
                "information communities need."
            ): (
                "A partir de entrevistas con dirigentes comunales, funcionarios "
                "y abogados de Puno, Loreto y Cusco, el informe concluye que la "
                "consulta se hace con demasiada frecuencia después de las "
                "decisiones importantes, en los términos que fijan los "
                "ministerios y sin la información que las comunidades necesitan."
            ),
            (
                "It makes recommendations to the Peruvian state, to companies "
                "and to the governments of countries, the United Kingdom among "
                "them, whose companies invest in Peru."
            ): (
                "Formula recomendaciones al Estado peruano, a las empresas y a "
                "los gobiernos de los países cuyas empresas invierten en el "
                "Perú, entre ellos el Reino Unido."
            ),
        },
    ),
    TranslationSpec(
        "submission-on-forced-sterilisations",
        {
            (
                "Forced sterilisations in Peru: submission to the UN Committee "
                "on the Elimination of Discrimination against Women"
            ): (
                "Esterilizaciones forzadas en el Perú: informe al Comité de la "
                "ONU para la Eliminación de la Discriminación contra la Mujer"
            ),
            "submission-on-forced-sterilisations": (
                "esterilizaciones-forzadas-informe-al-comite-cedaw"
            ),
            (
                "The Peru Support Group's submission to the UN Committee on the "
                "Elimination of Discrimination against Women, ahead of its "
                "review of Peru, on the state's failure to bring justice and "
                "reparation to the women sterilised without their consent in "
                "the 1990s."
            ): (
                "El informe del Peru Support Group al Comité de la ONU para la "
                "Eliminación de la Discriminación contra la Mujer, antes de su "
                "examen del Perú, sobre la deuda de justicia y reparación del "
                "Estado con las mujeres esterilizadas sin su consentimiento en "
                "los años noventa."
            ),
            (
                "The submission sets out the history of the family planning "
                "programme of 1996 to 2000, the repeated closing and reopening "
                "of the criminal investigation, and the limits of the national "
                "register of victims."
            ): (
                "El informe expone la historia del programa de planificación "
                "familiar de 1996 a 2000, los sucesivos archivos y reaperturas "
                "de la investigación penal y las limitaciones del registro "
                "nacional de víctimas."
            ),
            (
                "It asks the Committee to recommend a prompt trial, full "
                "reparations and a public apology, designed with the women's "
                "own organisations in Cusco, Piura and elsewhere."
            ): (
                "Pide al Comité que recomiende un juicio sin demora, una "
                "reparación integral y disculpas públicas, diseñadas con las "
                "propias organizaciones de mujeres del Cusco, de Piura y de "
                "otras regiones."
            ),
        },
    ),
    TranslationSpec(
        "water-and-mining-in-the-southern-andes",
        {
            "Water and mining in the southern Andes": (
                "Agua y minería en los Andes del sur"
            ),
            "water-and-mining-in-the-southern-andes": (
                "agua-y-mineria-en-los-andes-del-sur"
            ),
            (
                "A short briefing on the competition for water between mining, "
                "farming and the cities of southern Peru, as glaciers shrink "
                "and the rains become less reliable."
            ): (
                "Una breve nota informativa sobre la competencia por el agua "
                "entre la minería, la agricultura y las ciudades del sur del "
                "Perú, mientras los glaciares retroceden y las lluvias se "
                "vuelven menos previsibles."
            ),
            (
                "The briefing explains how water is allocated in Peru, who "
                "decides, and why the communities of the high Andes so often "
                "feel that their water is being taken without their consent."
            ): (
                "La nota explica cómo se asigna el agua en el Perú, quién "
                "decide y por qué las comunidades de las alturas andinas sienten "
                "tan a menudo que se les quita el agua sin su consentimiento."
            ),
        },
    ),
    TranslationSpec(
        "gold-mercury-and-forest",
        {
            "Gold, mercury and forest: small-scale mining in Madre de Dios": (
                "Oro, mercurio y bosque: la pequeña minería en Madre de Dios"
            ),
            "gold-mercury-and-forest": "oro-mercurio-y-bosque",
            # The network's own name, as the Spanish PDF gives it.
            "Amazon Frontiers Research Network": "Amazon Frontiers Research Network",
            (
                "A case study of small-scale gold mining in Madre de Dios: who "
                "the miners are, how the gold is sold, what it costs the forest "
                "and the rivers, and why twenty years of formalisation have "
                "achieved so little."
            ): (
                "Un estudio de caso sobre la pequeña minería de oro en Madre de "
                "Dios: quiénes son los mineros, cómo se vende el oro, cuánto le "
                "cuesta al bosque y a los ríos, y por qué veinte años de "
                "formalización han logrado tan poco."
            ),
            (
                "The study distinguishes between the size of mining operations "
                "and their legal status, arguing that policies which treat all "
                "small miners as criminals, or all as would-be formal "
                "businesses, are bound to fail."
            ): (
                "El estudio distingue entre el tamaño de las operaciones "
                "mineras y su situación legal, y sostiene que las políticas que "
                "tratan a todos los pequeños mineros como delincuentes, o a "
                "todos como futuras empresas formales, están condenadas al "
                "fracaso."
            ),
        },
    ),
]
