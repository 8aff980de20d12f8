"""The demo site's frame: sections, standard pages, settings, menus, sidebar.

Links name their target by a page key (a section's key or a standard page's
slug) or, failing that, by URL.
"""

from .spec import Heading, Paragraphs, Quote, StandardPageSpec

HOME_INTRODUCTION = (
    "The Peru Support Group works with Peruvian organisations and their friends "
    "in Britain and Europe for human rights, social inclusion and democracy in "
    "Peru. Follow our news and letters from the regions, read our reports and "
    "briefings in English and Spanish, and join us at our events."
)

# (key, model label, title, slug, introduction)
SECTIONS = [
    (
        "news",
        "news.NewsIndexPage",
        "All news",
        "news",
        "News, analysis and letters from Peru's regions: mining and water, "
        "indigenous rights and prior consultation, political reform, justice "
        "and memory.",
    ),
    (
        "publications",
        "publications.PublicationIndexPage",
        "Resources",
        "publications",
        "Reports, briefings, case studies and submissions by the Peru Support "
        "Group and its partners, most of them in English and Spanish.",
    ),
    (
        "events",
        "events.EventIndexPage",
        "Events",
        "events",
        "Talks, launches and meetings in London and online, organised by the "
        "Peru Support Group and its partners.",
    ),
    (
        "regions",
        "taxonomy.RegionIndexPage",
        "Regions",
        "regions",
        "Follow a region across twenty years of news, reports and events: the "
        "map shows how much each of Peru's 26 regions has had in the last year.",
    ),
    (
        "topics",
        "taxonomy.TopicIndexPage",
        "Topics",
        "topics",
        "Follow a theme across the archive: mining and water, indigenous "
        "rights, forced sterilisations, justice and memory.",
    ),
]

ORGANISATION = {
    "name": "Peru Support Group",
    "charity_number": "1155323",
    # An invented address for the demo; the editor enters the real one.
    "address": "Peru Support Group\nPO Box 70412\nLondon\nN1 9ZQ",
    "email": "info@perusupportgroup.org.uk",
    "tagline": "Human rights, social inclusion and democracy in Peru",
}

# Invented bank details for the demo, so the join pages show how to pay;
# the membership secretary enters the real ones under Settings.
BANK_DETAILS = {
    "bank_name": "Demo Bank plc",
    "sort_code": "00-00-00",
    "account_number": "00000000",
    "cheque_address": (
        "Membership Secretary\nPeru Support Group\nPO Box 70412\nLondon\nN1 9ZQ"
    ),
    "secretary_email": "membership@perusupportgroup.org.uk",
}

# (label, page key, URL)
MENU = [
    ("News", "news", ""),
    ("Publications", "publications", ""),
    ("Events", "events", ""),
    ("Regions", "regions", ""),
    ("Topics", "topics", ""),
    ("About", "about", ""),
    ("Join", "", "/join/"),
]

FOOTER_LINKS = [
    ("Privacy", "privacy", ""),
    ("Contact", "contact", ""),
    ("About", "about", ""),
]

# (network, URL)
SOCIAL_LINKS = [
    ("x", "https://twitter.com/PeruSupportGrp"),
    ("facebook", "https://www.facebook.com/perusupportgroup"),
]

AIMS_TEXT = (
    "The Peru Support Group exists to promote social inclusion, sustainable "
    "development and the observance of human rights in Peru. To that end the PSG "
    "highlights shortcomings in observance of established norms, whether "
    "international or local in nature, in its research, advocacy and "
    "publications. In so doing, it underscores the relationships that exist "
    "within the political system, how institutions work, and the effectiveness "
    "of policies that aim to reduce poverty and inequality within the context of "
    "sustainable development."
)
HISTORY_TEXT = (
    "Over the past century Peru has suffered a series of autocratic governments "
    "and a civil war in which nearly 70,000 people died. Many of the country's "
    "ongoing political and social problems are a legacy of its somewhat "
    "turbulent past."
)
HUMAN_RIGHTS_TEXT = (
    "Human rights violations were widespread during the twenty years after the "
    "initiation of armed conflict in 1980. Efforts to convict perpetrators since "
    "the war's end have made only limited progress. Today, concerns remain over "
    "the treatment of those engaged in social protest, particularly against "
    "strategically important investment projects."
)
WHY_JOIN_TEXT = (
    "- Keep up to date with latest news and developments in Peru\n"
    "- Learn about key issues of poverty, development and human rights in Peru\n"
    "- Support the work of the Peru Support Group"
)

