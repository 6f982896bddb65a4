//! The markets a Chinese lighting exporter sells to, and the parts generated buyer names are
//! made of: cities, legal forms, people's names, business words, trade shows, source channels.

use leadledger_domain::customer::SourceChannel;

/// A market: its cities, legal forms, dialling code and the names people there have.
pub(super) struct Market {
    pub code: &'static str,
    pub tld: &'static str,
    pub dial: &'static str,
    /// A trailing space marks a form written before the name ("PT ").
    pub forms: &'static [&'static str],
    pub cities: &'static [&'static str],
    pub names: (&'static [&'static str], &'static [&'static str]),
}

const DE: (&[&str], &[&str]) = (
    &["Lukas", "Anna", "Felix", "Sophie", "Jonas", "Laura"],
    &["Müller", "Schmidt", "Weber", "Fischer", "Wagner", "Becker"],
);
const EN: (&[&str], &[&str]) = (
    &["James", "Emily", "Michael", "Olivia", "Daniel", "Sarah"],
    &["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clark"],
);
const ES: (&[&str], &[&str]) = (
    &["Carlos", "María", "José", "Lucía", "Javier", "Sofía"],
    &[
        "García",
        "Rodríguez",
        "López",
        "Martínez",
        "Pérez",
        "Sánchez",
    ],
);
const PT: (&[&str], &[&str]) = (
    &["João", "Ana", "Pedro", "Mariana", "Lucas", "Beatriz"],
    &["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira"],
);
const FR: (&[&str], &[&str]) = (
    &["Pierre", "Marie", "Louis", "Camille", "Julien", "Chloé"],
    &[
        "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre",
    ],
);
const IT: (&[&str], &[&str]) = (
    &["Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara"],
    &["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"],
);
const NL: (&[&str], &[&str]) = (
    &["Daan", "Emma", "Sem", "Julia", "Lars", "Sanne"],
    &[
        "de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser",
    ],
);
const PL: (&[&str], &[&str]) = (
    &[
        "Piotr",
        "Anna",
        "Krzysztof",
        "Katarzyna",
        "Marek",
        "Agnieszka",
    ],
    &[
        "Nowak",
        "Kowalski",
        "Wiśniewski",
        "Wójcik",
        "Kamiński",
        "Zając",
    ],
);
const AR: (&[&str], &[&str]) = (
    &["Mohammed", "Ahmed", "Fatima", "Omar", "Layla", "Khalid"],
    &[
        "Al Mansouri",
        "Haddad",
        "Al Harbi",
        "Nasser",
        "Saleh",
        "Khoury",
    ],
);
const AF: (&[&str], &[&str]) = (
    &["Chinedu", "Ngozi", "Thabo", "Lerato", "Wanjiru", "Tunde"],
    &["Okafor", "Adeyemi", "Nkosi", "Dlamini", "Mwangi", "Otieno"],
);
const IN: (&[&str], &[&str]) = (
    &["Rahul", "Priya", "Amit", "Sneha", "Vikram", "Anjali"],
    &["Sharma", "Patel", "Gupta", "Singh", "Reddy", "Iyer"],
);
const JP: (&[&str], &[&str]) = (
    &["Hiroshi", "Yuki", "Takeshi", "Aiko", "Kenji", "Haruka"],
    &["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"],
);
const KR: (&[&str], &[&str]) = (
    &[
        "Min-jun", "Ji-woo", "Seo-yeon", "Hyun-woo", "Ji-hoon", "Soo-ah",
    ],
    &["Kim", "Lee", "Park", "Choi", "Jung", "Kang"],
);
const SEA: (&[&str], &[&str]) = (
    &["Minh", "Somchai", "Siti", "Budi", "Wei Ling", "Anh"],
    &["Nguyen", "Srisuk", "Rahman", "Santoso", "Tan", "Tran"],
);
const TR: (&[&str], &[&str]) = (
    &["Mehmet", "Ayşe", "Mustafa", "Elif", "Emre", "Zeynep"],
    &["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"],
);

macro_rules! market {
    ($code:literal, $tld:literal, $dial:literal, [$($form:literal),+], [$($city:literal),+], $names:expr) => {
        Market { code: $code, tld: $tld, dial: $dial, forms: &[$($form),+], cities: &[$($city),+], names: $names }
    };
}

