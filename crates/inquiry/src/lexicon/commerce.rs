//! Why this module exists: trade vocabulary tables — units, certifications, Incoterms, payment
//! terms, the questions buyers ask, packaging and materials — in the languages exporters meet.
//! Phrases are `|`-separated variants; matching is on lowercase tokens.

use super::{Ask, Tag};

const UNITS: &[(&str, &str)] = &[
    (
        "pcs|pc|pce|pcs.|piece|pieces|nos|件|个|個|只|支|片|枚|张|條|条|颗|粒|stück|stk|stck|st|pz|pzs|piezas|pieza|peças|peça|pecas|peca|pièces|pièce|pieces|pezzi|pezzo|шт|штук|штуки|штука|adet|sztuk|szt|sztuki|chiếc|cái|قطعة|قطع|قطعه|個入|本|脚|着",
        "pcs",
    ),
    (
        "units|unit|台|unidades|unidad|uds|unid|einheiten|unités|unité|unidade|unità|единиц|ед|единицы|وحدة|وحدات|units.|sets of machine",
        "units",
    ),
    (
        "sets|set|套|セット|組|juegos|juego|conjuntos|conjunto|sätze|satz|ensembles|комплектов|комплекта|комплект|takım|set'|zestawów|bộ|طقم|أطقم",
        "sets",
    ),
    (
        "pairs|pair|双|對|对|pares|par|paar|paires|paire|пар|пары|çift|par|đôi|زوج",
        "pairs",
    ),
    (
        "cartons|carton|ctns|ctn|箱|cajas|caja|kartons|karton|kartonów|коробок|коробки|caixas|caixa|koli|thùng|كرتون|boxes|box",
        "cartons",
    ),
    (
        "pallets|pallet|托|托盘|palets|palet|paletten|palette|palettes|паллет|паллеты|paletes|palete|palety|palet|منصة",
        "pallets",
    ),
    (
        "tons|ton|tonne|tonnes|mt|mts|吨|噸|toneladas|tonelada|tonnen|тонн|тонны|тонна|т|طن|أطنان|トン|tấn|tona",
        "tons",
    ),
    (
        "kg|kgs|kilograms|kilogram|kilos|公斤|千克|кг|килограмм|كجم|كغ|キロ",
        "kg",
    ),
    (
        "metres|metre|meters|meter|m|米|metros|metro|mètres|mètre|метров|метра|метр|м|metre|metrów|mét|متر|メートル",
        "metres",
    ),
    (
        "sqm|m2|square meters|square metres|平方米|平米|м2|mt2|metros cuadrados|m²|quadratmeter",
        "m2",
    ),
    (
        "rolls|roll|卷|rollos|rollo|rollen|rolle|rouleaux|rouleau|рулонов|рулона|рулон|rolos|rolo|rulo|rolek|cuộn|لفة",
        "rolls",
    ),
    (
        "containers|container|柜|货柜|contenedores|contenedor|conteneurs|conteneur|контейнеров|контейнера|контейнер|contêineres|contêiner|konteyner|kontenerów|حاوية|حاويات|コンテナ",
        "containers",
    ),
    ("yards|yard|yds|码", "yards"),
    (
        "litres|liters|litre|liter|l|升|litros|литров|литр",
        "litres",
    ),
    (
        "bags|bag|sacks|袋|bolsas|sacos|sacs|мешков|мешка|torby|poşet|túi",
        "bags",
    ),
    ("bottles|bottle|瓶|botellas|flaschen|бутылок", "bottles"),
    ("dozen|dozens|docenas|dutzend|打", "dozen"),
];

