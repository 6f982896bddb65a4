//! The hand-written buyers: 48 believable export customers of a Chinese lighting and hardware
//! manufacturer, each with contacts, a profile and a story. Kept as a readable table that is
//! parsed through the domain's own parsers, so bad demo data fails a test instead of a page.

use super::stories::Story;
use leadledger_domain::contact::{ContactDraft, ContactInput};
use leadledger_domain::customer::{CustomerDraft, CustomerInput};

/// Who owns a buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Lily,
    Tom,
    Mgr,
    Pool,
}

/// One parsed row of [`BUYERS`] with its contacts.
#[derive(Debug, Clone)]
pub(super) struct Buyer {
    pub input: CustomerInput,
    pub owner: Owner,
    pub story: Story,
    pub buyer_type: Option<&'static str>,
    pub product: &'static str,
    pub volume: Option<&'static str>,
    pub certs: Vec<&'static str>,
    pub license: Option<bool>,
    pub tags: Vec<&'static str>,
    pub contacts: Vec<ContactInput>,
}

/// `name | country | domain | source | source detail | status | completeness | requirement clear
/// | stage | owner | story | buyer type | main product | annual volume USD | certificates | import
/// licence | tags | notes`, followed by its contacts as `+ name | title | email (local part or
/// address) | phone | WhatsApp ("wa" = the phone) | WeChat`.
const BUYERS: &str = "
Lichtwerk Handels GmbH | DE | lichtwerk-handel.de | trade_show | Light+Building 2026 | customer | high | yes | mass_production | lily | steady | Distributor | LED panel lights 600x600 40W | 420000 | CE,RoHS | yes | 回款准时,VIP | Pays 30% deposit, balance before shipment. Wants pallet labels in German.
+ Jonas Becker | Head of Purchasing | j.becker | +49 40 3012 5566 | wa |
+ Petra Vogel | Accounts Payable | buchhaltung | +49 40 3012 5500 | |
Brightline Hardware Supply LLC | US | brightlinesupply.com | trade_show | National Hardware Show 2025 | customer | high | yes | mass_production | tom | steady | Retailer | LED shop lights 4ft, linkable | 650000 | UL,FCC | yes | 回款准时,VIP | Hardware chain, 38 stores in Ohio and Indiana. UL listing is mandatory.
+ Mike Sullivan | Category Manager, Lighting | msullivan | +1 614 555 0182 | |
+ Karen Ortiz | Import Coordinator | kortiz | +1 614 555 0139 | |
Luz do Sul Importadora Ltda | BR | luzdosul.com.br | alibaba | | prospect | medium | no | sample | lily | haggler | Importer | LED bulbs A60 9W | 90000 | INMETRO | yes | 长期压价,样品已寄 | Compares every quote with two Shenzhen factories.
+ Rafael Souza | Diretor Comercial | rafael | +55 51 99812 3344 | wa |
Al Noor General Trading FZE | AE | alnoortrading.ae | whatsapp | | customer | medium | yes | mass_production | tom | steady | Importer | Street lights 100W-200W | 260000 | CE,SASO | yes | 回款准时 | Re-exports to Oman and Saudi Arabia from Jebel Ali.
+ Imran Qureshi | Managing Partner | imran | +971 50 412 7788 | wa |
+ Fatima Al Suwaidi | Logistics | logistics | +971 4 881 2200 | |
Hoshino Shoumei K.K. | JP | hoshino-shoumei.co.jp | global_sources | | customer | high | yes | proofing | mgr | project | Brand owner | Private-label LED desk lamps | 300000 | PSE | yes | VIP,样品已寄,大项目 | Strict about packaging drop tests. PSE certificate needed before each PO.
+ 星野 健太 Kenta Hoshino | Product Manager | k.hoshino | +81 3 5412 8890 | |
+ Yuki Tanaka | QA Engineer | y.tanaka | +81 3 5412 8891 | |
Hurtownia Elektryczna Kowalski Sp. z o.o. | PL | kowalski-hurt.pl | made_in_china | | customer | medium | yes | mass_production | lily | slow | Distributor | LED tubes T8 18W | 120000 | CE,RoHS | yes | | Answers after two or three weeks but always pays.
+ Tomasz Kowalski | Właściciel | tomasz | +48 22 611 4520 | |
Okonkwo Building Contractors Ltd | NG | okonkwobuild.com.ng | linkedin | | prospect | low | no | inquiry | tom | haggler | Contractor | Solar street lights 60W | 150000 | | no | 长期压价 | Wants 100% payment after delivery. Keeps asking for a lower price.
+ Chinedu Okonkwo | Director | chinedu | +234 803 555 1290 | wa |
Sunreach Solar Pty Ltd | AU | sunreachsolar.com.au | website_form | | customer | high | yes | mass_production | lily | steady | Contractor | Solar floodlights with lithium batteries | 210000 | SAA | yes | 回款准时,VIP | Installer in Queensland; orders before each summer season.
+ Liam O'Connor | Procurement | liam | +61 7 3155 0467 | wa |
+ Chloe Nguyen | Operations | ops | +61 7 3155 0400 | |
Shree Ganesh Electricals Pvt Ltd | IN | shreeganeshelectricals.in | alibaba | | lead | low | no | inquiry | pool | silent | Importer | LED downlights | | BIS | | |
+ Ramesh Patel | Purchase | shreeganesh.elec@gmail.com | +91 98250 43311 | wa |
Northgate Home & Garden Ltd | GB | northgatehome.co.uk | trade_show | Canton Fair 2025 Phase 1 | customer | high | yes | mass_production | tom | steady | Retailer | Solar garden lights | 180000 | CE,UKCA | yes | 回款准时,样品已寄 | Garden centre chain; strict on delivery windows before spring.
+ Emma Clarke | Senior Buyer | emma.clarke | +44 113 496 0721 | |
+ David Hughes | Technical | d.hughes | +44 113 496 0733 | |
Éclairage Durand SARL | FR | eclairage-durand.fr | referral | Jonas Becker, Lichtwerk | prospect | high | yes | sample | lily | sampling | Distributor | LED track lights | 95000 | CE,RoHS | yes | 样品已寄 | Referred by Lichtwerk. Needs French manuals.
+ Camille Durand | Gérante | camille | +33 4 78 42 19 60 | |
Illuminazione Ferraro S.r.l. | IT | ferraro-illuminazione.it | made_in_china | | lost | medium | yes | proofing | tom | lost | Brand owner | Decorative filament bulbs | | CE | yes | 长期压价 |
+ Marco Ferraro | Titolare | marco | +39 02 8901 2277 | |
Distribuciones Lumínicas Ibéricas S.L. | ES | dlibericas.es | global_sources | | customer | medium | yes | mass_production | mgr | dormant | Distributor | LED strip lights 24V | 140000 | CE,RoHS | yes | 售后争议多 | Claimed 3% dead on arrival on the last order; settled with spare parts.
+ Javier Ruiz | Jefe de Compras | compras | +34 91 555 6120 | wa |
Van der Berg Verlichting B.V. | NL | vdberg-verlichting.nl | linkedin | | prospect | high | yes | sample | lily | sampling | E-commerce | Smart Wi-Fi bulbs | 70000 | CE,RoHS | yes | 样品已寄 | Sells on bol.com and Amazon.nl.
+ Sanne van der Berg | Founder | sanne | +31 20 794 5512 | wa |
Ferretería Industrial del Norte S.A. de C.V. | MX | ferreteriadelnorte.com.mx | trade_show | Expo Nacional Ferretera 2025 | customer | medium | yes | mass_production | tom | slow | Retailer | Rechargeable work lights | 110000 | | yes | |
+ Alejandro Garza | Gerente de Compras | agarza | +52 81 8340 2211 | wa |
Energía Solar Andina SpA | CL | solarandina.cl | alibaba | | prospect | medium | yes | proofing | tom | project | Project developer | All-in-one solar street lights 60W | 350000 | CE | yes | 大项目 | Municipal tender in Antofagasta, 2,400 poles.
+ Valentina Rojas | Project Engineer | vrojas | +56 2 2940 3310 | |
+ Diego Muñoz | Gerente General | dmunoz | +56 9 8765 4321 | wa |
Al Rashid Electrical Est. | SA | alrashid-electrical.com.sa | x | @alrashid_elec on X | lead | medium | no | inquiry | pool | fresh | Importer | LED floodlights 100W | | SASO | | |
+ Khalid Al Rashid | Owner | khalid | +966 55 321 8844 | wa |
Protea Lighting (Pty) Ltd | ZA | protealighting.co.za | made_in_china | | customer | high | yes | mass_production | lily | steady | Distributor | Emergency lights and exit signs | 160000 | CB | yes | 回款准时 |
+ Thabo Nkosi | Buying Manager | thabo | +27 11 555 0193 | wa |
Hanbit Trading Co., Ltd. | KR | hanbit-trading.co.kr | global_sources | | prospect | low | no | inquiry | mgr | haggler | Importer | LED modules for signage | 80000 | KC | | 长期压价 |
+ Kim Min-jun | Sales Director | mj.kim | +82 2 3452 7781 | |
Minh Phat Electric JSC | VN | minhphat-electric.vn | alibaba | | lead | medium | yes | inquiry | tom | fresh | Contractor | High bay lights 150W | | | | |
+ Nguyen Van Minh | Purchasing | minh.nv | +84 28 3822 6655 | wa |
Yıldız Aydınlatma Ltd. Şti. | TR | yildizaydinlatma.com.tr | trade_show | Canton Fair 2026 Phase 1 | prospect | high | yes | sample | lily | sampling | Distributor | LED panel lights 60x60 | 130000 | CE | yes | 样品已寄 |
+ Emre Yıldız | Genel Müdür | emre | +90 212 555 4410 | wa |
Maple Ridge Electrical Supply Inc. | CA | mapleridge-electrical.ca | website_form | | customer | high | yes | mass_production | tom | steady | Distributor | Vapor-tight LED fixtures | 230000 | UL,ETL | yes | 回款准时,VIP |
+ Sarah Thompson | Purchasing Manager | sthompson | +1 604 555 0148 | |
+ Raj Singh | Warehouse | receiving | +1 604 555 0150 | |
Nairobi Solar Hub Ltd | KE | nairobisolarhub.co.ke | whatsapp | | prospect | low | no | inquiry | pool | slow | Retailer | Solar home kits | 40000 | | | |
+ Wanjiru Kamau | Owner | wanjiru | +254 722 555 310 | wa |
Cairo Lighting Co. S.A.E. | EG | cairolighting.com.eg | alibaba | | lost | low | no | inquiry | pool | silent | Importer | LED bulbs | | | | 长期压价 |
+ Ahmed Hassan | Import Manager | ahmed.h | +20 2 2735 1188 | wa |
Siam Bright Co., Ltd. | TH | siambright.co.th | referral | Kim Min-jun, Hanbit | customer | medium | yes | mass_production | lily | slow | Distributor | LED ceiling lights | 90000 | | yes | |
+ Somchai Srisuk | Managing Director | somchai | +66 2 555 0174 | | somchai_bkk
Cahaya Gemilang Sdn Bhd | MY | cahayagemilang.com.my | made_in_china | | prospect | medium | no | sample | tom | haggler | Importer | LED tubes T5 | 60000 | | | 长期压价,样品已寄 |
+ Lim Wei Jie | Director | weijie | +60 3 7885 2210 | wa | limweijie88
PT Sinar Terang Abadi | ID | sinarterang.co.id | alibaba | | customer | medium | yes | mass_production | tom | steady | Distributor | LED bulbs with SNI mark | 200000 | SNI | yes | 回款准时 |
+ Budi Santoso | Purchasing Manager | budi | +62 21 5790 3321 | wa |
Luzmar Importaciones S.A.S. | CO | luzmar.com.co | linkedin | | lead | high | yes | inquiry | lily | fresh | Importer | Solar street lights 100W | | | | | Very detailed first inquiry: quantity, IP rating, port Cartagena.
+ Andrés Gómez | Gerente de Importaciones | agomez | +57 1 744 9920 | wa |
Andes Ferretería S.A.C. | PE | andesferreteria.pe | trade_show | Canton Fair 2025 Phase 2 | prospect | medium | yes | sample | mgr | sampling | Retailer | Work lights and hand tools | 50000 | | | 样品已寄 |
+ Lucía Quispe | Compras | compras | +51 1 555 2288 | wa |
Nordljus AB | SE | nordljus.se | x | | prospect | high | yes | proofing | lily | project | Brand owner | Designer pendant lamps | 150000 | CE,RoHS | yes | VIP | Design brand; tooling for a new lamp shade, proofing round 2.
+ Erik Lindqvist | Head of Product | erik | +46 8 555 103 20 | |
Alpenlicht Vertriebs GmbH | AT | alpenlicht.at | made_in_china | | customer | high | yes | mass_production | tom | steady | Distributor | LED strip lights 12V | 100000 | CE | yes | 回款准时 |
+ Stefan Gruber | Einkauf | s.gruber | +43 1 555 7781 | |
Pacific Homeworks Trading Inc. | PH | pacifichomeworks.ph | alibaba | | lead | low | no | inquiry | pool | silent | Retailer | Emergency rechargeable bulbs | | | | |
+ Maria Santos | Owner | pacifichomeworks@yahoo.com | +63 917 555 0112 | wa |
Bay Area Grow Supply LLC | US | bayareagrow.com | x | | prospect | medium | yes | sample | tom | sampling | E-commerce | LED grow lights 600W | 120000 | UL,FCC | yes | 样品已寄 |
+ Jason Park | Owner | jason | +1 408 555 0166 | |
Lone Star Solar Solutions LLC | US | lonestarsolar.com | referral | Mike Sullivan, Brightline | customer | high | yes | mass_production | mgr | steady | Contractor | Solar flood lights 200W | 190000 | UL | yes | 回款准时 |
+ Cody Williams | Operations Manager | cody | +1 512 555 0127 | |
Baustoffe Schneider KG | DE | schneider-baustoffe.de | website_form | | lost | medium | yes | sample | lily | lost | Retailer | LED work lights | | CE | | |
+ Klaus Schneider | Geschäftsführer | k.schneider | +49 221 555 3380 | |
Emirates Glow Trading LLC | AE | emiratesglow.ae | alibaba | | lead | low | no | inquiry | pool | silent | Importer | Decorative string lights | | | | |
+ Omar Farouk | Sales | emiratesglow@gmail.com | +971 55 555 0147 | wa |
Adeyemi Electrical Ventures Ltd | NG | adeyemielectrical.com.ng | whatsapp | | customer | medium | yes | mass_production | tom | slow | Importer | Rechargeable lanterns | 70000 | | yes | 售后争议多 | Argued about 40 broken lanterns after the rainy-season shipment.
+ Tunde Adeyemi | CEO | tunde | +234 802 555 7761 | wa |
Kansai Denzai K.K. | JP | kansai-denzai.co.jp | trade_show | Light+Building 2026 | lead | high | yes | inquiry | lily | fresh | Distributor | LED downlights with PSE | | PSE | | |
+ Hiroshi Yamamoto | 購買部 課長 | h.yamamoto | +81 6 6555 2190 | |
Outback Lighting Co Pty Ltd | AU | outbacklighting.com.au | linkedin | | prospect | medium | yes | sample | tom | slow | Distributor | Emergency lights | 60000 | SAA | yes | |
+ Jack Mitchell | Purchasing | jack | +61 8 9555 0142 | |
Mumbai Luminaires LLP | IN | mumbailuminaires.in | global_sources | | customer | medium | yes | mass_production | lily | haggler | Distributor | LED street light drivers | 150000 | BIS | yes | 长期压价 | Orders, but renegotiates every order; margin below 8%.
+ Vikram Mehta | Partner | vikram | +91 22 5555 0190 | wa |
Światło Plus Sp. z o.o. | PL | swiatloplus.pl | trade_show | Canton Fair 2026 Phase 1 | lead | medium | no | inquiry | pool | fresh | Distributor | LED high bays | | CE | | |
+ Anna Nowak | Specjalista ds. zakupów | anna.nowak | +48 61 555 2040 | |
Rio Grande Materiais Elétricos Ltda | BR | riograndeeletricos.com.br | made_in_china | | lead | low | no | inquiry | pool | silent | Importer | LED bulbs | | INMETRO | | |
+ João Pereira | Compras | compras | +55 53 3555 1020 | wa |
Gulf Star Contracting W.L.L. | QA | gulfstar.qa | linkedin | | prospect | high | yes | proofing | mgr | project | Contractor | Stadium flood lights 1000W | 500000 | CE | yes | VIP,大项目 | Stadium retrofit; consultant approval needed for photometric reports.
+ Ahmed Khalil | Project Manager | a.khalil | +974 4455 2201 | wa |
+ Priya Nair | Procurement Engineer | procurement | +974 4455 2210 | |
Baltic Light OÜ | EE | balticlight.ee | website_form | | prospect | medium | yes | inquiry | lily | slow | E-commerce | LED filament bulbs | 30000 | CE | | |
+ Kristjan Tamm | Founder | kristjan | +372 555 1234 | |
Atlas Quincaillerie SARL | MA | atlasquincaillerie.ma | other | Met on a sourcing trip in Yiwu | customer | medium | yes | mass_production | tom | steady | Retailer | Hardware and LED bulbs | 80000 | CE | yes | 回款准时 |
+ Youssef El Amrani | Gérant | youssef | +212 522 555 310 | wa |
Kiwi Outdoor Living Ltd | NZ | kiwioutdoor.co.nz | website_form | | prospect | high | yes | sample | lily | sampling | Retailer | Solar garden lights | 45000 | | yes | 样品已寄 |
+ Hannah Wilson | Buyer | hannah | +64 9 555 0178 | |
Fotistiki Hellas S.A. | GR | fotistiki.gr | other | Bought our catalogue from an agent | lead | low | no | inquiry | pool | silent | Distributor | LED bulbs | | CE | | |
+ Nikos Papadopoulos | Purchasing | info | +30 21 0555 4400 | |
Danube Electric d.o.o. | RS | danube-electric.rs | made_in_china | | lost | medium | no | sample | tom | lost | Distributor | LED panels | | CE | | 售后争议多 |
+ Milan Jovanović | Direktor | milan | +381 11 555 0123 | wa |
";