# (title, text, link label, page key, URL), in the order of the sidebar.
PROMOS = [
    ("PSG Aims", AIMS_TEXT, "Read more", "aims", ""),
    ("Historical Overview", HISTORY_TEXT, "Read more", "historical-overview", ""),
    ("Human Rights", HUMAN_RIGHTS_TEXT, "Read more", "human-rights", ""),
    ("Why join the PSG?", WHY_JOIN_TEXT, "Become a member", "", "/join/"),
]

STANDARD_PAGES = [
    StandardPageSpec(
        slug="about",
        title="About the Peru Support Group",
        introduction=(
            "A membership organisation in the United Kingdom that works with "
            "Peruvian groups on human rights, social inclusion and democracy."
        ),
        body=[
            Paragraphs(
                "The Peru Support Group (PSG) brings together people in Britain "
                "and Ireland who care about Peru: people who have lived and worked "
                "there, Peruvians living in the UK, academics, journalists, "
                "development agencies and church groups. We follow events in Peru "
                "closely, with the help of partner organisations across the "
                "country, and use what we learn to inform the public and to press "
                "for change.",
            ),
            Heading("What we do"),
            Paragraphs(
                "We publish news, analysis and letters from Peru's regions, and "
                "longer reports and briefings in English and Spanish. We brief "
                "members of both Houses of Parliament, officials and embassies, "
                "and we make submissions to United Nations bodies when Peru's "
                "human rights record is reviewed.",
                "We organise talks and launches in London and online, and from "
                "time to time we send delegations to regions where communities "
                "face conflicts over land, water and mining, so that their "
                "accounts are heard outside Peru.",
            ),
            Quote(
                "Our task is to listen to the people most affected by decisions "
                "taken far away, and to make sure they are heard where those "
                "decisions are made.",
                "From the PSG's statement of purpose",
            ),
            Heading("How we are run"),
            Paragraphs(
                "The PSG is a registered charity governed by a board of trustees "
                "elected by the members at the annual general meeting. A small "
                "staff and a team of volunteers do its work, which is paid for by "
                "members' subscriptions, donations and grants from trusts and "
                "development agencies.",
            ),
        ],
    ),
    StandardPageSpec(
        slug="aims",
        title="Our aims",
        introduction=(
            "Social inclusion, sustainable development and the observance of "
            "human rights in Peru."
        ),
        body=[
            Paragraphs(AIMS_TEXT),
            Heading("Research and publications"),
            Paragraphs(
                "We look at how Peru's institutions work in practice: whether "
                "laws on prior consultation, water and the environment are "
                "applied, whether regional and local governments have the means "
                "to govern, and whether policies meant to reduce poverty reach "
                "the people they are meant for.",
            ),
            Heading("Advocacy"),
            Paragraphs(
                "We take what our partners tell us to those who can act on it: "
                "parliamentarians, the Foreign Office, the European Union, "
                "United Nations bodies and the companies, many of them listed in "
                "London, that invest in Peru's mines and oil fields.",
            ),
            Heading("Solidarity"),
            Paragraphs(
                "We keep our members and the public informed, and we support "
                "Peruvian organisations defending the rights of indigenous "
                "peoples, rural communities, women and those who seek justice for "
                "the violence of the past.",
            ),
        ],
    ),
    StandardPageSpec(
        slug="historical-overview",
        title="Historical overview",
        introduction=HISTORY_TEXT,
        body=[
            Heading("A century of strong men"),
            Paragraphs(
                "For much of the twentieth century Peru was governed by a narrow "
                "elite and, when elected governments faltered, by the army. The "
                "military government of 1968 to 1980 carried out a sweeping land "
                "reform that broke up the great estates of the coast and the "
                "highlands, but left many of the communities it meant to help "
                "without credit, roads or markets.",
            ),
            Heading("The internal armed conflict"),
            Paragraphs(
                "In 1980, as Peru returned to democracy, the Shining Path began "
                "an armed insurrection in Ayacucho. The violence that followed, "
                "by the insurgents, by the armed forces and by the police, spread "
                "across the Andes and the Amazon. The Truth and Reconciliation "
                "Commission later estimated that nearly 70,000 people died, three "
                "in four of them Quechua or Asháninka speakers from the poorest "
                "rural areas.",
            ),
            Quote(
                "The tragedy suffered by the populations of rural Peru was "
                "neither felt nor taken on as its own by the rest of the country.",
                "Truth and Reconciliation Commission, final report (2003)",
            ),
            Heading("Fujimori and after"),
            Paragraphs(
                "Alberto Fujimori, elected in 1990, closed Congress in 1992 and "
                "governed with the armed forces and the intelligence service "
                "until his regime collapsed in 2000 amid evidence of corruption. "
                "Since then Peru has held regular elections and enjoyed years of "
                "growth driven by mining, but its political parties are weak, "
                "presidents have rarely finished their terms, and conflicts over "
                "land and water are many.",
            ),
        ],
    ),
    StandardPageSpec(
        slug="human-rights",
        title="Human rights in Peru",
        introduction=HUMAN_RIGHTS_TEXT,
        body=[
            Heading("Justice for the past"),
            Paragraphs(
                "Two decades after the Truth and Reconciliation Commission "
                "reported, thousands of families still do not know where their "
                "disappeared relatives are buried. Trials have been few and slow, "
                "reparations uneven, and the women sterilised without their "
                "consent in the 1990s are still waiting for justice.",
            ),
            Heading("Protest and its policing"),
            Paragraphs(
                "Most of Peru's social conflicts are about land, water and the "
                "extraction of minerals and oil. States of emergency are declared "
                "readily, protesters have been killed by the security forces, and "
                "community leaders and environmental defenders face criminal "
                "charges that can take years to resolve.",
            ),
            Quote(
                "Defending the water is not a crime. We are defending the lives "
                "of our children.",
                "A community leader in Cajamarca",
            ),
            Heading("The rights of indigenous peoples"),
            Paragraphs(
                "Peru has ratified ILO Convention 169 and passed a law on prior "
                "consultation in 2011, but consultation is often reduced to a "
                "formality held after the decisions that matter have been taken. "
                "Many Andean and Amazonian communities still lack secure title to "
                "their land.",
            ),
        ],
    ),
    StandardPageSpec(
        slug="privacy",
        title="Privacy notice",
        introduction=(
            "How the Peru Support Group collects, uses and protects the personal "
            "data of its members, subscribers and visitors to this website."
        ),
        body=[
            Heading("Who we are"),
            Paragraphs(
                "The Peru Support Group is the data controller for the personal "
                "data described here. You can contact us about it at "
                "info@perusupportgroup.org.uk or at the postal address on our "
                "contact page.",
            ),
            Heading("What we collect and why"),
            Paragraphs(
                "When you join or renew your membership we keep your name, "
                "postal and email addresses and a record of your payments, so "
                "that we can send you our publications and manage your "
                "membership. When you subscribe to a bulletin we keep your email "
                "address and the bulletins you chose. We do not sell or share "
                "your data with anyone for their marketing.",
                "This website sets only the cookies it needs to work, such as "
                "the one that keeps an editor signed in. We do not use "
                "advertising or tracking cookies.",
            ),
            Heading("How long we keep it"),
            Paragraphs(
                "We keep members' records for as long as they are members and "
                "for six years afterwards, as the law on charities' accounts "
                "requires for payment records. You can unsubscribe from any "
                "bulletin at any time with the link at the foot of each email.",
            ),
            Heading("Your rights"),
            Paragraphs(
                "You may ask to see the data we hold about you, to have it "
                "corrected or deleted, or to object to how we use it. If you are "
                "not satisfied with our answer you may complain to the "
                "Information Commissioner's Office.",
            ),
        ],
    ),
    StandardPageSpec(
        slug="contact",
        title="Contact us",
        introduction="How to reach the Peru Support Group.",
        body=[
            Paragraphs(
                "Write to us at info@perusupportgroup.org.uk. We are a small "
                "team, mostly working part-time, and we aim to answer within a "
                "week.",
            ),
            Heading("By post"),
            Paragraphs(
                "Peru Support Group, PO Box 70412, London N1 9ZQ.",
            ),
            Heading("Press and speaking requests"),
            Paragraphs(
                "Journalists and event organisers looking for a speaker on "
                "Peru, or for a contact in one of its regions, are welcome to "
                "write to the same address; please tell us your deadline.",
            ),
        ],
    ),
]
