"""Demo authors, series and news items, oldest first.

Written for the demo in the manner of the PSG's bulletin; the people quoted
and the smaller places named are invented.
"""

from .spec import AuthorSpec, Heading, NewsSpec, Paragraphs, Picture, Quote, SeriesSpec

AUTHORS = [
    AuthorSpec(
        name="Clare Whitfield",
        role="Editor, PSG Update",
        bio=(
            "Clare Whitfield edits the PSG's news bulletin. She lived in "
            "Cajamarca in the 1990s and has followed Peruvian politics since."
        ),
    ),
    AuthorSpec(
        name="Jorge Quispe Mamani",
        role="Correspondent in Puno",
        bio=(
            "Jorge Quispe Mamani is a journalist in Puno who writes about the "
            "altiplano's communities, their lake and their politics."
        ),
    ),
    AuthorSpec(
        name="Ana Lucía Torres",
        role="Correspondent in Madre de Dios",
        bio=(
            "Ana Lucía Torres works with indigenous organisations in Puerto "
            "Maldonado on land titling and forest protection."
        ),
    ),
]

SERIES = [
    SeriesSpec(
        slug="letter-from-cajamarca",
        name="Letter from Cajamarca",
        region="cajamarca",
        description=(
            "Notes from the northern highlands, where mining, water and the "
            "rondas campesinas shape everyday politics."
        ),
    ),
    SeriesSpec(
        slug="letter-from-puno",
        name="Letter from Puno",
        region="puno",
        description=(
            "Reports from the altiplano and the shores of Lake Titicaca, by our "
            "correspondent in Puno."
        ),
    ),
    SeriesSpec(
        slug="madre-de-dios-diary",
        name="Madre de Dios Diary",
        region="madre-de-dios",
        description=(
            "A diary from Peru's Amazonian frontier: gold, forests and the "
            "territories of its indigenous peoples."
        ),
    ),
]

CLARE, JORGE, ANA = (author.name for author in AUTHORS)

