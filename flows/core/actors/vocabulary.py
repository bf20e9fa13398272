"""Small closed word lists that are part of the extraction rules (not reference data).

Head nouns say what kind of thing a capitalised phrase names ("... Ministry" is an organisation, "... Strait" a
place); particles may sit inside a personal name; the rest are words that are never a name on their own.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())

ORGANISATION_HEADS: frozenset[str] = words("""
    Department Ministry Party Army Navy Corps Council University College School Institute Academy Bank Agency
    Court Tribunal Company Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC Plc PLC Co Co. Group Holdings Club FC AFC
    United Rovers Wanderers Athletic Committee Commission Service Services Office Bureau Authority Association
    Federation Union League Alliance Foundation Fund Trust Organisation Organization Society Network Airlines
    Airways Motors Industries Systems Technologies Labs Laboratories Police Guard Forces Force Front Movement
    Parliament Assembly Congress Senate Cabinet Secretariat Directorate Administration Board Centre Center Hospital
    Times Post News Journal Herald Tribune Telegraph Gazette Press Broadcasting Television Radio Media Agency
    Church Mission Brigade Battalion Regiment Division Command Coalition Council Consortium Partners Capital
    Exchange Reserve Treasury Embassy Consulate Unit Team Squad Orchestra Studios Records Pictures Games Forum
    Institut Instituto Universidad Universite Université Universität Ministerio Ministère Partido Parti Banco
    Banque Kft Kft. GmbH AG SA SpA NV BV Centers Centres Institutes Laboratory Observatory Survey Program
    Programme Initiative Project Council Observer Bulletin TV Forum Management Conference Yuan Therapeutics
    Fellowship Brothers
    Biotherapeutics Pharmaceuticals Pharma Biotech Biosciences Energy Petroleum Logistics Telecom Communications
    Entertainment Semiconductor Electronics Insurance Securities Investments Ventures Robotics Aerospace Mall
    Magazine Daily Weekly Review Monitor Chronicle Courier Express Inquirer Standard Insider Podcast
    """)

# The sector a head noun gives an organisation: "... Ministry" is government, "... Times" media.
SECTOR_BY_HEAD: dict[str, str] = {
    **dict.fromkeys(words("Ministry Department Agency Office Bureau Administration Cabinet Secretariat Directorate "
                    "Embassy Consulate Treasury Commission Authority"), "GOV"),
    **dict.fromkeys(words("Army Navy Corps Forces Force Brigade Battalion Regiment Division Command Guard"), "MIL"),
    **dict.fromkeys(words("Court Tribunal"), "JUD"),
    **dict.fromkeys(words("Parliament Assembly Congress Senate"), "LEG"),
    **dict.fromkeys(words("Party"), "PTY"),
    **dict.fromkeys(words("Police"), "COP"),
    **dict.fromkeys(words("University College School Academy Institute"), "EDU"),
    **dict.fromkeys(words("Times Post News Journal Herald Tribune Telegraph Gazette Press Broadcasting "
                          "Television Radio Media"), "MED"),
    **dict.fromkeys(words("Company Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC Plc PLC Co Co. Holdings Airlines "
                          "Airways "
                    "Motors Industries Bank Exchange"), "BUS"),
    **dict.fromkeys(words("Church Mission"), "REL"),
    **dict.fromkeys(words("Hospital"), "HLH"),
}

# An organisation phrase may also start with its head: "Ministry of Defence", "University of Chicago".
LEADING_ORGANISATION_HEADS: frozenset[str] = words("""
    Ministry Department University Bank Office Bureau Council Court Academy Institute Commission Committee
    Federation Union League Church Embassy House Board Assembly Order Society College School Museum Royal
    Institut Instituto Universidad Universite Université Universität Ministerio Ministère Partido Parti Banco
    Banque Conference Association Organisation Organization Agency Foundation Centre Center Fund
    """)
ANY_ORGANISATION_HEAD: frozenset[str] = ORGANISATION_HEADS | LEADING_ORGANISATION_HEADS

# Places whose country is the one they lie in; waters that usually border several countries carry none.
PLACE_HEADS: frozenset[str] = words("""
    River Island Islands Province County District Region Street St Avenue Road Boulevard Square Bridge Airport
    Port Harbour Harbor Valley Mountains Mountain Mount Hills Lake Peninsula Desert Park Stadium Arena Prefecture
    Oblast Krai Governorate Canton Municipality Township Village Station Beach Forest Plateau Basin Coast Canyon
    Falls Highway Motorway Plaza Palace Tower Cathedral Temple Mosque Cay Cays Atoll Reef Glacier Estuary Parish
    Memorial Monument Heights Dam Reservoir Pass Gorge Caves Gardens Wharf
    """)
WATER_HEADS: frozenset[str] = words("Sea Strait Straits Ocean Gulf Channel Bay Sound")
# Streets and squares are named after people and places anywhere: "Grenada Street" in Brisbane.
STREET_HEADS: frozenset[str] = words("Street St Avenue Road Boulevard Square Plaza")
# Forms of address, not offices: "Lord Ashcroft" says nothing of which Ashcroft a registry means.
HONOURS: frozenset[str] = words("Lord Lady Sir Dame Baron Baroness Earl Countess Duke Duchess Prince Princess")
# The last word of a competition's, an award's or a festival's name: "Brazilian Grand Prix", "US Open", "World Cup",
# "Tokyo Olympics", "Nobel Prize". Events are not actors, and a place or country inside one is not mentioned as such.
EVENT_HEADS: frozenset[str] = words("""
    Prix Open Cup Cups Olympics Paralympics Bowl Marathon Championship Championships Tournament Festival Awards
    Award Prize Trophy Rally Slam""")
# The first word of a storm's name: "Hurricane Katrina", "Typhoon Haiyan", "Tropical Storm Imelda" name weather.
STORM_WORDS: frozenset[str] = words("Hurricane Typhoon Cyclone Storm Tropical Superstorm Tornado")
# First words of holidays that are not ordinary words: "Labour Day", "Anzac Day" (an ordinary word also counts).
HOLIDAY_WORDS: frozenset[str] = words("""
    Labour Labor Anzac Australia Canada Bastille Thanksgiving Christmas Boxing Easter Valentine's Mother's Father's
    Veterans Memorial Columbus Presidents Armistice Remembrance""")
# "Games" ends an event's name only after one of these ("Commonwealth Games"); "Epic Games" is a company.
GAMES_QUALIFIERS: frozenset[str] = words("""
    Olympic Paralympic Commonwealth Asian African Arab European Pan American Mediterranean Pacific Island Winter
    Summer Youth Invictus Special World""")

# Words that some country uses as the whole name of a region ("North", Cameroon; "Coast", Kenya) but that in news
# only ever start a longer name ("North Cotabato", "Coast Guard") or give a direction: never a place on their own.
GENERIC_PLACE_WORDS: frozenset[str] = words("""
    North South East West Northern Southern Eastern Western Central Centre Center Middle Upper Lower North-East
    North-West South-East South-West Northeast Northwest Southeast Southwest Coast Coastal Lakes Plateau Littoral
    Highlands Lowlands Islands Capital
    """)

# Lowercase words after a name that make it a place: "Maidan Wardak province", "the Kasai provincial council".
PLACE_WORDS_AFTER: frozenset[str] = words("""
    province provincial region regional district municipality municipal county state city town village
    """)

# Words that may join the parts of a name: "Ursula von der Leyen", "Bank of England", "Mohammed bin Salman".
NAME_PARTICLES: frozenset[str] = words(
    "bin ibn binti bint al el ad as de del della di da das dos du der den van von ter zu la le y"
)
NAME_CONNECTORS: frozenset[str] = NAME_PARTICLES | {"of", "for", "&"}

MONTHS_AND_DAYS: frozenset[str] = words("""
    January February March April May June July August September October November December Jan Feb Mar Apr Jun
    Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """)

# Capitalised words that are never names by themselves, whatever the gazetteers contain.
NEVER_NAMES: frozenset[str] = words("""
    I I'm I've I'd I'll He She It We They You His Her Its Our Their Your Him Them Me Us My Mine This That These
    Those There Here What When Where Which Who Whom Whose Why How The A An And Or But If Then So As At By For From
    In Into Of On Onto Over To With Without After Before During Under Between Among Against About Above Across
    Also Not No Yes All Any Both Each Every Some Such Many Most Much More Less Other Another One Two Three Four
    Five Six Seven Eight Nine Ten Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady Prof Prof. Will Can May Must
    Shall Should Would Could Might Is Are Was Were Be Been Has Have Had Do Does Did Am Pm AM PM However Meanwhile
    Although Though While Despite Because Since Until Unless Whether Yet Still Just Only Even Now Today Tomorrow
    Yesterday Tonight Mon Tue Wed Thu Fri Sat Sun Chapter Section Part Page Photo Image Video Read Watch Listen
    Update Updated Breaking Exclusive Analysis Opinion Comment Editorial Interview Related Source Sources Later
    Earlier Afterwards Subsequently Separately Elsewhere Instead Similarly Likewise Nevertheless Furthermore
    """)

# All-capital words that are not organisations: units, formats, abbreviations of ordinary words.
NON_ORGANISATION_ACRONYMS: frozenset[str] = words("""
    AM PM GMT UTC BST EST PST CET TV DVD CD PC GDP GNP CEO CFO COO CTO MP MPs MEP MEPs MSP PhD MBA VIP AIDS HIV DNA
    RNA SMS PIN ID IT AI VR AR USB PDF HTML URL OK UK US USA EU UAE UN KM MPH KPH HD LED LCD GPS SUV CCTV VAT PR IPO
    Q1 Q2 Q3 Q4 COVID SARS MERS BC AD AKA ASAP FAQ DIY RIP OMG LOL FYI TBA TBC NB PS UFO WMD IED ICU ER GP ATM
    APR ROI ETA DJ MC CV HR RAM CPU GPU OS GB MB KB TB MW GW KW BTW PDT EDT CST MST PET DAB MRI CT 3D 4G 5G
    USD EUR GBP JPY CNY RMB INR AUD CAD CHF RUB BRL ZAR MXN KRW HKD SGD NZD SEK NOK DKK TRY SAR AED NGN KES EGP
    PKR IDR THB PHP MYR VND ILS IRR UAH PLN CZK HUF
    """)

# Acronyms that in news mostly name a thing, though a registry knows a body by the same letters (CCTV, China
# Central Television): that body only where the article makes it one.
COMMON_NOUN_ACRONYMS: frozenset[str] = words("CCTV ATM GPS SUV ICU IED DNA AI TV")

ROMAN_NUMERALS: frozenset[str] = words("II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI")

# Lowercase words before a capitalised word that make it a place: "in Magnitogorsk", "near Aleppo".
PLACE_PREPOSITIONS: frozenset[str] = words("in near outside across at into towards toward via")

# Nouns after "the X ..." that make X a place: "the Ural region", "the Idlib province".
PLACE_NOUNS_AFTER: frozenset[str] = words(
    "region province state district city town village county area border river island valley"
)

# Words after an unknown name that make it an organisation: "Acme spokesperson", "Acme shares".
ORGANISATION_NOUNS_AFTER: frozenset[str] = words("""
    spokesperson spokesman spokeswoman shares shareholders chief executive boss bosses board subsidiary
    stock employees staff headquarters
    """)

# Nouns in an apposition that make the preceding name an organisation: "Acme, the state oil company".
ORGANISATION_APPOSITION_NOUNS: frozenset[str] = words("""
    company firm group agency organisation organization party club team bank carrier airline broadcaster
    newspaper website site network channel union charity operator giant maker manufacturer retailer producer
    exporter insurer lender regulator outlet publisher studio label startup conglomerate ministry department
    chain supermarket subsidiary brand
    """)

# Nouns in an apposition that make the preceding name a person: "Kritenbrink, the top East Asia official".
PERSON_APPOSITION_NOUNS: frozenset[str] = words("""
    official spokesman spokeswoman spokesperson minister president leader head chief director chairman
    chairwoman chair adviser advisor envoy ambassador secretary senator governor mayor general commander
    officer diplomat lawyer judge founder executive analyst professor author actor actress singer player
    striker coach manager captain champion wife husband son daughter mother father brother sister politician
    lawmaker candidate activist journalist reporter correspondent economist scientist researcher doctor
    """)

ORGANISATION_VERB_CUES: tuple[str, ...] = (" said in a statement", " says in a statement", " announced", " reported")
ORGANISATION_PREFIX_CUES: tuple[str, ...] = (
    "shares of ", "shares in ", "stake in ", "owned by ", "acquired by ", "newspaper ", "daily ", "broadcaster ",
    "news agency ", "news site ", "news website ", "website ", "magazine ", "tabloid ", "outlet ", "publication ",
    "firm ", "carmaker ", "airline ", "retailer ", "chain ", "startup ", "manufacturer ", "told the ", "journal ",
)

# Words after a capital that make it stand for its government: "Beijing claims", "Moscow said".
POLITICAL_VERBS: frozenset[str] = words(
    """
    said says claims claimed accuses accused wants wanted is was has had will would warned warns insists
    insisted rejected rejects denied denies announced responded demands demanded agreed agrees refused refuses
    hopes believes sees views considers urged urges called threatened condemned approved imposed retaliated
    signed plans planned expects expected must should could may might sought seeks blamed blames disagrees
    disagreed argues argued maintains maintained protested protests objected objects welcomed welcomes praised
    criticised criticized vowed vows pledged summoned recalled expelled
    """
)
# Words before a capital that make it stand for its government: "accuse Washington of", "ties with Moscow".
POLITICAL_OBJECT_VERBS: frozenset[str] = words(
    """
    accuse accused accusing urge urged urging warn warned warning pressure pressured criticise criticised
    criticize criticized blame blamed condemn condemned support supported supporting sanction sanctioned
    provoke provoked ties relations between
    """
)
# Words after a lone given name that show it is used as a person's name ("Ivan, ...", "Ivan said").
NAME_FOLLOWERS: frozenset[str] = words("said says told was is has had who and will would added")

# Words that leave a body's name generic ("Supreme Court", "National Security Council", "Interior Ministry"): many
# states have a body of that name. "Federal" is not one of them: "Federal Reserve" names one body.
GENERIC_BODY_WORDS: frozenset[str] = words("""
    Supreme Constitutional High National Interior Health Justice Security Electoral Election Defence
    Defense Finance Affairs Internal Public
    """)
# Words of party names many states share: "Labour Party", "Green Party", "Social Democratic Party".
PARTY_NAME_WORDS: frozenset[str] = words("""
    Labour Labor Green Greens Liberal Liberals Conservative Conservatives Democratic Democrats Socialist Socialists
    Communist Social Christian Progressive Reform Republican Republicans Workers Popular National Unity Freedom
    """)
# Built of such words, yet one state's own: the Home Office is Britain's in any story.
UNSHARED_BODY_NAMES: frozenset[str] = frozenset({"Home Office", "Foreign Office", "Met Office"})

# A body whose name opens with one of these claims a reach beyond any one state ("World Heritage Committee",
# "International Rescue Committee"): the article's own country is not guessed for it.
INTERNATIONAL_FIRST_WORDS: frozenset[str] = words("World International Global Worldwide Transnational Multinational")