/// Splits a table line into trimmed cells.
fn cells(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

fn list(s: &'static str) -> Vec<&'static str> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn opt(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}

fn parse_buyer(line: &'static str) -> Result<Buyer, String> {
    let c: Vec<&'static str> = cells(line);
    if c.len() != 18 {
        return Err(format!("{} cells instead of 18 in {line:?}", c.len()));
    }
    let draft = CustomerDraft {
        name: c[0].into(),
        country: c[1].into(),
        website: format!("https://www.{}", c[2]),
        email_domain: c[2].into(),
        source: c[3].into(),
        source_detail: c[4].into(),
        status: c[5].into(),
        completeness: c[6].into(),
        requirement_clear: c[7].into(),
        stage: c[8].into(),
        notes: c[17].into(),
    };
    let input = draft.parse().map_err(|e| format!("{}: {e}", c[0]))?;
    let owner = match c[9] {
        "lily" => Owner::Lily,
        "tom" => Owner::Tom,
        "mgr" => Owner::Mgr,
        "pool" => Owner::Pool,
        o => return Err(format!("{}: unknown owner {o:?}", c[0])),
    };
    let story =
        Story::parse(c[10]).ok_or_else(|| format!("{}: unknown story {:?}", c[0], c[10]))?;
    let license = match c[15] {
        "" => None,
        "yes" => Some(true),
        "no" => Some(false),
        l => {
            return Err(format!(
                "{}: licence must be yes, no or empty, not {l:?}",
                c[0]
            ));
        }
    };
    Ok(Buyer {
        input,
        owner,
        story,
        buyer_type: opt(c[11]),
        product: c[12],
        volume: opt(c[13]),
        certs: list(c[14]),
        license,
        tags: list(c[16]),
        contacts: Vec::new(),
    })
}

fn parse_contact(line: &str, domain: &str) -> Result<ContactInput, String> {
    let c = cells(line);
    if c.len() != 6 {
        return Err(format!(
            "{} cells instead of 6 in contact {line:?}",
            c.len()
        ));
    }
    let email = if c[2].contains('@') {
        c[2].to_string()
    } else {
        format!("{}@{domain}", c[2])
    };
    let whatsapp = if c[4] == "wa" {
        c[3].to_string()
    } else {
        c[4].to_string()
    };
    let draft = ContactDraft {
        name: c[0].into(),
        title: c[1].into(),
        emails: email,
        phones: c[3].into(),
        whatsapp,
        wechat: c[5].into(),
        notes: String::new(),
    };
    draft
        .parse("")
        .map_err(|e| format!("contact {}: {e}", c[0]))
}

/// Every hand-written buyer, validated.
pub(super) fn all() -> Result<Vec<Buyer>, String> {
    let mut out: Vec<Buyer> = Vec::new();
    for line in BUYERS.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(rest) = line.strip_prefix('+') {
            let b = out.last_mut().ok_or("a contact line before any buyer")?;
            let domain = b
                .input
                .email_domain
                .as_ref()
                .map(|d| d.as_str().to_string())
                .unwrap_or_default();
            b.contacts.push(parse_contact(rest, &domain)?);
        } else {
            out.push(parse_buyer(line)?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use leadledger_domain::customer::SourceChannel;
    use std::collections::HashSet;

    #[test]
    fn the_hand_written_buyers_parse_and_cover_every_source_and_status() {
        let buyers = all().unwrap();
        assert_eq!(buyers.len(), 48);
        assert!(
            buyers.iter().all(|b| (1..=3).contains(&b.contacts.len())),
            "1 to 3 contacts each"
        );
        let sources: HashSet<_> = buyers.iter().map(|b| b.input.source).collect();
        assert_eq!(sources.len(), SourceChannel::ALL.len());
        let countries: HashSet<_> = buyers.iter().map(|b| b.input.country.as_str()).collect();
        assert!(countries.len() >= 15, "{} countries", countries.len());
        let keys: HashSet<_> = buyers.iter().map(|b| b.input.name.match_key()).collect();
        assert_eq!(
            keys.len(),
            buyers.len(),
            "no two buyers look like duplicates"
        );
        for o in [Owner::Lily, Owner::Tom, Owner::Mgr, Owner::Pool] {
            assert!(buyers.iter().any(|b| b.owner == o), "{o:?}");
        }
    }
}
