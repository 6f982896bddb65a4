//! Why this module exists: destinations — country names in the buyers' languages mapped to one
//! English name, nationality adjectives, and the ports and trade cities that name a place (with the
//! country they imply).

use super::Tag;

const COUNTRIES: &[(&str, &str)] = &[
    (
        "germany|deutschland|alemania|allemagne|германия|германию|германии|alemanha|ألمانيا|ドイツ|德国|almanya|niemcy|niemiec|đức|germania",
        "Germany",
    ),
    (
        "usa|u.s.a|united states|united states of america|america|estados unidos|eeuu|ee.uu|vereinigte staaten|états-unis|etats-unis|сша|eua|الولايات المتحدة|アメリカ|米国|美国|abd|stany zjednoczone|mỹ",
        "United States",
    ),
    (
        "uk|u.k|united kingdom|england|great britain|britain|reino unido|inglaterra|großbritannien|grossbritannien|royaume-uni|angleterre|великобритания|англия|المملكة المتحدة|イギリス|英国|英國|ingiltere|wielka brytania",
        "United Kingdom",
    ),
    (
        "france|francia|frankreich|франция|франции|frança|فرنسا|フランス|法国|fransa|francja|pháp",
        "France",
    ),
    (
        "spain|españa|espana|spanien|espagne|испания|испании|espanha|إسبانيا|スペイン|西班牙|ispanya|hiszpania|tây ban nha",
        "Spain",
    ),
    (
        "italy|italia|italien|italie|италия|италии|itália|إيطاليا|イタリア|意大利|italya|włochy",
        "Italy",
    ),
    (
        "netherlands|holland|the netherlands|países bajos|niederlande|pays-bas|нидерланды|holanda|هولندا|オランダ|荷兰|hollanda|holandia",
        "Netherlands",
    ),
    (
        "belgium|bélgica|belgien|belgique|бельгия|بلجيكا|比利时|belçika|belgia",
        "Belgium",
    ),
    (
        "poland|polonia|polen|pologne|польша|польшу|polônia|بولندا|ポーランド|波兰|polonya|polska|polski",
        "Poland",
    ),
    (
        "russia|rusia|russland|russie|россия|россию|россии|рф|rússia|روسيا|ロシア|俄罗斯|rusya|rosja|nga",
        "Russia",
    ),
    (
        "turkey|türkiye|turkiye|turquía|türkei|turquie|турция|турцию|турции|turquia|تركيا|トルコ|土耳其|turcja|thổ nhĩ kỳ",
        "Turkey",
    ),
    (
        "uae|u.a.e|united arab emirates|emirates|emiratos árabes|vae|émirats arabes unis|оаэ|emirados árabes|الإمارات|الامارات|アラブ首長国連邦|阿联酋|bae",
        "United Arab Emirates",
    ),
    (
        "saudi arabia|saudi|ksa|arabia saudita|arabia saudí|saudi-arabien|arabie saoudite|саудовская аравия|arábia saudita|السعودية|المملكة العربية السعودية|サウジアラビア|沙特|沙特阿拉伯|suudi arabistan",
        "Saudi Arabia",
    ),
    (
        "egypt|egipto|ägypten|égypte|египет|egito|مصر|エジプト|埃及|mısır|egipt",
        "Egypt",
    ),
    (
        "nigeria|nigéria|нигерия|نيجيريا|尼日利亚|nijerya",
        "Nigeria",
    ),
    ("kenya|kenia|кения|كينيا|肯尼亚", "Kenya"),
    ("ghana|гана|غانا|加纳", "Ghana"),
    (
        "south africa|sudáfrica|südafrika|afrique du sud|юар|южная африка|áfrica do sul|جنوب أفريقيا|南アフリカ|南非|güney afrika",
        "South Africa",
    ),
    (
        "morocco|marruecos|marokko|maroc|марокко|marrocos|المغرب|摩洛哥",
        "Morocco",
    ),
    (
        "algeria|argelia|algerien|algérie|алжир|argélia|الجزائر|阿尔及利亚|cezayir",
        "Algeria",
    ),
    (
        "brazil|brasil|brasilien|brésil|бразилия|бразилию|البرازيل|ブラジル|巴西|brezilya|brazylia",
        "Brazil",
    ),
    (
        "mexico|méxico|mexiko|mexique|мексика|мексику|المكسيك|メキシコ|墨西哥|meksika|meksyk",
        "Mexico",
    ),
    (
        "argentina|argentinien|argentine|аргентина|الأرجنتين|阿根廷|arjantin",
        "Argentina",
    ),
    ("chile|chili|чили|تشيلي|智利|şili", "Chile"),
    (
        "colombia|kolumbien|colombie|колумбия|colômbia|كولومبيا|哥伦比亚|kolombiya|kolumbia",
        "Colombia",
    ),
    ("peru|perú|pérou|перу|بيرو|秘鲁", "Peru"),
    ("ecuador|équateur|эквадор|equador|厄瓜多尔", "Ecuador"),
    ("canada|canadá|kanada|канада|كندا|カナダ|加拿大", "Canada"),
    (
        "australia|australien|australie|австралия|austrália|أستراليا|オーストラリア|澳大利亚|澳洲|avustralya",
        "Australia",
    ),
    (
        "new zealand|nueva zelanda|neuseeland|nouvelle-zélande|новая зеландия|新西兰",
        "New Zealand",
    ),
    (
        "japan|japón|japon|япония|japão|اليابان|日本|japonya|japonia|nhật bản",
        "Japan",
    ),
    (
        "korea|south korea|corea|corea del sur|südkorea|corée|корея|coreia|كوريا|韓国|韩国|kore|korea południowa|hàn quốc",
        "South Korea",
    ),
    (
        "vietnam|viet nam|việt nam|вьетнам|فيتنام|ベトナム|越南|wietnam",
        "Vietnam",
    ),
    (
        "thailand|tailandia|thaïlande|таиланд|tailândia|تايلاند|泰国|tayland|tajlandia|thái lan",
        "Thailand",
    ),
    (
        "malaysia|malasia|malaisie|малайзия|malásia|ماليزيا|マレーシア|马来西亚|malezya|malezja",
        "Malaysia",
    ),
    (
        "indonesia|indonesien|indonésie|индонезия|indonésia|إندونيسيا|インドネシア|印度尼西亚|印尼|endonezya|indonezja",
        "Indonesia",
    ),
    (
        "philippines|filipinas|philippinen|филиппины|الفلبين|フィリピン|菲律宾|filipinler|filipiny",
        "Philippines",
    ),
    (
        "india|indien|inde|индия|índia|الهند|インド|印度|hindistan|indie|ấn độ",
        "India",
    ),
    (
        "pakistan|pakistán|пакистан|paquistão|باكستان|巴基斯坦",
        "Pakistan",
    ),
    (
        "bangladesh|bangladés|бангладеш|بنغلاديش|孟加拉",
        "Bangladesh",
    ),
    ("sri lanka|шри-ланка|斯里兰卡", "Sri Lanka"),
    ("iran|irán|иран|irã|إيران|伊朗", "Iran"),
    ("iraq|irak|ирак|iraque|العراق|伊拉克", "Iraq"),
    ("israel|израиль|إسرائيل|以色列", "Israel"),
    (
        "jordan|jordania|jordanien|jordanie|иордания|الأردن|约旦",
        "Jordan",
    ),
    ("lebanon|líbano|libanon|liban|ливан|لبنان|黎巴嫩", "Lebanon"),
    ("qatar|katar|катар|قطر|卡塔尔", "Qatar"),
    ("kuwait|koweït|кувейт|الكويت|科威特", "Kuwait"),
    ("oman|omán|оман|عمان|阿曼", "Oman"),
    ("bahrain|bahrein|бахрейн|البحرين|巴林", "Bahrain"),
    (
        "kazakhstan|kazajistán|kasachstan|казахстан|казахстана|казахстане|哈萨克斯坦|kazakistan",
        "Kazakhstan",
    ),
    (
        "uzbekistan|узбекистан|乌兹别克斯坦|özbekistan",
        "Uzbekistan",
    ),
    (
        "ukraine|ucrania|украина|украину|ucrânia|أوكرانيا|乌克兰|ukrayna|ukraina",
        "Ukraine",
    ),
    ("belarus|беларусь|белоруссия|白俄罗斯", "Belarus"),
    (
        "portugal|португалия|البرتغال|葡萄牙|portekiz|portugalia",
        "Portugal",
    ),
    (
        "greece|grecia|griechenland|grèce|греция|grécia|اليونان|希腊|yunanistan|grecja",
        "Greece",
    ),
    (
        "sweden|suecia|schweden|suède|швеция|suécia|瑞典|isveç|szwecja",
        "Sweden",
    ),
    (
        "norway|noruega|norwegen|norvège|норвегия|挪威|norwegia",
        "Norway",
    ),
    (
        "denmark|dinamarca|dänemark|danemark|дания|丹麦|dania",
        "Denmark",
    ),
    (
        "finland|finlandia|finnland|finlande|финляндия|芬兰",
        "Finland",
    ),
    (
        "austria|österreich|autriche|австрия|áustria|奥地利|avusturya",
        "Austria",
    ),
    (
        "switzerland|suiza|schweiz|suisse|швейцария|suíça|瑞士|isviçre|szwajcaria",
        "Switzerland",
    ),
    (
        "czech republic|czechia|república checa|tschechien|république tchèque|чехия|捷克|czechy",
        "Czech Republic",
    ),
    (
        "romania|rumania|rumänien|roumanie|румыния|罗马尼亚|romanya|rumunia",
        "Romania",
    ),
    (
        "hungary|hungría|ungarn|hongrie|венгрия|匈牙利|węgry",
        "Hungary",
    ),
    ("ireland|irlanda|irland|irlande|ирландия|爱尔兰", "Ireland"),
    ("ethiopia|etiopía|эфиопия|إثيوبيا|埃塞俄比亚", "Ethiopia"),
    ("tanzania|танзания|تنزانيا|坦桑尼亚", "Tanzania"),
    ("uganda|уганда|أوغندا|乌干达", "Uganda"),
    ("senegal|sénégal|塞内加尔", "Senegal"),
    (
        "ivory coast|côte d'ivoire|cote d'ivoire|科特迪瓦",
        "Ivory Coast",
    ),
    ("cameroon|cameroun|喀麦隆", "Cameroon"),
    ("tunisia|túnez|tunisie|تونس|突尼斯|tunus", "Tunisia"),
    ("libya|libia|ليبيا|利比亚", "Libya"),
    ("venezuela|委内瑞拉", "Venezuela"),
    ("angola|ангола|أنغولا|安哥拉", "Angola"),
    (
        "mozambique|moçambique|mozambik|мозамбик|莫桑比克",
        "Mozambique",
    ),
    ("zambia|zimbabwe|赞比亚", "Zambia"),
    ("bolivia|玻利维亚", "Bolivia"),
    ("paraguay|巴拉圭", "Paraguay"),
    ("uruguay|乌拉圭", "Uruguay"),
    ("guatemala|危地马拉", "Guatemala"),
    ("costa rica|哥斯达黎加", "Costa Rica"),
    ("panama|panamá|巴拿马", "Panama"),
    (
        "dominican republic|república dominicana|多米尼加",
        "Dominican Republic",
    ),
    ("singapore|singapur|singapour|сингапур|新加坡", "Singapore"),
    ("cambodia|camboya|柬埔寨", "Cambodia"),
    ("myanmar|缅甸", "Myanmar"),
    ("nepal|尼泊尔", "Nepal"),
    ("azerbaijan|азербайджан|阿塞拜疆", "Azerbaijan"),
    ("georgia|грузия|格鲁吉亚", "Georgia"),
    ("armenia|армения|亚美尼亚", "Armenia"),
    ("kyrgyzstan|киргизия|кыргызстан|吉尔吉斯斯坦", "Kyrgyzstan"),
    ("mongolia|монголия|蒙古", "Mongolia"),
    ("serbia|сербия|塞尔维亚|sırbistan", "Serbia"),
    ("croatia|kroatien|croatie|хорватия|克罗地亚", "Croatia"),
    ("bulgaria|bulgarien|bulgarie|болгария|保加利亚", "Bulgaria"),
    (
        "slovakia|slowakei|slovaquie|словакия|斯洛伐克|słowacja",
        "Slovakia",
    ),
    ("lithuania|litauen|литва|立陶宛|litwa", "Lithuania"),
    ("latvia|lettland|латвия|拉脱维亚|łotwa", "Latvia"),
    ("estonia|estland|эстония|爱沙尼亚", "Estonia"),
];