NEWS = [
    NewsSpec(
        slug="letter-from-cajamarca-the-keepers-of-the-lagoons",
        title="Letter from Cajamarca: the keepers of the lagoons",
        days_ago=650,
        kind="letter",
        series="letter-from-cajamarca",
        authors=(CLARE,),
        regions=("cajamarca",),
        topics=("water", "mining"),
        teaser=(
            "High above Celendín, farmers take turns to watch over the lagoons "
            "that feed their springs. The mine next door, they say, has never "
            "convinced them that water and gold can share a mountain."
        ),
        body=[
            Paragraphs(
                "The road from Cajamarca to Celendín climbs through eucalyptus "
                "and potato fields before it reaches the jalca, the cold, wet "
                "grassland above 3,500 metres where the springs of the northern "
                "highlands begin. Up here, in a hut of stone and corrugated iron, "
                "two men from the village below keep watch over a lagoon the "
                "colour of slate.",
                "They are guardianes de las lagunas, lagoon keepers, and they "
                "work in shifts of a week. Their village is one of a dozen that "
                "have organised the watch since a mining company first marked "
                "out the area for exploration more than a decade ago.",
            ),
            Heading("A rota for the water"),
            Paragraphs(
                "The rota is organised by the rondas campesinas, the peasant "
                "patrols that have kept order in the Cajamarca countryside since "
                "the 1970s. Each household sends someone in turn; those who "
                "cannot go pay a neighbour to take their place. Nobody is paid by "
                "anyone else.",
            ),
            Quote(
                "If the lagoons go, we go too. There is no other water up here, "
                "and no engineer has ever shown us where a new one would come "
                "from.",
                "A lagoon keeper above Celendín",
            ),
            Picture(
                "cajamarca-valley",
                caption="The jalca above Celendín, where the springs begin.",
            ),
            Heading("Trust in short supply"),
            Paragraphs(
                "The company says that its project has been redesigned, that "
                "reservoirs would replace the lagoons and that the farmers "
                "downstream would have more water, not less. The families on the "
                "jalca have heard such promises before. What they want is an "
                "independent study of the watershed, done with them rather than "
                "for them, and a say in what follows.",
            ),
        ],
    ),
    NewsSpec(
        slug="espinar-health-monitoring-still-awaited",
        title="Espinar: health monitoring still awaited",
        days_ago=560,
        kind="news",
        authors=(CLARE,),
        regions=("cusco",),
        topics=("mining", "human-rights", "water"),
        teaser=(
            "Years after tests found heavy metals in the blood of people living "
            "near the mines of Espinar, the health plan promised by the state "
            "has still not been put into practice."
        ),
        body=[
            Paragraphs(
                "Communities in the province of Espinar, in the south of Cusco, "
                "have renewed their call for the health plan they were promised "
                "after studies found arsenic, lead and cadmium in the blood and "
                "urine of many residents living near the copper mines of the "
                "area.",
                "A coalition of local organisations, supported by Peruvian human "
                "rights groups, says that the ministry of health has neither "
                "opened the specialised clinic it announced nor begun the regular "
                "monitoring of water sources that was agreed at a dialogue table.",
            ),
            Heading("Agreements without follow-up"),
            Paragraphs(
                "The complaint is a familiar one. Dialogue tables in the mining "
                "regions produce long lists of commitments, but nobody is given "
                "the budget or the authority to see them through, and within a "
                "year the ministers who signed them have usually moved on.",
            ),
            Quote(
                "We have signed minutes of agreement with four governments. Our "
                "children are still drinking the same water.",
                "A member of a women's association in Espinar",
            ),
            Picture(
                "terraced-hillside",
                caption="Farmland in the southern highlands of Cusco.",
            ),
            Heading("What the communities ask"),
            Paragraphs(
                "The organisations ask for an independent environmental "
                "assessment of the watershed, treatment for those already "
                "affected, and a monitoring committee in which the communities "
                "themselves take part. They also want the company's contributions "
                "to local development to be set down in a binding agreement.",
            ),
        ],
    ),
    NewsSpec(
        slug="madre-de-dios-diary-after-the-soldiers-leave",
        title="Madre de Dios Diary: after the soldiers leave",
        days_ago=470,
        kind="letter",
        series="madre-de-dios-diary",
        authors=(ANA,),
        regions=("madre-de-dios",),
        topics=("mining", "environment"),
        teaser=(
            "A year after police and soldiers moved into the gold-mining "
            "corridor along the Interoceanic Highway, the camps are quieter. "
            "But the miners have not gone far, and the promised alternatives "
            "have barely begun."
        ),
        body=[
            Paragraphs(
                "Driving west from Puerto Maldonado along the Interoceanic "
                "Highway, you pass mile after mile of grey sand and stagnant "
                "pools where there was forest fifteen years ago. This is the "
                "mining corridor, and for a year it has been patrolled by police "
                "and soldiers sent to close the illegal camps.",
                "The operation has had results. The largest camps have emptied, "
                "the bars and brothels that grew up around them have closed, and "
                "the satellite images show less forest being cleared along the "
                "road.",
            ),
            Heading("Where did the miners go?"),
            Paragraphs(
                "Many of the miners came from Cusco and Puno, and some have gone "
                "home. Others have simply moved deeper into the forest, to the "
                "rivers of the buffer zone of the Tambopata reserve, where the "
                "patrols rarely reach.",
            ),
            Quote(
                "They closed the camp, but nobody asked what a man with a dredge "
                "and three children should do next.",
                "A former miner in Mazuko",
            ),
            Picture(
                "amazon-river",
                caption="A river in the lowland forest of Madre de Dios.",
            ),
            Heading("The alternatives"),
            Paragraphs(
                "The government has promised a development plan for the "
                "corridor: titles for small farmers, support for Brazil nut "
                "harvesting and fish farming, and a route into legality for the "
                "miners who can meet the environmental rules. So far, the plan "
                "exists mainly on paper.",
            ),
        ],
    ),
    NewsSpec(
        slug="letter-from-puno-prior-consultation-reaches-the-altiplano",
        title="Letter from Puno: prior consultation reaches the altiplano",
        days_ago=400,
        kind="letter",
        series="letter-from-puno",
        authors=(JORGE,),
        regions=("puno",),
        topics=("indigenous-rights", "mining"),
        related=("prior-consultation-in-practice",),
        teaser=(
            "An Aymara community near the border with Moquegua has won a court "
            "ruling that mining concessions on its land should have been the "
            "subject of prior consultation. Now comes the hard part: making the "
            "ruling count."
        ),
        body=[
            Paragraphs(
                "The community of Chilliwaya (the name is changed here at its "
                "leaders' request) sits at 4,300 metres, among pastures where "
                "families herd alpacas and llamas. Most of its land is covered by "
                "mining concessions that were granted in Lima without anyone "
                "coming to ask.",
                "Last month a court in Puno agreed with the community that the "
                "state had breached its right to prior consultation, and ordered "
                "the ministry of energy and mines to review the concessions.",
            ),
            Heading("A right on paper"),
            Paragraphs(
                "Peru's law on prior consultation, passed in 2011, was meant to "
                "give indigenous peoples a voice before decisions that affect "
                "them. But the ministry has long argued that granting a "
                "concession affects nobody, since it only gives the right to "
                "apply for further permits. The court in Puno rejected that "
                "argument.",
            ),
            Quote(
                "They sold our land to the companies without telling us. Now the "
                "judge has told them that we exist.",
                "The community's president",
            ),
            Picture(
                "altiplano-lake",
                caption="Grazing land on the altiplano near the lake.",
            ),
            Heading("What happens next"),
            Paragraphs(
                "The ministry has appealed, and the case may take years to reach "
                "the constitutional court. Meanwhile the community, with the help "
                "of a small NGO in Puno, is mapping its territory, so that when "
                "consultation does come it can show exactly what is at stake.",
            ),
        ],
    ),
    NewsSpec(
        slug="forced-sterilisations-women-return-to-court",
        title="Forced sterilisations: women return to court",
        days_ago=330,
        kind="news",
        authors=(CLARE,),
        regions=("lima-province", "cusco"),
        topics=("forced-sterilisations", "gender", "justice-and-memory"),
        related=("submission-on-forced-sterilisations",),
        teaser=(
            "The case of the women sterilised without their consent in the "
            "1990s is back before the courts in Lima. For the women of Anta, "
            "who have campaigned for a quarter of a century, it is one more "
            "hearing in a long wait for justice."
        ),
        body=[
            Paragraphs(
                "Hundreds of women travelled to Lima this week, many of them "
                "from the highlands of Cusco, to attend the latest hearing in the "
                "case of the forced sterilisations carried out under the "
                "government of Alberto Fujimori.",
                "More than 270,000 women, most of them poor, rural and Quechua "
                "speaking, were sterilised under a family planning programme in "
                "the second half of the 1990s. Thousands say that they were "
                "never asked, or were threatened, deceived or offered food in "
                "exchange.",
            ),
            Heading("Twenty-five years of delay"),
            Paragraphs(
                "The investigation has been opened and closed several times. "
                "Each time the women's lawyers have had to start again, while "
                "some of the women have died and others have grown too frail to "
                "travel. A national register of victims exists, but the "
                "reparations it was meant to lead to have not arrived.",
            ),
            Quote(
                "They took away our right to have children. We will not let them "
                "take away our right to justice.",
                "A member of the association of affected women of Anta",
            ),
            Picture(
                "andean-weaving",
                caption="Weaving from the highlands of Cusco.",
            ),
            Heading("International attention"),
            Paragraphs(
                "United Nations committees have repeatedly asked Peru to "
                "investigate the sterilisations and to make reparations. The "
                "PSG has raised the case in its submissions and will follow the "
                "hearings as they continue.",
            ),
        ],
    ),
    NewsSpec(
        slug="another-spill-on-the-northern-pipeline",
        title="Another spill on the northern pipeline",
        days_ago=260,
        kind="news",
        authors=(CLARE,),
        regions=("loreto",),
        topics=("environment", "indigenous-rights", "water"),
        teaser=(
            "Crude oil has again leaked from the ageing pipeline that carries "
            "oil from the Amazon to the coast. Kukama communities on the "
            "Marañón say the river is their only source of water and food."
        ),
        body=[
            Paragraphs(
                "Indigenous organisations in Loreto have reported a new spill "
                "from the northern Peruvian pipeline, which carries crude from "
                "the oil fields of the Amazon across the Andes to the Pacific "
                "coast. The oil reached a stream that flows into the Marañón "
                "river, upstream of several Kukama communities.",
                "It is the latest of dozens of spills along the pipeline, which "
                "is more than forty years old. The state oil company blames many "
                "of them on sabotage; the communities say the pipe is corroded "
                "and badly maintained.",
            ),
            Heading("Living downstream"),
            Paragraphs(
                "For the communities along the Marañón, the river is water, food "
                "and road. After each spill, fishing stops, and families depend "
                "on bottled water that arrives late and in small amounts.",
            ),
            Quote(
                "The oil goes to the coast, the money goes to Lima, and the "
                "spill stays with us.",
                "A Kukama leader on the Marañón",
            ),
            Picture(
                "amazon-river",
                caption="A tributary of the Marañón in Loreto.",
            ),
            Heading("Calls for a new pipeline plan"),
            Paragraphs(
                "Indigenous federations are calling for an independent audit of "
                "the pipeline and for a plan to replace its most worn sections, "
                "with the communities along the route consulted on how it is "
                "done.",
            ),
        ],
    ),
    NewsSpec(
        slug="madre-de-dios-diary-keeping-the-reserve-together",
        title="Madre de Dios Diary: keeping the reserve together",
        days_ago=200,
        kind="letter",
        series="madre-de-dios-diary",
        authors=(ANA,),
        regions=("madre-de-dios",),
        topics=("indigenous-rights", "climate-change", "environment"),
        related=("madre-de-dios-diary-after-the-soldiers-leave",),
        teaser=(
            "In a communal reserve run jointly by indigenous peoples and the "
            "state, the Harakbut, Matsigenka and Yine are showing what forest "
            "protection can look like when those who live there are in charge."
        ),
        body=[
            Paragraphs(
                "The meeting took place in a village school, with chairs brought "
                "from three communities and a generator for the projector. On "
                "the agenda: the state of the communal reserve that the Harakbut, "
                "Matsigenka and Yine peoples manage together with the national "
                "protected areas service.",
                "Co-management, as it is called, means that the communities sit "
                "on the reserve's board, employ their own park guards and decide "
                "with the state what may happen inside it.",
            ),
            Heading("Titles, piece by piece"),
            Paragraphs(
                "The leaders' main complaint is about land. Peruvian law titles "
                "indigenous land community by community, a slow and expensive "
                "process, and leaves the forest between communities open to "
                "concessions. They want their territories recognised as a whole.",
            ),
            Quote(
                "The reserve is standing because we are standing in it. Take us "
                "out and the miners and loggers walk in.",
                "A Harakbut member of the reserve's board",
            ),
            Picture(
                "amazon-river",
                caption="Forest and river in the buffer zone of the reserve.",
            ),
            Heading("Carbon and its promises"),
            Paragraphs(
                "The meeting also heard about carbon credits. Some leaders see "
                "them as a way to pay for the guards; others fear contracts they "
                "cannot read and money that will never reach the communities. "
                "They agreed to sign nothing without a full assembly.",
            ),
        ],
    ),
    NewsSpec(
        slug="letter-from-cajamarca-the-rondas-and-the-courts",
        title="Letter from Cajamarca: the rondas and the courts",
        days_ago=150,
        kind="letter",
        series="letter-from-cajamarca",
        authors=(CLARE,),
        regions=("cajamarca",),
        topics=("human-rights", "indigenous-rights"),
        related=("letter-from-cajamarca-the-keepers-of-the-lagoons",),
        teaser=(
            "The rondas campesinas settle disputes, chase cattle thieves and "
            "defend the water. Now several of their leaders face trial, and the "
            "question of who keeps order in the countryside is in the courts."
        ),
        body=[
            Paragraphs(
                "In the town square of Bambamarca, a group of ronderos in "
                "ponchos and straw hats waits outside the courthouse. Three of "
                "their leaders are accused of kidnapping, for having detained "
                "two men suspected of stealing cattle and made them walk, as the "
                "rondas' custom has it, from village to village.",
            ),
            Heading("Justice of their own"),
            Paragraphs(
                "The rondas grew up in the 1970s, when there were no police in "
                "the countryside and cattle rustling was rife. The constitution "
                "now recognises their role, and the supreme court has ruled that "
                "their decisions deserve respect within limits. But the limits "
                "are vague, and prosecutors interpret them as they wish.",
            ),
            Quote(
                "When the thieves came, the state was not here. Now that we keep "
                "the peace, the state remembers us only to put us on trial.",
                "A rondero in Bambamarca",
            ),
            Picture(
                "cajamarca-valley",
                caption="The countryside of Hualgayoc province.",
            ),
            Heading("Protest and prosecution"),
            Paragraphs(
                "The ronderos believe that they are being prosecuted for "
                "another reason: the rondas have led the opposition to mining "
                "projects in the province. Human rights lawyers who follow the "
                "case say that it fits a wider pattern of criminal charges "
                "brought against people who take part in protest.",
            ),
        ],
    ),
    NewsSpec(
        slug="the-political-reform-congress-left-unfinished",
        title="Analysis: the political reform Congress left unfinished",
        days_ago=110,
        kind="analysis",
        authors=(CLARE,),
        regions=("lima-province",),
        topics=("political-reform", "corruption"),
        teaser=(
            "Reforms meant to strengthen political parties and clean up "
            "campaign finance have been diluted, delayed or reversed. With "
            "elections approaching, Peru's voters face a fragmented field and "
            "little reason for confidence."
        ),
        body=[
            Paragraphs(
                "A few years ago a commission of experts proposed a package of "
                "political reforms: primaries within parties, limits on private "
                "campaign money, an end to parliamentary immunity and rules to "
                "stop candidates with criminal convictions from standing. Some "
                "were approved after a referendum; many have since been undone.",
            ),
            Heading("A Congress that reforms itself"),
            Paragraphs(
                "Congress has brought back a second chamber, which voters had "
                "rejected, relaxed the rules on party registration and "
                "postponed the primaries. Each change was presented as technical; "
                "together they protect the small parties that dominate the "
                "legislature.",
                "Meanwhile the number of parties registered to stand has grown "
                "again, and surveys show trust in Congress at the lowest level "
                "in the region.",
            ),
            Quote(
                "Peru does not lack reform proposals. It lacks a political class "
                "with any interest in carrying them out.",
                "A political scientist in Lima",
            ),
            Picture(
                "coast-at-dusk",
                caption="Lima's clifftop districts at dusk.",
            ),
            Heading("What to watch"),
            Paragraphs(
                "Three questions will shape the coming elections: whether the "
                "electoral bodies keep their independence, whether the courts "
                "allow candidates with pending corruption cases to stand, and "
                "whether voters in the regions turn out for parties that barely "
                "exist outside Lima.",
            ),
        ],
    ),
    NewsSpec(
        slug="new-dialogue-table-for-the-southern-mining-corridor",
        title="New dialogue table for the southern mining corridor",
        days_ago=80,
        kind="news",
        authors=(CLARE,),
        regions=("apurimac", "cusco"),
        topics=("mining", "social-conflict"),
        related=("espinar-health-monitoring-still-awaited",),
        teaser=(
            "After weeks of road blockades between Apurímac and Cusco, the "
            "government has set up another dialogue table for the southern "
            "mining corridor. Communities want the commitments of earlier "
            "tables kept first."
        ),
        body=[
            Paragraphs(
                "The government has named a high commissioner to lead a new "
                "dialogue table for the southern mining corridor, the road along "
                "which copper concentrate travels from the mines of Apurímac and "
                "Cusco to the port of Matarani.",
                "The appointment follows weeks in which communities along the "
                "road blocked it to protest against dust, traffic and what they "
                "say are unfulfilled promises of jobs and investment.",
            ),
            Heading("The weight of earlier promises"),
            Paragraphs(
                "The communities have been here before. Earlier tables produced "
                "agreements on paving the road, on compensation for land and on "
                "local hiring; few have been carried out. This time the "
                "commissioner is charged with monitoring compliance and reporting "
                "to the Council of Ministers.",
            ),
            Quote(
                "We are not against the mine. We are against being lied to.",
                "A community president in Chumbivilcas",
            ),
            Picture(
                "terraced-hillside",
                caption="Terraced fields along the corridor in Apurímac.",
            ),
            Heading("A state of emergency"),
            Paragraphs(
                "Parts of the corridor remain under a state of emergency, which "
                "suspends freedom of assembly. Human rights organisations have "
                "asked the government to lift it while talks continue, arguing "
                "that dialogue and emergency rule do not mix.",
            ),
        ],
    ),
    NewsSpec(
        slug="letter-from-puno-a-lake-in-trouble",
        title="Letter from Puno: a lake in trouble",
        days_ago=55,
        kind="letter",
        series="letter-from-puno",
        authors=(JORGE,),
        regions=("puno",),
        topics=("water", "environment", "climate-change"),
        related=("letter-from-puno-prior-consultation-reaches-the-altiplano",),
        teaser=(
            "Lake Titicaca is lower than it has been for decades, and the bay "
            "of Puno is choked with sewage and weed. Fishermen and farmers on "
            "its shores are paying the price of drought and neglect."
        ),
        body=[
            Paragraphs(
                "From the pier in Puno, the boats that carry visitors to the "
                "floating islands now set off across a bay of green weed. The "
                "city's sewage has flowed into it for years, and the treatment "
                "plant promised by successive governments has never been "
                "finished.",
                "This year there is a second worry: the lake is low. A long dry "
                "season and late rains have left the water level well below "
                "normal, exposing reed beds and mudflats along the shore.",
            ),
            Heading("Fewer fish, less pasture"),
            Paragraphs(
                "Fishermen on the peninsula of Capachica say the native fish "
                "have almost gone, and the introduced trout are harder to find. "
                "Inland, the drought has withered the pastures, and families are "
                "selling animals they cannot feed.",
            ),
            Quote(
                "My grandfather fished here all his life. My son will not be able to.",
                "A fisherman in Capachica",
            ),
            Picture(
                "altiplano-lake",
                caption="The shore of Lake Titicaca near Puno.",
            ),
            Heading("Waiting for the plant"),
            Paragraphs(
                "The regional government says the treatment plant will be "
                "finished next year. Local organisations are asking for "
                "something more: a plan for the whole basin, shared with Bolivia, "
                "that deals with mining waste from the rivers as well as the "
                "sewage of the cities.",
            ),
        ],
    ),
    NewsSpec(
        slug="ayacucho-the-search-for-the-disappeared-goes-on",
        title="Ayacucho: the search for the disappeared goes on",
        days_ago=30,
        kind="news",
        authors=(CLARE,),
        regions=("ayacucho",),
        topics=("justice-and-memory", "human-rights"),
        teaser=(
            "Forensic teams have returned the remains of eleven people killed "
            "during the internal armed conflict to their families in Ayacucho. "
            "More than 20,000 people are still missing."
        ),
        body=[
            Paragraphs(
                "In a church in Huamanga, eleven small coffins stood in a row "
                "last week, each with a photograph and a candle. They held the "
                "remains of men and women from a highland community who were "
                "taken away by soldiers in the 1980s and never seen again.",
                "The remains were found by the state's search teams in a grave "
                "above the village and identified through DNA taken from their "
                "relatives.",
            ),
            Heading("A long search"),
            Paragraphs(
                "Peru passed a law on the search for the disappeared in 2016, "
                "shifting the emphasis from prosecution to the families' need to "
                "find and bury their dead. Progress has been steady but slow: "
                "the register of missing persons lists more than 20,000 names.",
            ),
            Quote(
                "I looked for my father for forty years. Now I know where he is, "
                "and I can bring him home.",
                "A daughter at the ceremony in Huamanga",
            ),
            Picture(
                "andean-weaving",
                caption="Weaving of the kind laid on the coffins in Huamanga.",
            ),
            Heading("Memory under pressure"),
            Paragraphs(
                "Human rights organisations warn that a recent law closing "
                "prosecutions for crimes committed before 2002 threatens the "
                "families' right to truth as well as to justice. They have asked "
                "the Inter-American Court to rule on it.",
            ),
        ],
    ),
    NewsSpec(
        slug="madre-de-dios-diary-what-the-river-carries",
        title="Madre de Dios Diary: what the river carries",
        days_ago=12,
        kind="letter",
        series="madre-de-dios-diary",
        authors=(ANA,),
        regions=("madre-de-dios",),
        topics=("mining", "water", "environment"),
        related=(
            "madre-de-dios-diary-keeping-the-reserve-together",
            "gold-mercury-and-forest",
        ),
        teaser=(
            "Mercury used to separate gold from river sand is turning up in the "
            "fish, and in the hair of the people who eat them. Communities "
            "downstream of the mines are asking who will test, treat and pay."
        ),
        body=[
            Paragraphs(
                "In the communities along the lower Madre de Dios river, fish "
                "is eaten at almost every meal. Tests by a university team have "
                "found mercury in many of the fish caught there, and in the hair "
                "of many of the people who eat them, at levels well above what "
                "the World Health Organization considers safe.",
            ),
            Heading("Where the mercury comes from"),
            Paragraphs(
                "Small-scale miners mix mercury with the sand they dredge from "
                "the rivers, so that it binds to the fine gold. The amalgam is "
                "then burnt, often in the open, and much of the mercury ends up "
                "in the air and the water. Peru has signed the Minamata "
                "Convention, but mercury is still easy to buy in Puerto "
                "Maldonado.",
            ),
            Quote(
                "We do not mine. We do not use mercury. But we are the ones who "
                "carry it in our bodies.",
                "A community health worker on the lower Madre de Dios",
            ),
            Picture(
                "amazon-river",
                caption="The lower Madre de Dios river.",
            ),
            Heading("Asking for a plan"),
            Paragraphs(
                "Indigenous organisations are asking the health ministry for "
                "regular testing, for advice on which fish are safe to eat, and "
                "for a programme to help miners change to mercury-free methods, "
                "which exist but cost more.",
            ),
        ],
    ),
    NewsSpec(
        slug="editorial-protect-those-who-defend-the-land",
        title="Editorial: protect those who defend the land",
        days_ago=5,
        kind="editorial",
        authors=(CLARE,),
        regions=("cajamarca", "puno", "madre-de-dios"),
        topics=("human-rights", "social-conflict", "environment"),
        related=(
            "letter-from-cajamarca-the-rondas-and-the-courts",
            "new-dialogue-table-for-the-southern-mining-corridor",
        ),
        teaser=(
            "Peru has a protocol to protect human rights defenders. It now "
            "needs the budget, the will and the courts to make it work, before "
            "more community leaders are threatened, prosecuted or killed."
        ),
        body=[
            Paragraphs(
                "Across Peru, the people who defend forests, rivers and "
                "community land are paying a high price. Indigenous leaders in "
                "the Amazon have been murdered for reporting illegal logging and "
                "drug trafficking. Community leaders in the Andes face years of "
                "criminal proceedings for taking part in protests.",
            ),
            Heading("A protocol is not enough"),
            Paragraphs(
                "Peru has adopted a protocol and an early warning system for "
                "human rights defenders. But the mechanism has a handful of "
                "staff for the whole country, threats reported to it are rarely "
                "investigated, and Congress has refused to ratify the Escazú "
                "Agreement, which Peru signed and which would oblige the state "
                "to protect environmental defenders.",
            ),
            Quote(
                "A defender who is protected on paper and abandoned in practice "
                "is still in danger.",
            ),
            Picture(
                "cajamarca-valley",
                caption="The highlands where many defenders live and work.",
            ),
            Heading("What the UK can do"),
            Paragraphs(
                "The British government and British companies can help: by "
                "raising cases with the Peruvian authorities, by supporting the "
                "defenders' mechanism, and by making sure that companies listed "
                "in London respect the rights of the communities where they "
                "operate. We will continue to press for all three.",
            ),
        ],
    ),
]