pub(super) const MARKETS: &[Market] = &[
    market!(
        "DE",
        "de",
        "+49",
        ["GmbH", "KG", "GmbH & Co. KG"],
        ["Hamburg", "Koeln", "Stuttgart", "Leipzig", "Bremen"],
        DE
    ),
    market!(
        "AT",
        "at",
        "+43",
        ["GmbH"],
        ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck"],
        DE
    ),
    market!(
        "US",
        "com",
        "+1",
        ["LLC", "Inc.", "Corp."],
        ["Houston", "Atlanta", "Phoenix", "Denver", "Tampa"],
        EN
    ),
    market!(
        "CA",
        "ca",
        "+1",
        ["Inc.", "Ltd."],
        ["Calgary", "Winnipeg", "Halifax", "Ottawa", "Regina"],
        EN
    ),
    market!(
        "GB",
        "co.uk",
        "+44",
        ["Ltd", "Limited"],
        ["Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich"],
        EN
    ),
    market!(
        "AU",
        "com.au",
        "+61",
        ["Pty Ltd"],
        ["Perth", "Adelaide", "Brisbane", "Darwin", "Hobart"],
        EN
    ),
    market!(
        "NZ",
        "co.nz",
        "+64",
        ["Ltd"],
        ["Auckland", "Hamilton", "Dunedin", "Nelson", "Napier"],
        EN
    ),
    market!(
        "FR",
        "fr",
        "+33",
        ["SARL", "SAS"],
        ["Lyon", "Lille", "Nantes", "Rennes", "Toulouse"],
        FR
    ),
    market!(
        "IT",
        "it",
        "+39",
        ["S.r.l.", "S.p.A."],
        ["Milano", "Torino", "Bologna", "Verona", "Bari"],
        IT
    ),
    market!(
        "ES",
        "es",
        "+34",
        ["S.L.", "S.A."],
        ["Valencia", "Sevilla", "Bilbao", "Zaragoza", "Malaga"],
        ES
    ),
    market!(
        "NL",
        "nl",
        "+31",
        ["B.V."],
        ["Utrecht", "Eindhoven", "Tilburg", "Breda", "Zwolle"],
        NL
    ),
    market!(
        "PL",
        "pl",
        "+48",
        ["Sp. z o.o.", "S.A."],
        ["Poznan", "Gdansk", "Wroclaw", "Lodz", "Lublin"],
        PL
    ),
    market!(
        "BR",
        "com.br",
        "+55",
        ["Ltda", "S.A."],
        ["Curitiba", "Recife", "Manaus", "Goiania", "Campinas"],
        PT
    ),
    market!(
        "MX",
        "com.mx",
        "+52",
        ["S.A. de C.V."],
        ["Monterrey", "Puebla", "Tijuana", "Merida", "Leon"],
        ES
    ),
    market!(
        "CL",
        "cl",
        "+56",
        ["SpA", "Ltda"],
        ["Santiago", "Valparaiso", "Concepcion", "Temuco", "Iquique"],
        ES
    ),
    market!(
        "CO",
        "com.co",
        "+57",
        ["S.A.S."],
        ["Medellin", "Cali", "Barranquilla", "Bucaramanga", "Pereira"],
        ES
    ),
    market!(
        "AE",
        "ae",
        "+971",
        ["LLC", "FZE", "FZCO"],
        ["Dubai", "Sharjah", "Ajman", "Abu Dhabi", "Fujairah"],
        AR
    ),
    market!(
        "SA",
        "com.sa",
        "+966",
        ["Est.", "Co."],
        ["Riyadh", "Jeddah", "Dammam", "Khobar", "Medina"],
        AR
    ),
    market!(
        "NG",
        "com.ng",
        "+234",
        ["Ltd", "Nigeria Ltd"],
        ["Lagos", "Abuja", "Kano", "Ibadan", "Onitsha"],
        AF
    ),
    market!(
        "ZA",
        "co.za",
        "+27",
        ["(Pty) Ltd"],
        ["Durban", "Pretoria", "Soweto", "Polokwane", "Gqeberha"],
        AF
    ),
    market!(
        "KE",
        "co.ke",
        "+254",
        ["Ltd"],
        ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"],
        AF
    ),
    market!(
        "IN",
        "in",
        "+91",
        ["Pvt Ltd", "LLP"],
        ["Pune", "Chennai", "Jaipur", "Surat", "Kochi"],
        IN
    ),
    market!(
        "JP",
        "co.jp",
        "+81",
        ["K.K.", "Co., Ltd."],
        ["Nagoya", "Fukuoka", "Sapporo", "Sendai", "Kobe"],
        JP
    ),
    market!(
        "KR",
        "co.kr",
        "+82",
        ["Co., Ltd."],
        ["Busan", "Incheon", "Daegu", "Daejeon", "Gwangju"],
        KR
    ),
    market!(
        "VN",
        "vn",
        "+84",
        ["JSC", "Co., Ltd"],
        ["Hanoi", "Danang", "Haiphong", "Cantho", "Hue"],
        SEA
    ),
    market!(
        "TH",
        "co.th",
        "+66",
        ["Co., Ltd."],
        ["Bangkok", "Chiangmai", "Phuket", "Khonkaen", "Rayong"],
        SEA
    ),
    market!(
        "MY",
        "com.my",
        "+60",
        ["Sdn Bhd"],
        ["Penang", "Johor", "Ipoh", "Kuching", "Malacca"],
        SEA
    ),
    market!(
        "ID",
        "co.id",
        "+62",
        ["PT "],
        ["Jakarta", "Surabaya", "Bandung", "Medan", "Semarang"],
        SEA
    ),
    market!(
        "TR",
        "com.tr",
        "+90",
        ["Ltd. Şti.", "A.Ş."],
        ["Istanbul", "Izmir", "Bursa", "Ankara", "Konya"],
        TR
    ),
];

