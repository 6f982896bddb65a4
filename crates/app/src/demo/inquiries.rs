//! The demo inbox: the first inquiries of some demo buyers — from detailed RFQs to one-liners, in
//! several languages — their follow-ups (one buyer answers the questions, one only haggles), and
//! unlinked mail: scams, a supplier pitch and vague requests.

use crate::Result;
use crate::inquiries::{Channel, insert_received};
use leadledger_inquiry::Message;
use leadledger_store::Tx;
use leadledger_store::customers::{CustomerFilter, list};

const DAY: i64 = 86_400;

/// `(buyer name or "" for unlinked, days ago, from, subject, text)`.
const INBOX: &[(&str, i64, &str, &str, &str)] = &[
    (
        "Lichtwerk Handels GmbH",
        530,
        "Jonas Becker <j.becker@lichtwerk-handel.de>",
        "Anfrage LED Panel 600x600",
        "Sehr geehrte Damen und Herren,\n\nwir suchen für unseren Großhandel 2.000 Stück LED Panel 600x600 mm, 40W, 4000K, UGR<19, CE und RoHS, Lieferung FOB Ningbo, Zielmarkt Deutschland. Bitte senden Sie uns Ihr Angebot mit Lieferzeit und Zahlungsbedingungen (30% Anzahlung, Rest vor Verschiffung).\n\nMit freundlichen Grüßen\nJonas Becker\nLichtwerk Handels GmbH\nwww.lichtwerk-handel.de",
    ),
    (
        "Brightline Hardware Supply LLC",
        500,
        "Mike Carter <purchasing@brightlinesupply.com>",
        "RFQ - LED shop lights",
        "Hi,\n\nWe need 5000 pcs 4ft LED shop lights, 42W, 5000K, linkable, ETL listed, for our stores in Texas. Please quote FOB Shenzhen with lead time. Payment T/T 30/70. Carton with UPC labels required.\n\nThanks,\nMike Carter\nBrightline Hardware Supply LLC",
    ),
    (
        "Luz do Sul Importadora Ltda",
        480,
        "Carlos Souza <compras@luzdosul.com.br>",
        "Cotação",
        "Bom dia, qual o melhor preço para lâmpadas LED? Obrigado.",
    ),
    (
        "Luz do Sul Importadora Ltda",
        470,
        "Carlos Souza <compras@luzdosul.com.br>",
        "Re: Cotação",
        "Seu preço está alto. Qual o preço mais baixo? Outro fornecedor oferece mais barato.",
    ),
    (
        "Van der Berg Verlichting B.V.",
        300,
        "Sanne de Vries <sanne@vdberg-verlichting.nl>",
        "LED strips",
        "Hello, we are interested in your LED strips. Please send your catalogue and price list.",
    ),
    (
        "Van der Berg Verlichting B.V.",
        292,
        "Sanne de Vries <sanne@vdberg-verlichting.nl>",
        "Re: LED strips",
        "Thanks for your questions. We need 3000 rolls of 5m LED strip 24V, 14.4W/m, 3000K, IP65, CE and RoHS, for shops in the Netherlands. Delivery CIF Rotterdam, please advise lead time.",
    ),
    (
        "Al Noor General Trading FZE",
        420,
        "Ahmed Hassan <ahmed@alnoortrading.ae>",
        "طلب عرض سعر",
        "السلام عليكم، نحتاج 1000 قطعة كشاف LED 100 واط IP65 للسوق الإماراتي، الشحن إلى جبل علي CFR. يرجى إرسال السعر ومدة التسليم. شهادة SASO مطلوبة.",
    ),
    (
        "Hoshino Shoumei K.K.",
        400,
        "佐藤 健 <sato@hoshino-shoumei.co.jp>",
        "LEDダウンライトの見積依頼",
        "お世話になっております。LEDダウンライト 12W 3000K 500個の見積もりをお願いします。PSE認証が必要です。納期と支払条件も教えてください。",
    ),
    (
        "Hurtownia Elektryczna Kowalski Sp. z o.o.",
        380,
        "Tomasz Nowak <zakupy@kowalski-hurt.pl>",
        "Zapytanie ofertowe",
        "Dzień dobry, prosimy o ofertę na 800 szt. opraw LED high bay 150W, IP65, CE, dostawa do Gdańska. Termin realizacji?",
    ),
    (
        "Minh Phat Electric JSC",
        40,
        "Nguyen Van An <an.nguyen@minhphat-electric.vn>",
        "Báo giá đèn LED",
        "Chào anh/chị, công ty chúng tôi cần báo giá 2000 bộ đèn LED tuýp T8 18W, giao hàng CIF Hải Phòng. Xin gửi giá và thời gian giao hàng.",
    ),
    (
        "Yıldız Aydınlatma Ltd. Şti.",
        200,
        "Mehmet Yıldız <satinalma@yildizaydinlatma.com.tr>",
        "Fiyat teklifi",
        "Merhaba, 1500 adet LED sokak lambası 60W için fiyat teklifi istiyoruz. CE belgesi gerekli. Teslimat FOB Ningbo.",
    ),
    (
        "Luzmar Importaciones S.A.S.",
        20,
        "Laura Gómez <laura@luzmar.com.co>",
        "Solicitud de cotización",
        "Buenas tardes, necesitamos 600 reflectores LED 50W IP66 para Colombia, precio CIF Cartagena y tiempo de entrega. Pago 30% anticipo.",
    ),
    (
        "Kansai Denzai K.K.",
        15,
        "田中 <tanaka@kansai-denzai.co.jp>",
        "カタログ送付のお願い",
        "製品カタログと価格表を送ってください。",
    ),
    (
        "Al Rashid Electrical Est.",
        10,
        "Faisal <faisal@alrashid-electrical.com.sa>",
        "Inquiry",
        "Dear sir, pls send price for LED flood light 200W qty 300 pcs to Dammam port, SASO certificate needed. Payment L/C at sight.",
    ),
    (
        "",
        3,
        "WhatsApp +234 803 555 0192",
        "",
        "hi dear, send me price of solar street light",
    ),
    (
        "",
        2,
        "Alibaba.com Service <notice@alibaba-support-center.com>",
        "Your account will be suspended",
        "Dear member, your account has been flagged. Verify your account within 24 hours or it will be suspended: http://alibaba-verify-login.com/signin",
    ),
    (
        "",
        2,
        "Purchase Dept <order@globalbuyers-group.com>",
        "NEW ORDER - PO#45821",
        "Dear Supplier, kindly find attached our purchase order. Download the PO here to view quantities: https://drive-docs-share.info/po45821.html Regards, Purchase Manager",
    ),
    (
        "",
        1,
        "Trade Directory <info@b2b-exporters-list.net>",
        "Registration",
        "Congratulations! Your company has been selected for the 2027 World Importers Directory. To confirm your listing please pay the registration fee of USD 980 by Western Union.",
    ),
    (
        "",
        1,
        "Linda <sales@shenzhen-pcb-fab.cn>",
        "PCB manufacturing 24h quick turn",
        "Dear purchasing manager, we are a professional PCB manufacturer with 15 years experience. We offer 24h quick turn prototypes at competitive prices. Please check our website.",
    ),
    (
        "",
        0,
        "jose.martinez1987@gmail.com",
        "cotizacion",
        "Hola, soy importador en Guatemala. Necesito 200 paneles solares 450W para proyecto residencial, entrega en Puerto Quetzal. ¿Precio FOB y plazo de entrega?",
    ),
    (
        "",
        0,
        "Ivan <ivan.petrov@mail.ru>",
        "Запрос",
        "Здравствуйте! Интересуют светодиодные прожекторы 100 Вт, 500 шт, доставка в Новороссийск. Нужен сертификат EAC. Какая цена и срок поставки?",
    ),
    (
        "",
        0,
        "buyer@outlook.com",
        "Need catalog",
        "Hello, please send your products catalog and best prices.",
    ),
];

async fn customer_id(tx: &mut Tx, name: &str) -> Result<Option<i64>> {
    let f = CustomerFilter {
        q: Some(name.to_string()),
        ..Default::default()
    };
    let (rows, _) = list(tx, &f, 5, 0).await?;
    Ok(rows.into_iter().find(|r| r.name == name).map(|r| r.id))
}

/// Writes the demo inbox in the open seeding transaction; returns how many inquiries it wrote.
pub(super) async fn seed(tx: &mut Tx, now: i64, by: Option<i64>) -> Result<usize> {
    let mut n = 0;
    for (buyer, days_ago, from, subject, text) in INBOX {
        let cid = if buyer.is_empty() {
            None
        } else {
            customer_id(tx, buyer).await?
        };
        let msg = Message {
            text: text.to_string(),
            subject: Some(subject.to_string()).filter(|s| !s.is_empty()),
            from: Some(from.to_string()),
            ..Default::default()
        };
        // Received in the morning of that day, so follow-ups stay after their first inquiry.
        let at = now - days_ago * DAY - 3600 * 6;
        insert_received(tx, &msg, Channel::Demo, at, by, cid).await?;
        n += 1;
    }
    Ok(n)
}
