//! Why this module exists: the seed's advice is to answer a vague inquiry with a few short
//! questions (use, purchase cycle and quantity, required standards, destination and Incoterm,
//! target price). This module picks the questions for what is missing, in the buyer's language.

use crate::facts::Signals;
use crate::{Completeness, Facts, Grade};

#[derive(Clone, Copy)]
enum Q {
    Product,
    Spec,
    Quantity,
    Use,
    Certs,
    Destination,
    TargetPrice,
}

fn text(lang: &str, q: Q) -> &'static str {
    use Q::*;
    match (lang, q) {
        ("zh", Product) => "请问您具体需要哪些产品?",
        ("zh", Spec) => "请问需要哪个型号或什么规格(如功率、尺寸、材质、颜色)?",
        ("zh", Quantity) => "预计采购数量大概是多少?是一次性采购还是长期定期采购?",
        ("zh", Use) => "产品的主要用途或应用场景是什么?",
        ("zh", Certs) => "有无指定的标准或认证要求(如 CE、UL)?",
        ("zh", Destination) => "请告知目的港或目的国,以及希望的贸易条款(如 FOB、CIF、DDP)。",
        ("zh", TargetPrice) => "请问您有目标价格或预算吗?",
        ("es", Product) => "¿Qué productos le interesan exactamente?",
        ("es", Spec) => {
            "¿Qué modelo o especificaciones necesita (potencia, tamaño, material, color)?"
        }
        ("es", Quantity) => {
            "¿Qué cantidad necesita y con qué frecuencia compra (pedido único o regular)?"
        }
        ("es", Use) => "¿Para qué uso o aplicación son los productos?",
        ("es", Certs) => "¿Se requieren normas o certificaciones específicas (p. ej. CE, UL)?",
        ("es", Destination) => {
            "¿A qué puerto o país de destino cotizamos y con qué Incoterm (FOB, CIF, DDP)?"
        }
        ("es", TargetPrice) => "¿Tiene un precio objetivo o presupuesto?",
        ("de", Product) => "Für welche Produkte genau interessieren Sie sich?",
        ("de", Spec) => {
            "Welches Modell bzw. welche Spezifikationen benötigen Sie (Leistung, Größe, Material, Farbe)?"
        }
        ("de", Quantity) => {
            "Welche Menge benötigen Sie, und wie oft bestellen Sie (einmalig oder regelmäßig)?"
        }
        ("de", Use) => "Wofür werden die Produkte eingesetzt (Anwendung oder Projekt)?",
        ("de", Certs) => "Sind bestimmte Normen oder Zertifizierungen erforderlich (z. B. CE, UL)?",
        ("de", Destination) => {
            "Für welchen Zielhafen bzw. welches Zielland und welchen Incoterm (FOB, CIF, DDP) sollen wir anbieten?"
        }
        ("de", TargetPrice) => "Haben Sie einen Zielpreis oder ein Budget?",
        ("fr", Product) => "Quels produits vous intéressent exactement ?",
        ("fr", Spec) => {
            "Quel modèle ou quelles spécifications vous faut-il (puissance, dimensions, matériau, couleur) ?"
        }
        ("fr", Quantity) => {
            "Quelle quantité vous faut-il, et à quelle fréquence achetez-vous (commande unique ou régulière) ?"
        }
        ("fr", Use) => "À quel usage ou quelle application les produits sont-ils destinés ?",
        ("fr", Certs) => {
            "Des normes ou certifications particulières sont-elles exigées (par ex. CE, UL) ?"
        }
        ("fr", Destination) => {
            "Vers quel port ou pays de destination devons-nous coter, et selon quel Incoterm (FOB, CIF, DDP) ?"
        }
        ("fr", TargetPrice) => "Avez-vous un prix cible ou un budget ?",
        ("ru", Product) => "Какие именно товары вас интересуют?",
        ("ru", Spec) => {
            "Какая модель или какие характеристики нужны (мощность, размер, материал, цвет)?"
        }
        ("ru", Quantity) => {
            "Какое количество вам нужно и как часто вы закупаете (разовая или регулярная закупка)?"
        }
        ("ru", Use) => "Для чего будут использоваться товары (применение или проект)?",
        ("ru", Certs) => "Нужны ли определённые стандарты или сертификаты (например, EAC, CE)?",
        ("ru", Destination) => {
            "В какой порт или страну назначения и на каких условиях Incoterms (FOB, CIF, DDP) нам считать цену?"
        }
        ("ru", TargetPrice) => "Есть ли у вас целевая цена или бюджет?",
        ("pt", Product) => "Quais produtos exatamente lhe interessam?",
        ("pt", Spec) => {
            "Qual modelo ou quais especificações precisa (potência, tamanho, material, cor)?"
        }
        ("pt", Quantity) => {
            "Qual quantidade precisa e com que frequência compra (pedido único ou regular)?"
        }
        ("pt", Use) => "Para que uso ou aplicação são os produtos?",
        ("pt", Certs) => "São necessárias normas ou certificações específicas (ex.: INMETRO, CE)?",
        ("pt", Destination) => {
            "Para qual porto ou país de destino devemos cotar e em qual Incoterm (FOB, CIF, DDP)?"
        }
        ("pt", TargetPrice) => "Tem um preço-alvo ou orçamento?",
        ("ar", Product) => "ما هي المنتجات التي تهمكم بالتحديد؟",
        ("ar", Spec) => "ما هو الموديل أو المواصفات المطلوبة (القدرة، المقاس، المادة، اللون)؟",
        ("ar", Quantity) => "ما هي الكمية المطلوبة، وكم مرة تشترون (طلب واحد أم طلبات منتظمة)؟",
        ("ar", Use) => "ما هو الاستخدام أو التطبيق المقصود للمنتجات؟",
        ("ar", Certs) => "هل هناك معايير أو شهادات مطلوبة (مثل SASO أو CE)؟",
        ("ar", Destination) => {
            "ما هو ميناء أو بلد الوصول، وما هو شرط التسليم المطلوب (FOB أو CIF أو DDP)؟"
        }
        ("ar", TargetPrice) => "هل لديكم سعر مستهدف أو ميزانية؟",
        ("ja", Product) => "具体的にどの製品をご希望でしょうか?",
        ("ja", Spec) => "ご希望の型番または仕様(出力、サイズ、材質、色など)を教えてください。",
        ("ja", Quantity) => "ご希望の数量と、購入頻度(単発か定期的か)を教えてください。",
        ("ja", Use) => "製品の用途・使用場面を教えてください。",
        ("ja", Certs) => "必要な規格や認証(PSE、CE など)はありますか?",
        ("ja", Destination) => {
            "仕向港または仕向国と、ご希望の取引条件(FOB、CIF、DDP など)を教えてください。"
        }
        ("ja", TargetPrice) => "目標価格またはご予算はございますか?",
        ("tr", Product) => "Tam olarak hangi ürünlerle ilgileniyorsunuz?",
        ("tr", Spec) => "Hangi model veya teknik özellikler gerekiyor (güç, ölçü, malzeme, renk)?",
        ("tr", Quantity) => "Ne kadar miktar gerekiyor ve ne sıklıkla alım yapıyorsunuz?",
        ("tr", Use) => "Ürünler hangi amaçla kullanılacak?",
        ("tr", Certs) => "Belirli standart veya sertifikalar gerekiyor mu (ör. CE)?",
        ("tr", Destination) => {
            "Hangi varış limanı veya ülke ve hangi Incoterm (FOB, CIF, DDP) için fiyat verelim?"
        }
        ("tr", TargetPrice) => "Hedef fiyatınız veya bütçeniz var mı?",
        ("pl", Product) => "Jakie dokładnie produkty Państwa interesują?",
        ("pl", Spec) => {
            "Jaki model lub jakie parametry są potrzebne (moc, wymiary, materiał, kolor)?"
        }
        ("pl", Quantity) => {
            "Jakiej ilości Państwo potrzebują i jak często kupują (jednorazowo czy regularnie)?"
        }
        ("pl", Use) => "Do czego będą używane produkty?",
        ("pl", Certs) => "Czy wymagane są określone normy lub certyfikaty (np. CE)?",
        ("pl", Destination) => {
            "Do jakiego portu lub kraju docelowego i na jakich warunkach Incoterms (FOB, CIF, DDP) mamy wycenić?"
        }
        ("pl", TargetPrice) => "Czy mają Państwo cenę docelową lub budżet?",
        ("vi", Product) => "Quý khách quan tâm cụ thể đến sản phẩm nào?",
        ("vi", Spec) => {
            "Quý khách cần mẫu hoặc thông số nào (công suất, kích thước, chất liệu, màu sắc)?"
        }
        ("vi", Quantity) => "Quý khách cần số lượng bao nhiêu và mua định kỳ hay một lần?",
        ("vi", Use) => "Sản phẩm được dùng cho mục đích gì?",
        ("vi", Certs) => "Có yêu cầu tiêu chuẩn hoặc chứng nhận cụ thể nào không (ví dụ CE)?",
        ("vi", Destination) => {
            "Xin cho biết cảng hoặc nước đến và điều kiện Incoterm (FOB, CIF, DDP) mong muốn."
        }
        ("vi", TargetPrice) => "Quý khách có giá mục tiêu hoặc ngân sách không?",
        (_, Product) => "Which products exactly are you interested in?",
        (_, Spec) => {
            "Which model or specifications do you need (e.g. power, size, material, colour)?"
        }
        (_, Quantity) => {
            "What quantity do you need, and how often do you purchase (one-off or regular orders)?"
        }
        (_, Use) => "What will the products be used for (application or project)?",
        (_, Certs) => "Are specific standards or certifications required (e.g. CE, UL)?",
        (_, Destination) => {
            "Which destination port or country should we quote to, and under which Incoterm (e.g. FOB, CIF, DDP)?"
        }
        (_, TargetPrice) => "Do you have a target price or budget?",
    }
}

/// Clarifying questions for the missing elements, in `lang` (English when unsupported).
pub fn for_missing(lang: &str, c: &Completeness, f: &Facts, s: &Signals) -> Vec<String> {
    let mut qs = Vec::new();
    if !s.product {
        qs.push(Q::Product);
    } else if !s.specific {
        qs.push(Q::Spec);
    }
    if f.quantity.is_none() {
        qs.push(Q::Quantity);
    }
    if !s.use_stated && c.grade != Grade::High {
        qs.push(Q::Use);
    }
    if f.certifications.is_empty() {
        qs.push(Q::Certs);
    }
    if f.incoterm.is_none() || (f.place.is_none() && f.target_market.is_none()) {
        qs.push(Q::Destination);
    }
    if f.target_price.is_none() && f.quantity.is_some() && s.product {
        qs.push(Q::TargetPrice);
    }
    qs.into_iter().map(|q| text(lang, q).to_string()).collect()
}