const CERTS: &[(&str, &str)] = &[
    ("ce|ce-mark|ce mark|ce certificate|ce认证", "CE"),
    ("rohs|rohs2", "RoHS"),
    ("ul|ul listed|ul-listed|ul认证", "UL"),
    ("etl", "ETL"),
    ("fcc", "FCC"),
    ("saa", "SAA"),
    ("cb|cb certificate", "CB"),
    ("fda", "FDA"),
    ("lfgb", "LFGB"),
    ("reach", "REACH"),
    ("saso", "SASO"),
    ("inmetro", "INMETRO"),
    ("eac|еас|ТР ТС|тр тс", "EAC"),
    ("bsci|amfori bsci", "BSCI"),
    ("iso 9001|iso9001|iso-9001", "ISO 9001"),
    ("iso 14001|iso14001", "ISO 14001"),
    ("gs|gs mark", "GS"),
    ("tuv|tüv|tuev", "TUV"),
    ("dlc", "DLC"),
    ("enec", "ENEC"),
    ("pse", "PSE"),
    ("bis", "BIS"),
    ("ccc|3c认证", "CCC"),
    ("erp", "ErP"),
    ("emc", "EMC"),
    ("lvd", "LVD"),
    ("soncap", "SONCAP"),
    ("oeko-tex|oekotex|oeko tex", "OEKO-TEX"),
    ("gots", "GOTS"),
    ("fsc", "FSC"),
    ("sedex|smeta", "SEDEX"),
    ("energy star", "Energy Star"),
    ("ukca", "UKCA"),
    ("csa", "CSA"),
    ("kc", "KC"),
    ("haccp", "HACCP"),
    ("halal|حلال", "Halal"),
    ("iec 62133|iec62133", "IEC 62133"),
    ("un38.3|un38 . 3|un 38.3", "UN38.3"),
    ("msds", "MSDS"),
    ("nom", "NOM"),
    ("sirim", "SIRIM"),
    ("gcc|g-mark", "GCC"),
    ("dot", "DOT"),
    ("e-mark|emark|e mark", "E-mark"),
    ("astm", "ASTM"),
    ("en71|en 71", "EN 71"),
    ("cpsia", "CPSIA"),
    ("wras", "WRAS"),
    ("nsf", "NSF"),
];

const INCOTERMS: &[(&str, &str)] = &[
    ("exw|ex works|ex-works|exworks|工厂交货", "EXW"),
    ("fca", "FCA"),
    ("cpt", "CPT"),
    ("cip", "CIP"),
    ("dap", "DAP"),
    ("dpu", "DPU"),
    ("ddp|door to door|door-to-door|门到门", "DDP"),
    ("ddu", "DDU"),
    ("fas", "FAS"),
    ("fob|f.o.b|f.o.b.|离岸价", "FOB"),
    ("cfr|c&f|cnf|c+f|c and f", "CFR"),
    ("cif|c.i.f|c.i.f.|到岸价", "CIF"),
];

const PAY: &[(&str, &str)] = &[
    (
        "t/t|tt|t.t|telegraphic transfer|wire transfer|bank transfer|电汇|transferencia|virement|überweisung|banküberweisung|перевод|transferência|havale|przelew|تحويل بنكي|電信送金",
        "T/T",
    ),
    (
        "l/c|lc|letter of credit|信用证|carta de crédito|carta de credito|akkreditiv|lettre de crédit|аккредитив|crédito documentário|akreditif|akredytywa|اعتماد مستندي|信用状",
        "L/C",
    ),
    ("d/p|documents against payment", "D/P"),
    ("d/a|documents against acceptance", "D/A"),
    (
        "payment|zahlung|pago|paiement|оплата|оплаты|pagamento|ödeme|płatność|thanh toán|الدفع|付款|支付|支払",
        "payment terms",
    ),
    ("o/a|open account|net 30|net 60|net 90|赊账|账期", "O/A"),
    ("western union|westernunion|西联", "Western Union"),
    ("paypal", "PayPal"),
    (
        "deposit|downpayment|down payment|advance payment|prepayment|定金|预付|订金|anticipo|adelanto|anzahlung|vorkasse|acompte|предоплата|аванс|sinal|adiantamento|pago anticipado|peşinat|zaliczka|دفعة مقدمة|前払い",
        "deposit",
    ),
    (
        "balance before shipment|balance against|against b/l|against bl|copy of b/l|尾款|見積もり前",
        "balance against documents",
    ),
    ("escrow|trade assurance|信保", "Trade Assurance"),
    ("cash on delivery|cod|货到付款", "cash on delivery"),
    (
        "payment terms|payment term|terms of payment|付款方式|付款条件|forma de pago|condiciones de pago|zahlungsbedingungen|conditions de paiement|условия оплаты|condições de pagamento|ödeme koşulları|warunki płatności|شروط الدفع|支払条件",
        "payment terms",
    ),
];

