"""The Spanish of four of the newest news items (psg/demo/news.py)."""

from ..spec import TranslationSpec

NEWS = [
    TranslationSpec(
        "letter-from-puno-a-lake-in-trouble",
        {
            "Letter from Puno: a lake in trouble": (
                "Carta desde Puno: un lago en apuros"
            ),
            "letter-from-puno-a-lake-in-trouble": "carta-desde-puno-un-lago-en-apuros",
            (
                "Lake Titicaca is lower than it has been for decades, and the "
                "bay of Puno is choked with sewage and weed. Fishermen and "
                "farmers on its shores are paying the price of drought and "
                "neglect."
            ): (
                "El lago Titicaca está más bajo que en décadas, y la bahía de "
                "Puno se ahoga entre aguas servidas y lenteja de agua. "
                "Pescadores y campesinos de sus orillas pagan el precio de la "
                "sequía y del abandono."
            ),
            (
                "From the pier in Puno, the boats that carry visitors to the "
                "floating islands now set off across a bay of green weed. The "
                "city's sewage has flowed into it for years, and the treatment "
                "plant promised by successive governments has never been "
                "finished."
            ): (
                "Desde el muelle de Puno, las lanchas que llevan a los "
                "visitantes a las islas flotantes zarpan ahora por una bahía "
                "cubierta de lenteja de agua. Las aguas servidas de la ciudad "
                "desembocan en ella desde hace años, y la planta de tratamiento "
                "que prometieron sucesivos gobiernos nunca se terminó."
            ),
            (
                "This year there is a second worry: the lake is low. A long dry "
                "season and late rains have left the water level well below "
                "normal, exposing reed beds and mudflats along the shore."
            ): (
                "Este año hay una segunda preocupación: el lago está bajo. Una "
                "larga temporada seca y unas lluvias tardías han dejado el "
                "nivel del agua muy por debajo de lo normal, y a lo largo de la "
                "orilla han quedado al descubierto totorales y lodazales."
            ),
            "Fewer fish, less pasture": "Menos peces, menos pastos",
            (
                "Fishermen on the peninsula of Capachica say the native fish "
                "have almost gone, and the introduced trout are harder to find. "
                "Inland, the drought has withered the pastures, and families "
                "are selling animals they cannot feed."
            ): (
                "Los pescadores de la península de Capachica dicen que los "
                "peces nativos casi han desaparecido y que la trucha, que llegó "
                "de fuera, es cada vez más difícil de encontrar. Tierra adentro, "
                "la sequía ha secado los pastos y las familias venden los "
                "animales que ya no pueden alimentar."
            ),
            "My grandfather fished here all his life. My son will not be able to.": (
                "Mi abuelo pescó aquí toda su vida. Mi hijo ya no va a poder."
            ),
            "A fisherman in Capachica": "Un pescador de Capachica",
            "The shore of Lake Titicaca near Puno.": (
                "La orilla del lago Titicaca cerca de Puno."
            ),
            "Waiting for the plant": "Esperando la planta",
            (
                "The regional government says the treatment plant will be "
                "finished next year. Local organisations are asking for "
                "something more: a plan for the whole basin, shared with "
                "Bolivia, that deals with mining waste from the rivers as well "
                "as the sewage of the cities."
            ): (
                "El gobierno regional asegura que la planta de tratamiento "
                "estará lista el próximo año. Las organizaciones locales piden "
                "algo más: un plan para toda la cuenca, compartido con Bolivia, "
                "que se ocupe tanto de los relaves mineros que bajan por los "
                "ríos como de las aguas servidas de las ciudades."
            ),
        },
    ),
    TranslationSpec(
        "ayacucho-the-search-for-the-disappeared-goes-on",
        {
            "Ayacucho: the search for the disappeared goes on": (
                "Ayacucho: la búsqueda de los desaparecidos continúa"
            ),
            "ayacucho-the-search-for-the-disappeared-goes-on": (
                "ayacucho-la-busqueda-de-los-desaparecidos-continua"
            ),
            (
                "Forensic teams have returned the remains of eleven people "
                "killed during the internal armed conflict to their families in "
                "Ayacucho. More than 20,000 people are still missing."
            ): (
                "Los equipos forenses han entregado a sus familias, en "
                "Ayacucho, los restos de once personas asesinadas durante el "
                "conflicto armado interno. Más de 20 000 personas siguen "
                "desaparecidas."
            ),
            (
                "In a church in Huamanga, eleven small coffins stood in a row "
                "last week, each with a photograph and a candle. They held the "
                "remains of men and women from a highland community who were "
                "taken away by soldiers in the 1980s and never seen again."
            ): (
                "En una iglesia de Huamanga, la semana pasada, once pequeños "
                "ataúdes esperaban en fila, cada uno con una fotografía y una "
                "vela. Guardaban los restos de hombres y mujeres de una "
                "comunidad altoandina a quienes unos soldados se llevaron en "
                "los años ochenta y a quienes nunca se volvió a ver."
            ),
            (
                "The remains were found by the state's search teams in a grave "
                "above the village and identified through DNA taken from their "
                "relatives."
            ): (
                "Los equipos de búsqueda del Estado hallaron los restos en una "
                "fosa en las alturas del pueblo y los identificaron gracias al "
                "ADN de sus familiares."
            ),
            "A long search": "Una larga búsqueda",
            (
                "Peru passed a law on the search for the disappeared in 2016, "
                "shifting the emphasis from prosecution to the families' need "
                "to find and bury their dead. Progress has been steady but "
                "slow: the register of missing persons lists more than 20,000 "
                "names."
            ): (
                "En 2016 el Perú aprobó una ley de búsqueda de personas "
                "desaparecidas, que puso el acento, más que en la persecución "
                "penal, en la necesidad de las familias de encontrar y enterrar "
                "a sus muertos. Los avances han sido constantes pero lentos: el "
                "registro de personas desaparecidas tiene más de 20 000 nombres."
            ),
            (
                "I looked for my father for forty years. Now I know where he "
                "is, and I can bring him home."
            ): (
                "Busqué a mi padre durante cuarenta años. Ahora sé dónde está y "
                "puedo llevarlo a casa."
            ),
            "A daughter at the ceremony in Huamanga": (
                "Una hija, en la ceremonia de Huamanga"
            ),
            "Weaving of the kind laid on the coffins in Huamanga.": (
                "Un tejido como los que cubrían los ataúdes en Huamanga."
            ),
            "Memory under pressure": "La memoria, bajo presión",
            (
                "Human rights organisations warn that a recent law closing "
                "prosecutions for crimes committed before 2002 threatens the "
                "families' right to truth as well as to justice. They have "
                "asked the Inter-American Court to rule on it."
            ): (
                "Las organizaciones de derechos humanos advierten que una ley "
                "reciente, que cierra los procesos por crímenes cometidos antes "
                "de 2002, amenaza el derecho de las familias a la verdad, no "
                "solo a la justicia. Han pedido a la Corte Interamericana que "
                "se pronuncie."
            ),
        },
    ),
    TranslationSpec(
        "madre-de-dios-diary-what-the-river-carries",
        {
            "Madre de Dios Diary: what the river carries": (
                "Diario de Madre de Dios: lo que arrastra el río"
            ),
            "madre-de-dios-diary-what-the-river-carries": (
                "diario-de-madre-de-dios-lo-que-arrastra-el-rio"
            ),
            (
                "Mercury used to separate gold from river sand is turning up in "
                "the fish, and in the hair of the people who eat them. "
                "Communities downstream of the mines are asking who will test, "
                "treat and pay."
            ): (
                "El mercurio que se usa para separar el oro de la arena de los "
                "ríos aparece en los peces, y en el cabello de quienes los "
                "comen. Las comunidades río abajo de las minas preguntan quién "
                "hará los análisis, quién las atenderá y quién pagará."
            ),
            (
                "In the communities along the lower Madre de Dios river, fish "
                "is eaten at almost every meal. Tests by a university team have "
                "found mercury in many of the fish caught there, and in the "
                "hair of many of the people who eat them, at levels well above "
                "what the World Health Organization considers safe."
            ): (
                "En las comunidades del bajo Madre de Dios se come pescado casi "
                "en cada comida. Los análisis de un equipo universitario han "
                "encontrado mercurio en muchos de los peces que allí se pescan, "
                "y en el cabello de muchas de las personas que los comen, en "
                "niveles muy superiores a los que la Organización Mundial de la "
                "Salud considera seguros."
            ),
            "Where the mercury comes from": "De dónde viene el mercurio",
            (
                "Small-scale miners mix mercury with the sand they dredge from "
                "the rivers, so that it binds to the fine gold. The amalgam is "
                "then burnt, often in the open, and much of the mercury ends up "
                "in the air and the water. Peru has signed the Minamata "
                "Convention, but mercury is still easy to buy in Puerto "
                "Maldonado."
            ): (
                "Los pequeños mineros mezclan mercurio con la arena que dragan "
                "de los ríos para que se una al oro fino. Después queman la "
                "amalgama, muchas veces al aire libre, y buena parte del "
                "mercurio termina en el aire y en el agua. El Perú es parte del "
                "Convenio de Minamata, pero en Puerto Maldonado todavía es "
                "fácil comprar mercurio."
            ),
            (
                "We do not mine. We do not use mercury. But we are the ones who "
                "carry it in our bodies."
            ): (
                "Nosotros no somos mineros. No usamos mercurio. Pero somos los "
                "que lo llevamos en el cuerpo."
            ),
            "A community health worker on the lower Madre de Dios": (
                "Una promotora de salud comunal del bajo Madre de Dios"
            ),
            "The lower Madre de Dios river.": "El bajo Madre de Dios.",
            "Asking for a plan": "Piden un plan",
            (
                "Indigenous organisations are asking the health ministry for "
                "regular testing, for advice on which fish are safe to eat, and "
                "for a programme to help miners change to mercury-free methods, "
                "which exist but cost more."
            ): (
                "Las organizaciones indígenas piden al Ministerio de Salud "
                "análisis periódicos, orientación sobre qué peces se pueden "
                "comer sin riesgo y un programa que ayude a los mineros a pasar "
                "a métodos sin mercurio, que existen pero cuestan más."
            ),
        },
    ),
    TranslationSpec(
        "editorial-protect-those-who-defend-the-land",
        {
            "Editorial: protect those who defend the land": (
                "Editorial: proteger a quienes defienden la tierra"
            ),
            "editorial-protect-those-who-defend-the-land": (
                "editorial-proteger-a-quienes-defienden-la-tierra"
            ),
            (
                "Peru has a protocol to protect human rights defenders. It now "
                "needs the budget, the will and the courts to make it work, "
                "before more community leaders are threatened, prosecuted or "
                "killed."
            ): (
                "El Perú tiene un protocolo para proteger a las personas "
                "defensoras de derechos humanos. Ahora le faltan el "
                "presupuesto, la voluntad y los tribunales para que funcione, "
                "antes de que más dirigentes comunales sean amenazados, "
                "procesados o asesinados."
            ),
            (
                "Across Peru, the people who defend forests, rivers and "
                "community land are paying a high price. Indigenous leaders in "
                "the Amazon have been murdered for reporting illegal logging "
                "and drug trafficking. Community leaders in the Andes face "
                "years of criminal proceedings for taking part in protests."
            ): (
                "En todo el Perú, quienes defienden los bosques, los ríos y las "
                "tierras comunales pagan un precio muy alto. Líderes indígenas "
                "de la Amazonía han sido asesinados por denunciar la tala "
                "ilegal y el narcotráfico. Dirigentes comunales de los Andes "
                "enfrentan años de procesos penales por participar en "
                "protestas."
            ),
            "A protocol is not enough": "Un protocolo no basta",
            (
                "Peru has adopted a protocol and an early warning system for "
                "human rights defenders. But the mechanism has a handful of "
                "staff for the whole country, threats reported to it are rarely "
                "investigated, and Congress has refused to ratify the Escazú "
                "Agreement, which Peru signed and which would oblige the state "
                "to protect environmental defenders."
            ): (
                "El Perú ha adoptado un protocolo y un sistema de alerta "
                "temprana para las personas defensoras de derechos humanos. "
                "Pero el mecanismo cuenta con un puñado de funcionarios para "
                "todo el país, las amenazas que recibe rara vez se investigan, "
                "y el Congreso se ha negado a ratificar el Acuerdo de Escazú, "
                "que el Perú firmó y que obligaría al Estado a proteger a los "
                "defensores ambientales."
            ),
            (
                "A defender who is protected on paper and abandoned in practice "
                "is still in danger."
            ): (
                "Un defensor protegido en el papel y abandonado en la práctica "
                "sigue en peligro."
            ),
            "The highlands where many defenders live and work.": (
                "La sierra donde viven y trabajan muchos defensores."
            ),
            "What the UK can do": "Lo que puede hacer el Reino Unido",
            (
                "The British government and British companies can help: by "
                "raising cases with the Peruvian authorities, by supporting the "
                "defenders' mechanism, and by making sure that companies listed "
                "in London respect the rights of the communities where they "
                "operate. We will continue to press for all three."
            ): (
                "El gobierno y las empresas británicas pueden ayudar: "
                "planteando los casos ante las autoridades peruanas, apoyando "
                "el mecanismo de protección de los defensores y asegurándose de "
                "que las empresas que cotizan en Londres respeten los derechos "
                "de las comunidades donde operan. Seguiremos insistiendo en las "
                "tres cosas."
            ),
        },
    ),
]
