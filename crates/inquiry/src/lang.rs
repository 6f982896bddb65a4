//! Why this module exists: questions must go back in the buyer's language, and some rules depend on
//! it. Detection is cheap: the writing system decides most languages; Latin-script languages are
//! told apart by frequent function words and tell-tale letters.

use crate::text::Doc;

pub const LATIN: &[(&str, &str)] = &[
    (
        "en",
        "the|and|for|you|your|we|our|please|pls|with|this|is|are|of|to|need|looking|would|like|price|quote|hello|hi|dear|regards|thanks|can|have|will|from|send|us|what|how|much|want|do|best|kindly|my|i|it|be",
    ),
    (
        "es",
        "el|la|los|las|de|del|y|para|por|con|una|un|que|es|nuestra|nuestro|necesitamos|necesito|estamos|precio|favor|gracias|saludos|buenos|días|hola|cotización|somos|empresa|cuánto|cuesta|buscamos|cotizar|envíenos|sus|su|pedido|mínimo|entrega|tiempo|pago|estimado|estimados|cuál|usted|quiero|muestras",
    ),
    (
        "pt",
        "o|os|as|de|do|da|dos|das|e|para|com|uma|um|que|é|nossa|nosso|precisamos|preciso|estamos|preço|obrigado|obrigada|olá|bom|dia|cotação|somos|empresa|não|gostaria|gostaríamos|vocês|você|quanto|custa|tem|manda|qual|quantidade|mínima|prezado|sua|seus|suas|conta|solicito|entrega|envie|pagamento|necessitamos|peças|em|ao|pelo|pela|favor|cotar|prazo",
    ),
    (
        "de",
        "der|die|das|und|für|mit|ein|eine|wir|sie|ihr|ihre|ihren|unser|unsere|bitte|benötigen|brauchen|ist|sind|nicht|grüße|freundlichen|hallo|guten|tag|angebot|stück|zu|von|auf|sehr|geehrte|geehrter|auch|anfrage|muster|lieferung|nach|preis|was|kostet|konto|wurde|anbei|möchten|suchen|bestellen|uns|können|schicken|senden|damen|herren|hier",
    ),
    (
        "fr",
        "le|la|les|de|des|du|et|pour|avec|une|un|que|nous|vous|votre|vos|notre|nos|est|sont|bonjour|merci|cordialement|besoin|prix|devis|pièces|madame|monsieur|sur|dans|svp|combien|coûte|envoyez|moi|quelle|il|faut|demande|livraison",
    ),
    (
        "it",
        "il|lo|gli|della|delle|per|con|una|che|siamo|nostro|nostra|vostro|grazie|saluti|buongiorno|prezzo|abbiamo|bisogno|sono|cordiali",
    ),
    (
        "tr",
        "ve|bir|için|ile|bu|biz|sizin|merhaba|teşekkürler|fiyat|fiyatı|adet|lütfen|ihtiyacımız|istiyoruz|firmamız|saygılarımızla|var|mı|mi|olarak|nedir|sayın|gönderin|teslimat|ödeme|ilgileniyoruz|hesabınız|alındı|numune|kalitesi|ton",
    ),
    (
        "pl",
        "i|w|z|na|do|dla|się|jest|nie|oraz|prosimy|potrzebujemy|dzień|dobry|pozdrawiam|cena|szt|sztuk|firma|naszej|jesteśmy|proszę|za|szukamy|dostawa|twoje|zostało|kliknij|aby|oferujemy",
    ),
    (
        "vi",
        "và|của|cho|chúng|tôi|là|có|không|với|các|một|cần|giá|xin|chào|cảm|ơn|công|ty|mua|sản|phẩm|được|bao|nhiêu|gửi|vui|lòng",
    ),
    (
        "nl",
        "het|een|en|van|voor|met|wij|jullie|onze|graag|prijs|offerte|bedankt|groeten|zijn|niet|ook",
    ),
    (
        "id",
        "dan|yang|untuk|kami|anda|dengan|ini|harga|mohon|terima|kasih|perusahaan|butuh|kirim",
    ),
];

