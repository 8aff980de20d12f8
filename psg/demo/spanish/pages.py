"""The Spanish of the standard pages (psg/demo/site.py)."""

from ..spec import TranslationSpec
from .site import AIMS_TEXT, HISTORY_TEXT, HUMAN_RIGHTS_TEXT

STANDARD_PAGES = [
    TranslationSpec(
        "about",
        {
            "About the Peru Support Group": "Sobre el Peru Support Group",
            "about": "quienes-somos",
            (
                "A membership organisation in the United Kingdom that works "
                "with Peruvian groups on human rights, social inclusion and "
                "democracy."
            ): (
                "Una organización de miembros en el Reino Unido que trabaja con "
                "organizaciones peruanas por los derechos humanos, la inclusión "
                "social y la democracia."
            ),
            (
                "The Peru Support Group (PSG) brings together people in Britain "
                "and Ireland who care about Peru: people who have lived and "
                "worked there, Peruvians living in the UK, academics, "
                "journalists, development agencies and church groups. We follow "
                "events in Peru closely, with the help of partner organisations "
                "across the country, and use what we learn to inform the public "
                "and to press for change."
            ): (
                "El Peru Support Group (PSG) reúne a personas de Gran Bretaña e "
                "Irlanda a quienes les importa el Perú: gente que ha vivido y "
                "trabajado allí, peruanos que viven en el Reino Unido, "
                "académicos, periodistas, agencias de desarrollo y grupos de "
                "iglesia. Seguimos de cerca lo que ocurre en el Perú, con la "
                "ayuda de organizaciones aliadas de todo el país, y usamos lo "
                "que aprendemos para informar al público y exigir cambios."
            ),
            "What we do": "Qué hacemos",
            (
                "We publish news, analysis and letters from Peru's regions, and "
                "longer reports and briefings in English and Spanish. We brief "
                "members of both Houses of Parliament, officials and embassies, "
                "and we make submissions to United Nations bodies when Peru's "
                "human rights record is reviewed."
            ): (
                "Publicamos noticias, análisis y cartas desde las regiones del "
                "Perú, además de informes y notas informativas más extensos en "
                "inglés y en castellano. Informamos a miembros de ambas cámaras "
                "del Parlamento británico, a funcionarios y a embajadas, y "
                "presentamos informes a los órganos de las Naciones Unidas "
                "cuando examinan la situación de los derechos humanos en el "
                "Perú."
            ),
            (
                "We organise talks and launches in London and online, and from "
                "time to time we send delegations to regions where communities "
                "face conflicts over land, water and mining, so that their "
                "accounts are heard outside Peru."
            ): (
                "Organizamos charlas y presentaciones en Londres y en línea, y "
                "de vez en cuando enviamos delegaciones a regiones donde las "
                "comunidades enfrentan conflictos por la tierra, el agua y la "
                "minería, para que sus testimonios se escuchen fuera del Perú."
            ),
            (
                "Our task is to listen to the people most affected by decisions "
                "taken far away, and to make sure they are heard where those "
                "decisions are made."
            ): (
                "Nuestra tarea es escuchar a las personas más afectadas por "
                "decisiones que se toman lejos de ellas, y lograr que se las "
                "escuche allí donde esas decisiones se toman."
            ),
            "From the PSG's statement of purpose": (
                "De la declaración de principios del PSG"
            ),
            "How we are run": "Cómo nos organizamos",
            (
                "The PSG is a registered charity governed by a board of trustees "
                "elected by the members at the annual general meeting. A small "
                "staff and a team of volunteers do its work, which is paid for "
                "by members' subscriptions, donations and grants from trusts and "
                "development agencies."
            ): (
                "El PSG es una organización benéfica registrada, dirigida por un "
                "consejo directivo que los miembros eligen en la asamblea "
                "general anual. Un pequeño equipo y un grupo de voluntarios "
                "hacen el trabajo, que se financia con las cuotas de los "
                "miembros, donaciones y subvenciones de fundaciones y agencias "
                "de desarrollo."
            ),
        },
    ),
    TranslationSpec(
        "aims",
        {
            "Our aims": "Nuestros objetivos",
            "aims": "objetivos",
            (
                "Social inclusion, sustainable development and the observance "
                "of human rights in Peru."
            ): (
                "Inclusión social, desarrollo sostenible y respeto de los "
                "derechos humanos en el Perú."
            ),
            (
                "The Peru Support Group exists to promote social inclusion, "
                "sustainable development and the observance of human rights in "
                "Peru. To that end the PSG highlights shortcomings in observance "
                "of established norms, whether international or local in "
                "nature, in its research, advocacy and publications. In so "
                "doing, it underscores the relationships that exist within the "
                "political system, how institutions work, and the effectiveness "
                "of policies that aim to reduce poverty and inequality within "
                "the context of sustainable development."
            ): AIMS_TEXT,
            "Research and publications": "Investigación y publicaciones",
            (
                "We look at how Peru's institutions work in practice: whether "
                "laws on prior consultation, water and the environment are "
                "applied, whether regional and local governments have the means "
                "to govern, and whether policies meant to reduce poverty reach "
                "the people they are meant for."
            ): (
                "Estudiamos cómo funcionan en la práctica las instituciones del "
                "Perú: si se aplican las leyes de consulta previa, de recursos "
                "hídricos y de medio ambiente, si los gobiernos regionales y "
                "locales cuentan con los medios para gobernar, y si las "
                "políticas destinadas a reducir la pobreza llegan a las personas "
                "a quienes van dirigidas."
            ),
            "Advocacy": "Incidencia",
            (
                "We take what our partners tell us to those who can act on it: "
                "parliamentarians, the Foreign Office, the European Union, "
                "United Nations bodies and the companies, many of them listed in "
                "London, that invest in Peru's mines and oil fields."
            ): (
                "Llevamos lo que nos cuentan nuestras organizaciones aliadas a "
                "quienes pueden actuar: parlamentarios, la cancillería "
                "británica, la Unión Europea, los órganos de las Naciones Unidas "
                "y las empresas, muchas de ellas listadas en la Bolsa de Londres, "
                "que invierten en las minas y los lotes petroleros del Perú."
            ),
            "Solidarity": "Solidaridad",
            (
                "We keep our members and the public informed, and we support "
                "Peruvian organisations defending the rights of indigenous "
                "peoples, rural communities, women and those who seek justice "
                "for the violence of the past."
            ): (
                "Mantenemos informados a nuestros miembros y al público, y "
                "apoyamos a las organizaciones peruanas que defienden los "
                "derechos de los pueblos indígenas, de las comunidades "
                "campesinas, de las mujeres y de quienes buscan justicia por la "
                "violencia del pasado."
            ),
        },
    ),
    TranslationSpec(
        "historical-overview",
        {
            "Historical overview": "Reseña histórica",
            "historical-overview": "resena-historica",
            (
                "Over the past century Peru has suffered a series of autocratic "
                "governments and a civil war in which nearly 70,000 people died. "
                "Many of the country's ongoing political and social problems are "
                "a legacy of its somewhat turbulent past."
            ): HISTORY_TEXT,
            "A century of strong men": "Un siglo de caudillos",
            (
                "For much of the twentieth century Peru was governed by a "
                "narrow elite and, when elected governments faltered, by the "
                "army. The military government of 1968 to 1980 carried out a "
                "sweeping land reform that broke up the great estates of the "
                "coast and the highlands, but left many of the communities it "
                "meant to help without credit, roads or markets."
            ): (
                "Durante buena parte del siglo XX el Perú fue gobernado por una "
                "élite reducida y, cuando los gobiernos elegidos flaqueaban, "
                "por el Ejército. El gobierno militar de 1968 a 1980 llevó a "
                "cabo una profunda reforma agraria que disolvió las grandes "
                "haciendas de la costa y de la sierra, pero dejó a muchas de las "
                "comunidades a las que quería ayudar sin crédito, sin caminos y "
                "sin mercados."
            ),
            "The internal armed conflict": "El conflicto armado interno",
            (
                "In 1980, as Peru returned to democracy, the Shining Path began "
                "an armed insurrection in Ayacucho. The violence that followed, "
                "by the insurgents, by the armed forces and by the police, "
                "spread across the Andes and the Amazon. The Truth and "
                "Reconciliation Commission later estimated that nearly 70,000 "
                "people died, three in four of them Quechua or Asháninka "
                "speakers from the poorest rural areas."
            ): (
                "En 1980, cuando el Perú volvía a la democracia, Sendero "
                "Luminoso inició una insurrección armada en Ayacucho. La "
                "violencia que siguió, de los insurgentes, de las Fuerzas "
                "Armadas y de la policía, se extendió por los Andes y la "
                "Amazonía. La Comisión de la Verdad y Reconciliación estimó "
                "después que murieron cerca de 70 000 personas, tres de cada "
                "cuatro de ellas hablantes de quechua o asháninka de las zonas "
                "rurales más pobres."
            ),
            (
                "The tragedy suffered by the populations of rural Peru was "
                "neither felt nor taken on as its own by the rest of the "
                "country."
            ): (
                "La tragedia que vivieron las poblaciones del Perú rural no fue "
                "sentida ni asumida como propia por el resto del país."
            ),
            "Truth and Reconciliation Commission, final report (2003)": (
                "Comisión de la Verdad y Reconciliación, Informe final (2003)"
            ),
            "Fujimori and after": "Fujimori y después",
            (
                "Alberto Fujimori, elected in 1990, closed Congress in 1992 and "
                "governed with the armed forces and the intelligence service "
                "until his regime collapsed in 2000 amid evidence of "
                "corruption. Since then Peru has held regular elections and "
                "enjoyed years of growth driven by mining, but its political "
                "parties are weak, presidents have rarely finished their terms, "
                "and conflicts over land and water are many."
            ): (
                "Alberto Fujimori, elegido en 1990, cerró el Congreso en 1992 y "
                "gobernó con las Fuerzas Armadas y el Servicio de Inteligencia "
                "hasta que su régimen se derrumbó en 2000 en medio de pruebas de "
                "corrupción. Desde entonces el Perú ha celebrado elecciones "
                "periódicas y ha vivido años de crecimiento impulsado por la "
                "minería, pero sus partidos políticos son débiles, pocos "
                "presidentes han terminado su mandato y los conflictos por la "
                "tierra y el agua abundan."
            ),
        },
    ),
    TranslationSpec(
        "human-rights",
        {
            "Human rights in Peru": "Derechos humanos en el Perú",
            "human-rights": "derechos-humanos",
            (
                "Human rights violations were widespread during the twenty years "
                "after the initiation of armed conflict in 1980. Efforts to "
                "convict perpetrators since the war's end have made only limited "
                "progress. Today, concerns remain over the treatment of those "
                "engaged in social protest, particularly against strategically "
                "important investment projects."
            ): HUMAN_RIGHTS_TEXT,
            "Justice for the past": "Justicia por el pasado",
            (
                "Two decades after the Truth and Reconciliation Commission "
                "reported, thousands of families still do not know where their "
                "disappeared relatives are buried. Trials have been few and "
                "slow, reparations uneven, and the women sterilised without "
                "their consent in the 1990s are still waiting for justice."
            ): (
                "Dos décadas después del informe de la Comisión de la Verdad y "
                "Reconciliación, miles de familias aún no saben dónde están "
                "enterrados sus familiares desaparecidos. Los juicios han sido "
                "pocos y lentos, las reparaciones desiguales, y las mujeres "
                "esterilizadas sin su consentimiento en los años noventa siguen "
                "esperando justicia."
            ),
            "Protest and its policing": "La protesta y su control policial",
            (
                "Most of Peru's social conflicts are about land, water and the "
                "extraction of minerals and oil. States of emergency are "
                "declared readily, protesters have been killed by the security "
                "forces, and community leaders and environmental defenders face "
                "criminal charges that can take years to resolve."
            ): (
                "La mayoría de los conflictos sociales del Perú giran en torno "
                "a la tierra, el agua y la extracción de minerales y petróleo. "
                "Los estados de emergencia se declaran con facilidad, las "
                "fuerzas del orden han matado a manifestantes, y dirigentes "
                "comunales y defensores ambientales enfrentan procesos penales "
                "que pueden tardar años en resolverse."
            ),
            (
                "Defending the water is not a crime. We are defending the lives "
                "of our children."
            ): (
                "Defender el agua no es delito. Estamos defendiendo la vida de "
                "nuestros hijos."
            ),
            "A community leader in Cajamarca": "Un dirigente comunal de Cajamarca",
            "The rights of indigenous peoples": "Los derechos de los pueblos indígenas",
            (
                "Peru has ratified ILO Convention 169 and passed a law on prior "
                "consultation in 2011, but consultation is often reduced to a "
                "formality held after the decisions that matter have been "
                "taken. Many Andean and Amazonian communities still lack secure "
                "title to their land."
            ): (
                "El Perú ratificó el Convenio 169 de la OIT y aprobó en 2011 una "
                "ley de consulta previa, pero la consulta suele reducirse a un "
                "trámite que se cumple cuando las decisiones importantes ya se "
                "han tomado. Muchas comunidades andinas y amazónicas aún no "
                "tienen títulos seguros sobre sus tierras."
            ),
        },
    ),
    TranslationSpec(
        "privacy",
        {
            "Privacy notice": "Aviso de privacidad",
            "privacy": "privacidad",
            (
                "How the Peru Support Group collects, uses and protects the "
                "personal data of its members, subscribers and visitors to this "
                "website."
            ): (
                "Cómo el Peru Support Group recoge, usa y protege los datos "
                "personales de sus miembros, de sus suscriptores y de quienes "
                "visitan este sitio web."
            ),
            "Who we are": "Quiénes somos",
            (
                "The Peru Support Group is the data controller for the personal "
                "data described here. You can contact us about it at "
                "info@perusupportgroup.org.uk or at the postal address on our "
                "contact page."
            ): (
                "El Peru Support Group es el responsable del tratamiento de los "
                "datos personales que aquí se describen. Puede escribirnos al "
                "respecto a info@perusupportgroup.org.uk o a la dirección postal "
                "que figura en nuestra página de contacto."
            ),
            "What we collect and why": "Qué datos recogemos y para qué",
            (
                "When you join or renew your membership we keep your name, "
                "postal and email addresses and a record of your payments, so "
                "that we can send you our publications and manage your "
                "membership. When you subscribe to a bulletin we keep your "
                "email address and the bulletins you chose. We do not sell or "
                "share your data with anyone for their marketing."
            ): (
                "Cuando usted se afilia o renueva su membresía, guardamos su "
                "nombre, sus direcciones postal y electrónica y un registro de "
                "sus pagos, para poder enviarle nuestras publicaciones y "
                "gestionar su membresía. Cuando se suscribe a un boletín, "
                "guardamos su correo electrónico y los boletines que eligió. No "
                "vendemos ni cedemos sus datos a nadie para fines publicitarios."
            ),
            (
                "This website sets only the cookies it needs to work, such as "
                "the one that keeps an editor signed in. We do not use "
                "advertising or tracking cookies."
            ): (
                "Este sitio web solo usa las cookies que necesita para "
                "funcionar, como la que mantiene abierta la sesión de un "
                "editor. No usamos cookies de publicidad ni de seguimiento."
            ),
            "How long we keep it": "Cuánto tiempo los conservamos",
            (
                "We keep members' records for as long as they are members and "
                "for six years afterwards, as the law on charities' accounts "
                "requires for payment records. You can unsubscribe from any "
                "bulletin at any time with the link at the foot of each email."
            ): (
                "Conservamos los datos de los miembros mientras lo sean y seis "
                "años más, como exige la ley sobre las cuentas de las "
                "organizaciones benéficas para los registros de pagos. Puede "
                "darse de baja de cualquier boletín en cualquier momento con el "
                "enlace que aparece al pie de cada correo."
            ),
            "Your rights": "Sus derechos",
            (
                "You may ask to see the data we hold about you, to have it "
                "corrected or deleted, or to object to how we use it. If you "
                "are not satisfied with our answer you may complain to the "
                "Information Commissioner's Office."
            ): (
                "Puede pedirnos ver los datos que tenemos sobre usted, que los "
                "corrijamos o eliminemos, u oponerse al uso que hacemos de "
                "ellos. Si nuestra respuesta no le satisface, puede presentar "
                "una queja ante la Information Commissioner's Office, la "
                "autoridad británica de protección de datos."
            ),
        },
    ),
    TranslationSpec(
        "contact",
        {
            "Contact us": "Contacto",
            "contact": "contacto",
            "How to reach the Peru Support Group.": (
                "Cómo comunicarse con el Peru Support Group."
            ),
            (
                "Write to us at info@perusupportgroup.org.uk. We are a small "
                "team, mostly working part-time, and we aim to answer within a "
                "week."
            ): (
                "Escríbanos a info@perusupportgroup.org.uk. Somos un equipo "
                "pequeño, casi todos a tiempo parcial, y procuramos responder "
                "en el plazo de una semana."
            ),
            "By post": "Por correo postal",
            "Peru Support Group, PO Box 70412, London N1 9ZQ.": (
                "Peru Support Group, PO Box 70412, Londres N1 9ZQ, Reino Unido."
            ),
            "Press and speaking requests": "Prensa y solicitudes de ponentes",
            (
                "Journalists and event organisers looking for a speaker on "
                "Peru, or for a contact in one of its regions, are welcome to "
                "write to the same address; please tell us your deadline."
            ): (
                "Los periodistas y organizadores de eventos que busquen un "
                "ponente sobre el Perú, o un contacto en alguna de sus regiones, "
                "pueden escribir a la misma dirección, indicando su fecha "
                "límite."
            ),
        },
    ),
]