const ADJECTIVES: &[(&str, &str)] = &[
    ("german", "Germany"),
    ("american|us", "United States"),
    ("british", "United Kingdom"),
    ("french", "France"),
    ("spanish", "Spain"),
    ("italian", "Italy"),
    ("dutch", "Netherlands"),
    ("polish", "Poland"),
    ("russian", "Russia"),
    ("turkish", "Turkey"),
    ("saudi", "Saudi Arabia"),
    ("nigerian", "Nigeria"),
    ("kenyan", "Kenya"),
    ("brazilian", "Brazil"),
    ("mexican", "Mexico"),
    ("chilean", "Chile"),
    ("colombian", "Colombia"),
    ("peruvian", "Peru"),
    ("canadian", "Canada"),
    ("australian", "Australia"),
    ("japanese", "Japan"),
    ("korean", "South Korea"),
    ("indian", "India"),
    ("european|eu", "European Union"),
    ("français|française|francés|französischen|francês", "France"),
    (
        "allemand|alemán|alemão|deutschen|deutsche|немецкий|немецкого",
        "Germany",
    ),
    ("mexicano|mexicana|mexicain", "Mexico"),
    ("brasileño|brasileiro|brasileira|brésilien", "Brazil"),
    ("español|española|espanhol|espagnol", "Spain"),
    ("российский|российского|русский|russe|ruso", "Russia"),
    ("saudí|saoudien|саудовский|السعودي", "Saudi Arabia"),
    ("emirati|الإماراتي|الاماراتي", "United Arab Emirates"),
    ("polski|polskiego|polonais|polaco", "Poland"),
    ("türk|turco|turc", "Turkey"),
    ("日本市場|日本国内", "Japan"),
];