const ASKS: &[(&str, Ask)] = &[
    (
        "lead time|leadtime|delivery time|production time|delivery date|how long|when can you deliver|shipping time|交期|交货期|货期|生产周期|多久|plazo de entrega|tiempo de entrega|tiempo de producción|lieferzeit|liefertermin|produktionszeit|délai|délai de livraison|délais|срок поставки|сроки поставки|срок изготовления|сроки|prazo de entrega|prazo|tempo de entrega|مدة التسليم|وقت التسليم|موعد التسليم|納期|納品|teslim süresi|teslimat süresi|termin dostawy|czas dostawy|czas realizacji|thời gian giao hàng|tempi di consegna",
        Ask::LeadTime,
    ),
    (
        "sample|samples|sampling|样品|样板|打样|muestra|muestras|muster|probe|échantillon|échantillons|образец|образцы|образца|amostra|amostras|عينة|عينات|サンプル|見本|numune|örnek|próbka|próbki|mẫu|campione|campioni",
        Ask::Sample,
    ),
    (
        "moq|minimum order|minimum quantity|min order|min. order|minimum order quantity|起订量|最小起订量|最低起订|pedido mínimo|cantidad mínima|pedido minimo|mindestbestellmenge|mindestmenge|commande minimale|quantité minimale|минимальный заказ|минимальная партия|минимальный объем|quantidade mínima|pedido mínimo|الحد الأدنى|最小ロット|最低発注|minimum sipariş|minimalne zamówienie|minimalna ilość|số lượng tối thiểu",
        Ask::Moq,
    ),
    (
        "catalog|catalogue|catalogs|catalogues|price list|pricelist|price-list|brochure|product list|目录|产品目录|价格表|价目表|报价表|catálogo|catalogo|lista de precios|listado de precios|katalog|preisliste|tarif|tarifs|liste de prix|каталог|каталоги|прайс|прайс-лист|прайслист|tabela de preços|lista de preços|كتالوج|كتالوجات|قائمة الأسعار|قائمة اسعار|カタログ|価格表|fiyat listesi|cennik|danh mục|bảng giá|listino",
        Ask::Catalog,
    ),
    (
        "price|prices|quote|quotation|quotations|offer|best price|pricing|cost|报价|价格|价钱|多少钱|precio|precios|cotización|cotizacion|presupuesto|preis|preise|angebot|prix|devis|offre|цена|цены|цену|стоимость|предложение|preço|preços|cotação|orçamento|سعر|أسعار|عرض سعر|見積|見積もり|価格|fiyat|teklif|cena|ceny|oferta|wycena|giá|báo giá|prezzo|preventivo",
        Ask::Price,
    ),
];

const PACKAGING: &str = "packaging|packing|package|carton box|color box|colour box|gift box|master carton|export carton|blister|palletized|private label|oem|odm|logo|per ream|per pack|/ pack|per pallet|per roll|per bag|pcs per|units per|sets per|sheets per|por caja|pro karton|par carton|в коробке|por caixa|每箱|装箱|/ carton|/ ctn|per carton|per box|/ box|inner box|packed in|packing list|individual box|individual packaging|caja individual|caja de color|embalagem individual|embalaje individual|einzelverpackung|emballage individuel|индивидуальные коробки|упаковка в|تعبئة|تغليف|個別袋|個別包装|包装|彩盒|贴牌|embalaje|empaque|verpackung|emballage|упаковка|упаковке|embalagem|ambalaj|opakowanie|التعبئة|التغليف|梱包|包装|đóng gói";

