"""The vocabulary the site starts with; editors extend it in the admin.

Regions are Peru's 26 regional governments: 24 departments, the
Constitutional Province of Callao and Lima Province (Lima Metropolitana),
which has a regional government of its own apart from the Lima region.
"""

# (name, Spanish name, slug, aliases, capital)
REGIONS = [
    ("Amazonas", "Amazonas", "amazonas", "", "Chachapoyas"),
    ("Áncash", "Áncash", "ancash", "Ancash", "Huaraz"),
    ("Apurímac", "Apurímac", "apurimac", "Apurimac", "Abancay"),
    ("Arequipa", "Arequipa", "arequipa", "", "Arequipa"),
    ("Ayacucho", "Ayacucho", "ayacucho", "", "Ayacucho"),
    ("Cajamarca", "Cajamarca", "cajamarca", "", "Cajamarca"),
    ("Callao", "Callao", "callao", "", "Callao"),
    ("Cusco", "Cusco", "cusco", "Cuzco, Qosqo", "Cusco"),
    ("Huancavelica", "Huancavelica", "huancavelica", "", "Huancavelica"),
    ("Huánuco", "Huánuco", "huanuco", "Huanuco", "Huánuco"),
    ("Ica", "Ica", "ica", "", "Ica"),
    ("Junín", "Junín", "junin", "Junin", "Huancayo"),
    ("La Libertad", "La Libertad", "la-libertad", "", "Trujillo"),
    ("Lambayeque", "Lambayeque", "lambayeque", "", "Chiclayo"),
    ("Lima Region", "Región Lima", "lima-region", "Lima region, Región Lima", "Huacho"),
    (
        "Lima Province",
        "Lima Metropolitana",
        "lima-province",
        "Lima, Metropolitan Lima",
        "Lima",
    ),
    ("Loreto", "Loreto", "loreto", "", "Iquitos"),
    ("Madre de Dios", "Madre de Dios", "madre-de-dios", "", "Puerto Maldonado"),
    ("Moquegua", "Moquegua", "moquegua", "", "Moquegua"),
    ("Pasco", "Pasco", "pasco", "Cerro de Pasco", "Cerro de Pasco"),
    ("Piura", "Piura", "piura", "", "Piura"),
    ("Puno", "Puno", "puno", "", "Puno"),
    ("San Martín", "San Martín", "san-martin", "San Martin", "Moyobamba"),
    ("Tacna", "Tacna", "tacna", "", "Tacna"),
    ("Tumbes", "Tumbes", "tumbes", "", "Tumbes"),
    ("Ucayali", "Ucayali", "ucayali", "", "Pucallpa"),
]

# (name, Spanish name, slug, aliases)
TOPICS = [
    ("Mining", "Minería", "mining", "mine, mines, miners, mining company, gold mining"),
    ("Water", "Agua", "water", "water management, water resources"),
    ("Climate change", "Cambio climático", "climate-change", "global warming"),
    ("Human rights", "Derechos humanos", "human-rights", "human rights defenders"),
    (
        "Indigenous rights and prior consultation",
        "Derechos indígenas y consulta previa",
        "indigenous-rights",
        "indigenous, prior consultation, consulta previa, FPIC, "
        "free prior and informed consent, comunidades campesinas",
    ),
    (
        "Political reform",
        "Reforma política",
        "political-reform",
        "electoral reform, constitutional reform, political reforms",
    ),
    ("Gender", "Género", "gender", "women, feminist, gender relations"),
    (
        "Justice and memory",
        "Justicia y memoria",
        "justice-and-memory",
        "Truth and Reconciliation, reparations, impunity, internal armed conflict",
    ),
    (
        "Forced sterilisations",
        "Esterilizaciones forzadas",
        "forced-sterilisations",
        "forced sterilisation, forced sterilization, forcibly sterilised",
    ),
    (
        "Environment",
        "Medio ambiente",
        "environment",
        "environmental, deforestation, reforestation, protected areas, REDD",
    ),
    (
        "Corruption",
        "Corrupción",
        "corruption",
        "Lava Jato, Odebrecht, tax evasion, bribery",
    ),
    (
        "Social conflict",
        "Conflictos sociales",
        "social-conflict",
        "protest, protests, dialogue table, state of emergency",
    ),
    (
        "Economy and development",
        "Economía y desarrollo",
        "economy",
        "development, poverty, inequality",
    ),
]