pub(super) const PREFIXES: &[&str] = &[
    "Nova",
    "Apex",
    "Sunrise",
    "Blue River",
    "Atlas",
    "Prime",
    "Evergreen",
    "Silverline",
    "Northstar",
    "Crescent",
    "Summit",
    "Horizon",
    "Pioneer",
    "Redwood",
    "Lighthouse",
    "Meridian",
    "Orion",
    "Sterling",
    "Vertex",
    "Harbor",
    "Keystone",
    "Bright Path",
    "Cedar",
    "Falcon",
    "Granite",
    "Ironwood",
    "Juniper",
    "Lumina",
    "Magnolia",
    "Oakridge",
    "Pinnacle",
    "Quantum",
    "Riverside",
    "Sapphire",
    "Trident",
    "Unity",
    "Vista",
    "Westwind",
    "Zenith",
    "Aurum",
    "Beacon",
    "Cobalt",
    "Emerald",
    "Fortune",
    "Helix",
    "Indigo",
    "Jade",
    "Kestrel",
    "Monarch",
    "Polaris",
];

/// Business words and the product such a company buys.
pub(super) const CORES: &[(&str, &str)] = &[
    ("Lighting", "LED panel lights"),
    ("Electrical Supply", "LED tubes T8"),
    ("Hardware", "Rechargeable work lights"),
    ("Solar", "Solar street lights"),
    ("Home Supplies", "Solar garden lights"),
    ("Lamps", "LED bulbs A60"),
    ("Energy Systems", "Solar floodlights"),
    ("Building Materials", "LED floodlights"),
    ("Electric", "LED downlights"),
    ("Illumination", "LED high bays"),
    ("Tools", "Work lights and hand tools"),
    ("Outdoor Living", "Solar garden lights"),
    ("Power Solutions", "Emergency lights"),
    ("Light Works", "LED strip lights"),
    ("Fixtures", "Vapor-tight LED fixtures"),
    ("Lighting Solutions", "LED track lights"),
    ("Electro", "LED ceiling lights"),
    ("Home Center", "Smart Wi-Fi bulbs"),
    ("Projects", "Stadium flood lights"),
    ("Distribution", "LED filament bulbs"),
];

pub(super) const TRADE_SHOWS: &[&str] = &[
    "Canton Fair 2025 Phase 1",
    "Canton Fair 2025 Phase 2",
    "Canton Fair 2026 Phase 1",
    "Light+Building 2026",
    "Hong Kong Lighting Fair 2025 (Autumn)",
    "Middle East Energy 2026",
    "Intersolar Europe 2025",
];

pub(super) const SOURCES: &[(u32, SourceChannel)] = &[
    (30, SourceChannel::Alibaba),
    (15, SourceChannel::MadeInChina),
    (8, SourceChannel::GlobalSources),
    (12, SourceChannel::TradeShow),
    (8, SourceChannel::Linkedin),
    (2, SourceChannel::X),
    (10, SourceChannel::WebsiteForm),
    (6, SourceChannel::Referral),
    (7, SourceChannel::Whatsapp),
    (2, SourceChannel::Other),
];