/// ISO 639-1 code of the dominant language ("en" when nothing is known).
pub fn detect(d: &Doc, stop: &[u32; 16]) -> &'static str {
    let s = d.script;
    let total = s.latin
        + s.han
        + s.kana
        + s.hangul
        + s.cyrillic
        + s.arabic
        + s.thai
        + s.greek
        + s.hebrew
        + s.devanagari;
    if total == 0 {
        return "en";
    }
    // Non-Latin scripts: one letter in CJK counts like ~3 Latin letters.
    let cjk = (s.han + s.kana) * 3;
    let mut best = ("en", s.latin);
    let candidates = [
        (
            if s.kana * 10 >= s.han.max(1) && s.kana > 0 {
                "ja"
            } else {
                "zh"
            },
            cjk,
        ),
        ("ko", s.hangul * 3),
        ("ru", s.cyrillic),
        ("ar", s.arabic),
        ("th", s.thai),
        ("el", s.greek),
        ("he", s.hebrew),
        ("hi", s.devanagari),
    ];
    for (code, n) in candidates {
        if n > best.1 {
            best = (code, n);
        }
    }
    if best.0 == "ru" {
        // Ukrainian letters.
        if d.lower.contains(['і', 'ї', 'є', 'ґ']) {
            return "uk";
        }
        return "ru";
    }
    if best.0 == "ar" && d.lower.contains(['پ', 'چ', 'گ', 'ی']) && !d.lower.contains('ة') {
        return "fa";
    }
    if best.0 != "en" {
        return best.0;
    }
    latin(d, stop)
}

fn latin(d: &Doc, stop: &[u32; 16]) -> &'static str {
    let mut score = [0u32; 11];
    for (k, sc) in score.iter_mut().enumerate() {
        *sc = stop[k] * 2;
    }
    let ascii = d.lower.is_ascii();
    for c in d.lower.chars().filter(|c| !ascii && !c.is_ascii()) {
        // (language index, bonus) pairs for tell-tale letters.
        let bonus: &[(usize, u32)] = match c {
            'ñ' | '¿' | '¡' => &[(1, 3)],
            'ã' | 'õ' => &[(2, 3)],
            'ç' => &[(2, 1), (4, 1), (6, 1)],
            'ß' | 'ä' => &[(3, 3)],
            'ö' | 'ü' => &[(3, 2), (6, 2)],
            'è' | 'à' | 'ù' | 'î' | 'œ' | 'û' | 'ë' => &[(4, 3)],
            'ê' | 'â' => &[(2, 1), (4, 1)],
            'ğ' | 'ş' | 'ı' => &[(6, 3)],
            'ł' | 'ą' | 'ę' | 'ś' | 'ż' | 'ź' | 'ć' | 'ń' => &[(7, 3)],
            'ư' | 'ơ' | 'đ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' | 'ệ' | 'ể' | 'ộ' | 'ố' | 'ờ' | 'ợ'
            | 'ủ' | 'ữ' | 'ẩ' | 'ặ' | 'ỏ' | 'ọ' | 'ị' | 'ỉ' => &[(8, 3)],
            _ => continue,
        };
        for (k, b) in bonus {
            score[*k] += b;
        }
    }
    if !ascii && (d.lower.contains("ção") || d.lower.contains("ções")) {
        score[2] += 4;
    }
    let codes = [
        "en", "es", "pt", "de", "fr", "it", "tr", "pl", "vi", "nl", "id",
    ];
    let mut best = 0;
    for k in 1..score.len() {
        if score[k] > score[best] {
            best = k;
        }
    }
    codes[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> &'static str {
        let d = Doc::from_parts("", s);
        detect(&d, &crate::lexicon::scan_full(&d).stop)
    }

    #[test]
    fn detects() {
        assert_eq!(lang("Please send price for 1000 pcs LED lights"), "en");
        assert_eq!(lang("我们需要1000个LED灯"), "zh");
        assert_eq!(lang("LEDライトの見積もりをお願いします"), "ja");
        assert_eq!(
            lang("Necesitamos 500 sillas para nuestra tienda, precio por favor"),
            "es"
        );
        assert_eq!(
            lang("Precisamos de 500 cadeiras para a nossa loja, obrigado"),
            "pt"
        );
        assert_eq!(lang("Wir benötigen 500 Stühle, bitte um Angebot"), "de");
        assert_eq!(
            lang("Nous avons besoin de 500 chaises, merci pour votre devis"),
            "fr"
        );
        assert_eq!(lang("Нам нужны 500 стульев, пришлите цену"), "ru");
        assert_eq!(lang("نحتاج 500 كرسي، أرسل السعر من فضلك"), "ar");
        assert_eq!(lang("Merhaba, 500 adet sandalye için fiyat lütfen"), "tr");
        assert_eq!(lang("Dzień dobry, potrzebujemy 500 sztuk krzeseł"), "pl");
        assert_eq!(lang("Xin chào, chúng tôi cần mua 500 ghế"), "vi");
        assert_eq!(lang(""), "en");
    }
}