const MATERIALS: &[(&str, &str)] = &[
    (
        "stainless steel|ss304|ss316|sus304|304 stainless|不锈钢|acero inoxidable|edelstahl|acier inoxydable|нержавеющая сталь|nerżewiejka|aço inoxidável|paslanmaz çelik|stal nierdzewna",
        "stainless steel",
    ),
    (
        "aluminium|aluminum|alu|铝|铝合金|aluminio|alumínio|алюминий|alüminyum|aluminiowy|nhôm",
        "aluminium",
    ),
    (
        "galvanized|galvanised|镀锌|galvanizado|verzinkt|galvanisé|оцинкованный|galvanizli|ocynkowany",
        "galvanized",
    ),
    (
        "cotton|100% cotton|棉|全棉|纯棉|algodón|baumwolle|coton|хлопок|algodão|pamuk|bawełna|cotone",
        "cotton",
    ),
    ("polyester|涤纶|poliéster|полиэстер|poliester", "polyester"),
    ("pvc", "PVC"),
    ("pp|polypropylene", "PP"),
    ("pe|hdpe|ldpe|polyethylene", "PE"),
    ("abs", "ABS"),
    ("pet", "PET"),
    ("nylon", "nylon"),
    (
        "leather|pu leather|genuine leather|皮革|真皮|cuero|leder|cuir|кожа|couro|deri|skóra",
        "leather",
    ),
    (
        "solid wood|oak|walnut|teak|plywood|mdf|实木|胶合板|madera|massivholz|bois massif|массив|madeira maciça",
        "wood",
    ),
    (
        "kraft paper|kraft|corrugated|瓦楞|牛皮纸|cartón corrugado|wellpappe",
        "paper",
    ),
    (
        "tempered glass|glass|钢化玻璃|玻璃|vidrio|glas|verre|стекло",
        "glass",
    ),
    ("silicone|硅胶|silicona|силикон", "silicone"),
    (
        "ceramic|ceramics|cerámica|cerámicas|cerámico|keramik|céramique|керамические|керамика|cerâmica|陶瓷|セラミック|seramik|ceramiczne",
        "ceramic",
    ),
    ("nitrile|丁腈|nitrilo|nitril|нитрил", "nitrile"),
    (
        "monocrystalline|mono|polycrystalline|单晶|多晶",
        "mono/poly cell",
    ),
    ("lifepo4|lithium|锂电|litio|литий", "lithium"),
    ("copper|铜|cobre|kupfer|cuivre|медь", "copper"),
    (
        "carbon steel|碳钢|acero al carbono|kohlenstoffstahl",
        "carbon steel",
    ),
];

pub fn add(v: &mut Vec<(&'static str, Tag)>) {
    v.extend(UNITS.iter().map(|(p, u)| (*p, Tag::Unit(u))));
    v.extend(CERTS.iter().map(|(p, c)| (*p, Tag::Cert(c))));
    v.extend(INCOTERMS.iter().map(|(p, c)| (*p, Tag::Incoterm(c))));
    v.extend(PAY.iter().map(|(p, c)| (*p, Tag::Pay(c))));
    v.extend(ASKS.iter().map(|(p, a)| (*p, Tag::Ask(*a))));
    v.push((PACKAGING, Tag::Packaging));
    v.extend(MATERIALS.iter().map(|(p, m)| (*p, Tag::Material(m))));
    v.push((
        "target price|target prices|our target|budget|目标价|目标价格|预算|precio objetivo|precio meta|presupuesto de|zielpreis|budget|prix cible|prix visé|целевая цена|бюджет|preço alvo|preço-alvo|orçamento de|السعر المستهدف|目標価格|予算|hedef fiyat|cena docelowa|giá mục tiêu",
        Tag::TargetPrice,
    ));
}