const PLACES: &[(&str, &str, &str)] = &[
    ("ningbo|宁波", "Ningbo", "China"),
    ("shanghai|上海", "Shanghai", "China"),
    ("shenzhen|深圳", "Shenzhen", "China"),
    ("yantian|盐田", "Yantian", "China"),
    ("qingdao|青岛", "Qingdao", "China"),
    ("xiamen|厦门", "Xiamen", "China"),
    ("guangzhou|广州|nansha|南沙", "Guangzhou", "China"),
    ("tianjin|天津|xingang", "Tianjin", "China"),
    ("dalian|大连", "Dalian", "China"),
    ("fuzhou|福州", "Fuzhou", "China"),
    ("hong kong|hongkong|香港", "Hong Kong", "China"),
    ("foshan|佛山", "Foshan", "China"),
    ("zhongshan|中山", "Zhongshan", "China"),
    ("yiwu|义乌", "Yiwu", "China"),
    (
        "hamburg|hamburgo|hambourg|гамбург|汉堡",
        "Hamburg",
        "Germany",
    ),
    ("bremerhaven|bremen", "Bremerhaven", "Germany"),
    (
        "rotterdam|róterdam|роттердам|鹿特丹",
        "Rotterdam",
        "Netherlands",
    ),
    (
        "antwerp|antwerpen|anvers|amberes|安特卫普",
        "Antwerp",
        "Belgium",
    ),
    (
        "felixstowe|southampton|london gateway",
        "Felixstowe",
        "United Kingdom",
    ),
    ("london|londres|лондон|伦敦", "London", "United Kingdom"),
    ("le havre|marseille|marseilles", "Le Havre", "France"),
    ("paris|париж|巴黎", "Paris", "France"),
    (
        "valencia|barcelona|algeciras|巴塞罗那|瓦伦西亚",
        "Valencia",
        "Spain",
    ),
    ("madrid|马德里", "Madrid", "Spain"),
    (
        "genoa|genova|la spezia|milan|milano|热那亚|米兰",
        "Genoa",
        "Italy",
    ),
    (
        "gdansk|gdańsk|gdynia|warsaw|warszawa|warszawy|warszawie|kraków|krakowa|格但斯克",
        "Gdansk",
        "Poland",
    ),
    ("luanda|罗安达", "Luanda", "Angola"),
    ("maputo|beira|马普托", "Maputo", "Mozambique"),
    ("minsk|минск|минска", "Minsk", "Belarus"),
    ("brussels|bruxelles|brussel|брюссель", "Brussels", "Belgium"),
    ("vienna|wien|viena|vienne|вена", "Vienna", "Austria"),
    ("zurich|zürich|zúrich|цюрих", "Zurich", "Switzerland"),
    ("algiers|alger|argel|الجزائر العاصمة", "Algiers", "Algeria"),
    ("abidjan|阿比让", "Abidjan", "Ivory Coast"),
    ("colón|colon free zone|panama city", "Colon", "Panama"),
    ("kuwait city|مدينة الكويت", "Kuwait City", "Kuwait"),
    ("recife|rio de janeiro|salvador", "Recife", "Brazil"),
    ("montreal|montréal", "Montreal", "Canada"),
    ("izmir|i̇zmir", "Izmir", "Turkey"),
    ("piraeus|比雷埃夫斯", "Piraeus", "Greece"),
    (
        "jebel ali|dubai|dubái|dubaï|дубай|دبي|迪拜|ドバイ|sharjah|abu dhabi|أبوظبي",
        "Dubai",
        "United Arab Emirates",
    ),
    (
        "jeddah|yeddah|جدة|吉达|dammam|الدمام|riyadh|الرياض|利雅得",
        "Jeddah",
        "Saudi Arabia",
    ),
    ("doha|الدوحة", "Doha", "Qatar"),
    (
        "alexandria|الإسكندرية|port said|cairo|القاهرة|开罗",
        "Alexandria",
        "Egypt",
    ),
    ("lagos|apapa|tin can|拉各斯", "Lagos", "Nigeria"),
    ("mombasa|nairobi|蒙巴萨|内罗毕", "Mombasa", "Kenya"),
    ("accra|特马", "Tema", "Ghana"),
    ("dar es salaam|达累斯萨拉姆", "Dar es Salaam", "Tanzania"),
    (
        "durban|johannesburg|cape town|德班",
        "Durban",
        "South Africa",
    ),
    (
        "casablanca|الدار البيضاء|卡萨布兰卡",
        "Casablanca",
        "Morocco",
    ),
    (
        "santos|são paulo|sao paulo|paranaguá|itajaí|itajai|桑托斯",
        "Santos",
        "Brazil",
    ),
    (
        "manzanillo|veracruz|lázaro cárdenas|ciudad de méxico|mexico city|guadalajara|monterrey",
        "Manzanillo",
        "Mexico",
    ),
    ("buenos aires|布宜诺斯艾利斯", "Buenos Aires", "Argentina"),
    (
        "valparaíso|valparaiso|san antonio|santiago",
        "Valparaiso",
        "Chile",
    ),
    ("callao|lima|利马", "Callao", "Peru"),
    (
        "cartagena|buenaventura|bogotá|bogota",
        "Cartagena",
        "Colombia",
    ),
    ("guayaquil|瓜亚基尔", "Guayaquil", "Ecuador"),
    (
        "los angeles|long beach|洛杉矶|长滩",
        "Los Angeles",
        "United States",
    ),
    ("new york|newark|纽约", "New York", "United States"),
    (
        "houston|miami|savannah|seattle|chicago|休斯顿",
        "Houston",
        "United States",
    ),
    (
        "vancouver|toronto|montreal|温哥华|多伦多",
        "Vancouver",
        "Canada",
    ),
    (
        "sydney|melbourne|brisbane|悉尼|墨尔本",
        "Sydney",
        "Australia",
    ),
    ("auckland|奥克兰", "Auckland", "New Zealand"),
    (
        "tokyo|yokohama|osaka|kobe|東京|横浜|大阪|神戸|东京",
        "Tokyo",
        "Japan",
    ),
    ("busan|pusan|釜山", "Busan", "South Korea"),
    ("port klang|kuala lumpur|巴生", "Port Klang", "Malaysia"),
    ("jakarta|surabaya|雅加达", "Jakarta", "Indonesia"),
    ("manila|马尼拉", "Manila", "Philippines"),
    ("bangkok|laem chabang|曼谷", "Bangkok", "Thailand"),
    (
        "ho chi minh|hồ chí minh|tp hcm|hcmc|saigon|hai phong|haiphong|hanoi|hà nội|hải phòng|胡志明",
        "Ho Chi Minh City",
        "Vietnam",
    ),
    (
        "nhava sheva|mumbai|chennai|mundra|delhi|孟买",
        "Nhava Sheva",
        "India",
    ),
    ("karachi|lahore|卡拉奇", "Karachi", "Pakistan"),
    ("chittagong|dhaka|吉大港", "Chittagong", "Bangladesh"),
    ("colombo|科伦坡", "Colombo", "Sri Lanka"),
    ("bandar abbas|tehran|阿巴斯", "Bandar Abbas", "Iran"),
    ("umm qasr|basra|baghdad|erbil", "Umm Qasr", "Iraq"),
    (
        "mersin|istanbul|i̇stanbul|izmir|ambarlı|ambarli|стамбул|伊斯坦布尔",
        "Istanbul",
        "Turkey",
    ),
    (
        "novorossiysk|новороссийск|vladivostok|владивосток|moscow|москва|москву|москвы|москве|st petersburg|saint petersburg|санкт-петербург|莫斯科|海参崴",
        "Moscow",
        "Russia",
    ),
    ("almaty|алматы|астана|astana", "Almaty", "Kazakhstan"),
    ("tashkent|ташкент", "Tashkent", "Uzbekistan"),
    ("odessa|odesa|одесса|kyiv|kiev|киев", "Odesa", "Ukraine"),
    ("singapore port|psa singapore", "Singapore", "Singapore"),
];

pub fn add(v: &mut Vec<(&'static str, Tag)>) {
    v.extend(COUNTRIES.iter().map(|(p, c)| (*p, Tag::Country(c))));
    v.extend(ADJECTIVES.iter().map(|(p, c)| (*p, Tag::CountryAdj(c))));
    v.extend(PLACES.iter().map(|(p, n, c)| (*p, Tag::Place(n, c))));
    v.push((
        "market|markets|target market|mercado|markt|marché|рынок|рынка|mercado-alvo|pazar|rynek|thị trường|السوق|市場|市场|import to|importing to|importing into|ship to|shipping to|deliver to|delivery to|destination|destination port|port of destination|目的港|发往|出口到|destino|puerto de destino|zielhafen|lieferung nach|destination finale|port de destination|порт назначения|доставка в|porto de destino|varış limanı|port docelowy|cảng đến|ميناء الوصول|仕向地",
        Tag::MarketWord,
    ));
}
