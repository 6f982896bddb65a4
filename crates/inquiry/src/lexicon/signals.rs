//! Why this module exists: the words that tell a buyer from a seller, a spammer or a fraudster —
//! product categories, generic "your products", buying intent, sales pitches, marketing mail and
//! scam phrases — in the languages exporters meet.

use super::{Scam, Tag};

const PRODUCTS: &[(&str, &str)] = &[
    (
        "led|leds|led light|led lights|led lamp|floodlight|floodlights|flood light|flood lights|street light|street lights|streetlight|streetlights|panel light|panel lights|downlight|downlights|high bay|highbay|bulb|bulbs|lamp|lamps|light|lights|lighting|luminaire|luminaires|strip light|led strip|灯|灯具|路灯|投光灯|面板灯|筒灯|球泡|灯带|luminaria|luminarias|lámpara|lámparas|bombilla|bombillas|foco|focos|reflector|reflectores|leuchte|leuchten|lampe|lampen|strahler|leuchtmittel|projecteur|projecteurs|ampoule|ampoules|светильник|светильники|светильников|лампа|лампы|прожектор|прожекторы|прожекторов|luminária|luminárias|lâmpada|lâmpadas|refletor|refletores|مصباح|مصابيح|إضاءة|كشافات|ライト|照明|ランプ|投光器|lamba|lambası|aydınlatma|projektör|lampa|lampy|oprawa|oprawy|naświetlacz|đèn",
        "lighting",
    ),
    (
        "solar products|solar lights|solar light|solar lamp|solar lamps|solar panel|solar panels|solar module|solar modules|pv module|pv modules|pv panels|solar system|solar kit|panel solar|paneles solares|módulos solares|solarmodul|solarmodule|photovoltaik|panneau solaire|panneaux solaires|солнечные панели|солнечных панелей|солнечная панель|painel solar|painéis solares|placas solares|ألواح شمسية|الألواح الشمسية|ソーラーパネル|太阳能板|光伏板|光伏组件|太阳能|güneş paneli|güneş panelleri|panele słoneczne|panele fotowoltaiczne|tấm pin mặt trời|pin mặt trời|inverter|inverters|inversor|inversores|wechselrichter|onduleur|onduleurs|инвертор|инверторы|逆变器|インバーター|invertör|falownik|battery|batteries|batería|baterías|batterie|batterien|batteries|батарея|аккумулятор|аккумуляторы|bateria|baterias|电池|蓄电池|储能|バッテリー|蓄電池|akü|batarya|akumulator|ắc quy|بطارية|بطاريات",
        "solar and energy",
    ),
    (
        "furniture|chair|chairs|office chair|office chairs|table|tables|sofa|sofas|desk|desks|cabinet|cabinets|wardrobe|wardrobes|bed|beds|mattress|mattresses|shelves|shelving|家具|椅子|桌子|餐桌|沙发|床垫|衣柜|办公椅|muebles|mueble|silla|sillas|mesa|mesas|sofá|sofás|colchones|möbel|stuhl|stühle|bürostühle|tisch|tische|sofas|matratzen|meubles|chaise|chaises|fauteuils|tables|canapé|canapés|matelas|мебель|мебели|стулья|стульев|кресла|кресел|кресло|стол|столы|диван|диваны|матрасы|móveis|cadeira|cadeiras|mesas|sofás|colchões|أثاث|كراسي|كرسي|طاولات|أريكة|ソファ|チェア|mobilya|sandalye|masa|koltuk|meble|krzesła|krzeseł|krzesło|stoły|sofy|bàn ghế|ghế|nội thất",
        "furniture",
    ),
    (
        "fabric|fabrics|textile|textiles|t-shirt|t-shirts|tshirt|tshirts|shirt|shirts|polo shirts|hoodie|hoodies|jacket|jackets|garment|garments|clothing|apparel|uniforms|workwear|towel|towels|bedding|bed sheets|yarn|denim|面料|布料|T恤|t恤|服装|毛巾|床上用品|纱线|校服|tela|telas|tejido|tejidos|camiseta|camisetas|ropa|uniformes|toallas|stoff|stoffe|textilien|kleidung|handtücher|bettwäsche|tissu|tissus|vêtements|serviettes|uniformes|ткань|ткани|тканей|футболки|футболок|одежда|одежды|полотенца|tecido|tecidos|roupas|toalhas|uniformes|أقمشة|قماش|ملابس|مناشف|生地|Tシャツ|衣料|タオル|kumaş|tişört|giyim|havlu|tkanina|tkaniny|koszulki|odzież|ręczniki|vải|áo thun|quần áo|khăn",
        "textiles",
    ),
    (
        "machine|machines|machinery|equipment|cnc|lathe|lathes|laser cutting machine|injection molding machine|extruder|compressor|compressors|generator|generators|pump|pumps|motor|motors|excavator|excavators|forklift|forklifts|production line|packing machine|机器|设备|机械|机床|发电机|水泵|电机|挖掘机|叉车|生产线|máquina|máquinas|maquinaria|equipo|equipos|generador|bomba|bombas|maschine|maschinen|anlage|anlagen|generator|pumpe|pumpen|équipement|équipements|machine|pompe|pompes|générateur|станок|станки|станков|оборудование|оборудования|насос|насосы|генератор|генераторы|equipamento|equipamentos|gerador|آلة|آلات|معدات|مولد|مضخة|機械|設備|ポンプ|発電機|makine|makineler|ekipman|jeneratör|pompa|maszyna|maszyny|urządzenia|pompy|máy|thiết bị|máy móc",
        "machinery",
    ),
    (
        "packaging boxes|custom boxes|boxes|paper bags|paper bag|carton boxes|corrugated boxes|gift boxes|pouch|pouches|labels|stickers|packaging material|stretch film|shrink film|tape|adhesive tape|纸箱|纸盒|包装袋|手提袋|标签|bolsas de papel|cajas de cartón|etiquetas|papiertüten|kartonagen|etiketten|sacs en papier|boîtes en carton|étiquettes|бумажные пакеты|картонные коробки|этикетки|sacolas de papel|caixas de papelão|أكياس ورقية|علب كرتون|紙袋|段ボール箱|ラベル|kağıt torba|karton kutu|torby papierowe|kartony|túi giấy|hộp carton",
        "packaging",
    ),
    (
        "auto parts|car parts|spare parts|brake pads|brake pad|brake discs|brake disc|tyres|tires|tyre|tire|rims|alloy wheels|oil filter|oil filters|air filter|filters|bearing|bearings|shock absorbers|shock absorber|headlights|headlamps|汽车配件|配件|刹车片|刹车盘|轮胎|轴承|减震器|滤清器|repuestos|autopartes|pastillas de freno|neumáticos|llantas|rodamientos|amortiguadores|ersatzteile|autoteile|bremsbeläge|bremsscheiben|reifen|kugellager|stoßdämpfer|pièces détachées|pièces auto|pneus|plaquettes de frein|roulements|amortisseurs|запчасти|автозапчасти|шины|шин|тормозные колодки|подшипники|амортизаторы|peças|autopeças|pastilhas de freio|rolamentos|قطع غيار|إطارات|فرامل|部品|タイヤ|ブレーキパッド|ベアリング|yedek parça|lastik|fren balatası|rulman|części samochodowe|opony|opon|klocki hamulcowe|łożyska|phụ tùng|lốp xe|vòng bi",
        "auto parts",
    ),
    (
        "cable|cables|wire|wires|charger|chargers|power bank|power banks|adapter|adapters|switch|switches|socket|sockets|smartphone|smartphones|mobile phones|phone cases|laptop|laptops|earphones|earbuds|headphones|speaker|speakers|camera|cameras|cctv|router|routers|smart watch|电缆|电线|充电器|插座|开关|耳机|音箱|摄像头|手机壳|cargador|cargadores|auriculares|cámaras|enchufes|kabel|ladegerät|ladegeräte|kopfhörer|steckdosen|câble|câbles|chargeur|chargeurs|écouteurs|prises|кабель|кабели|кабеля|провод|провода|зарядные устройства|наушники|камеры|розетки|cabo|cabos|carregador|carregadores|fones|câmeras|tomadas|كابل|كابلات|شاحن|سماعات|كاميرات|ケーブル|充電器|イヤホン|カメラ|kablo|şarj cihazı|kulaklık|kamera|kable|ładowarka|ładowarki|słuchawki|kamery|cáp|dây điện|sạc|tai nghe",
        "electronics",
    ),
    (
        "tiles|tile|ceramic tiles|porcelain tiles|steel pipe|steel pipes|pipes|pipe|rebar|steel coil|steel coils|steel sheet|steel sheets|aluminium profile|aluminium profiles|aluminum profiles|doors|door|windows|faucet|faucets|sink|sinks|toilet|toilets|sanitary ware|plywood|瓷砖|钢管|管道|钢筋|钢板|铝型材|门窗|水龙头|卫浴|azulejos|baldosas|porcelanato|tubería|tuberías|tubos|puertas|ventanas|grifos|fliesen|rohre|türen|fenster|armaturen|carrelage|carreaux|tuyaux|portes|fenêtres|robinets|плитка|плитки|трубы|труб|двери|окна|смесители|tubos|portas|janelas|torneiras|pisos|بلاط|أنابيب|أبواب|نوافذ|حنفيات|タイル|パイプ|ドア|窓|蛇口|fayans|seramik|boru|borular|kapı|pencere|musluk|płytki|rury|drzwi|okna|baterie łazienkowe|gạch|ống|cửa|vòi",
        "building materials",
    ),
    (
        "cups|mugs|cup|mug|tumbler|tumblers|water bottle|water bottles|kitchenware|cookware|pans|pots|knives|toys|toy|shoes|sneakers|boots|socks|gloves|nitrile gloves|masks|face masks|helmets|umbrellas|tent|tents|bicycle|bicycles|e-bike|e-bikes|scooter|scooters|watches|jewelry|jewellery|cosmetics|wigs|hair extensions|handbags|backpacks|suitcases|luggage|杯子|保温杯|玩具|鞋|鞋子|袜子|手套|口罩|帐篷|自行车|电动车|滑板车|箱包|化妆品|假发|tazas|vasos|juguetes|zapatos|zapatillas|calcetines|guantes|mascarillas|bicicletas|mochilas|tassen|becher|spielzeug|schuhe|socken|handschuhe|fahrräder|rucksäcke|tasses|jouets|chaussures|chaussettes|gants|vélos|sacs à dos|кружки|игрушки|игрушек|обувь|носки|перчатки|велосипеды|рюкзаки|canecas|brinquedos|sapatos|tênis|meias|luvas|bicicletas|mochilas|أكواب|ألعاب|أحذية|جوارب|قفازات|دراجات|カップ|マグ|玩具|おもちゃ|靴|靴下|手袋|自転車|oyuncak|ayakkabı|çorap|eldiven|bisiklet|kubki|zabawki|buty|skarpety|rękawice|rowery|cốc|đồ chơi|giày|tất|găng tay|xe đạp",
        "consumer goods",
    ),
    (
        "screws|screw|bolts|bolt|nuts|fasteners|hinges|handles|valves|valve|fittings|hand tools|power tools|drills|螺丝|螺栓|紧固件|阀门|管件|五金|工具|tornillos|pernos|válvulas|herramientas|schrauben|muttern|ventile|werkzeuge|vis|boulons|vannes|outils|винты|болты|клапаны|инструменты|parafusos|válvulas|ferramentas|براغي|صمامات|أدوات|ネジ|ボルト|バルブ|工具|vida|cıvata|vana|alet|śruby|zawory|narzędzia|ốc vít|van|dụng cụ",
        "hardware",
    ),
    (
        "rice|sugar|tea|coffee|garlic|frozen chicken|fertilizer|fertilizers|urea|resin|pellets|granules|paint|paints|coating|adhesive|glue|大蒜|茶叶|化肥|树脂|油漆|涂料|胶水|arroz|azúcar|fertilizante|fertilizantes|resina|pintura|pegamento|reis|zucker|dünger|harz|farbe|lack|klebstoff|engrais|résine|peinture|colle|удобрение|удобрения|смола|краска|клей|fertilizantes|tinta|cola|أسمدة|راتنج|طلاء|塗料|接着剤|gübre|reçine|boya|yapıştırıcı|nawóz|nawozy|żywica|farba|klej|phân bón|sơn|keo",
        "raw materials",
    ),
    (
        "syringes|wheelchair|wheelchairs|hospital beds|medical supplies|注射器|轮椅|医疗用品|jeringas|sillas de ruedas|rollstühle|fauteuils roulants|шприцы|инвалидные коляски|seringas|cadeiras de rodas|كراسي متحركة|車椅子|tekerlekli sandalye|wózki inwalidzkie",
        "medical",
    ),
];

const APPLIANCES: &str = "air conditioner|air conditioners|air conditioning|split ac|ceiling fan|ceiling fans|fan|fans|refrigerator|refrigerators|fridge|fridges|freezer|freezers|washing machine|washing machines|microwave|microwaves|kettle|kettles|blender|blenders|vacuum cleaner|vacuum cleaners|空调|风扇|冰箱|冰柜|洗衣机|微波炉|电水壶|吸尘器|aire acondicionado|aires acondicionados|ventilador|ventiladores|refrigerador|refrigeradores|nevera|neveras|lavadora|lavadoras|klimaanlage|klimaanlagen|ventilator|ventilatoren|kühlschrank|kühlschränke|waschmaschine|waschmaschinen|climatiseur|climatiseurs|ventilateur|ventilateurs|réfrigérateur|réfrigérateurs|lave-linge|кондиционер|кондиционеры|кондиционеров|вентилятор|вентиляторы|холодильник|холодильники|стиральные машины|ar condicionado|ar-condicionado|geladeira|geladeiras|máquina de lavar|مكيف|مكيفات|مروحة|مراوح|ثلاجة|ثلاجات|غسالة|غسالات|エアコン|扇風機|冷蔵庫|洗濯機|電子レンジ|klima|klimalar|vantilatör|buzdolabı|çamaşır makinesi|klimatyzator|klimatyzatory|wentylator|wentylatory|lodówka|lodówki|pralka|pralki|điều hòa|máy lạnh|quạt|quạt điện|tủ lạnh|máy giặt";

const MORE_GOODS: &str = "tableware|cutlery|dinnerware|plates|dishes|flatware|vajilla|cubiertos|geschirr|besteck|vaisselle|couverts|посуда|столовые приборы|talheres|louças|أدوات المائدة|餐具|碗|盘子|食器|カトラリー|sofra takımı|çatal bıçak|zastawa|sztućce|bát đĩa|down jacket|down jackets|coats|trousers|jeans|caps|hats|羽绒服|外套|裤子|牛仔裤|帽子|背包|行李箱|杯|水杯|马克杯|水筒|タンブラー|ジャケット|バッグ|пуховики|куртки|джинсы|chaquetas|abrigos|jaquetas|mont|ceket|kurtki|áo khoác|mattress|colchón|colchones|матрас|матрасы|床|床垫|ベッド|bàn ăn|bàn|tủ|giường";

const FITMENT: &[(&str, &str)] = &[
    ("toyota|丰田|トヨタ|تويوتا|тойота", "Toyota"),
    ("honda|本田|ホンダ|هوندا|хонда", "Honda"),
    (
        "hyundai|现代汽车|ヒュンダイ|هيونداي|хендай|хёндай",
        "Hyundai",
    ),
    ("kia|起亚|كيا|киа", "Kia"),
    ("nissan|日产|日産|نيسان|ниссан", "Nissan"),
    (
        "volkswagen|vw|大众|フォルクスワーゲン|فولكس فاجن|фольксваген",
        "Volkswagen",
    ),
    ("bmw|宝马", "BMW"),
    (
        "mercedes|mercedes-benz|benz|奔驰|مرسيدس|мерседес",
        "Mercedes-Benz",
    ),
    ("audi|奥迪", "Audi"),
    ("ford|福特|فورد|форд", "Ford"),
    ("chevrolet|chevy|雪佛兰|شيفروليه|шевроле", "Chevrolet"),
    ("lada|лада|vaz|ваз", "Lada"),
    ("renault|雷诺|رينو|рено", "Renault"),
    ("peugeot|标致|بيجو|пежо", "Peugeot"),
    ("mitsubishi|三菱|ميتسوبيشي|мицубиси", "Mitsubishi"),
    ("mazda|马自达|マツダ|مازدا|мазда", "Mazda"),
    ("suzuki|铃木|スズキ|سوزوكي|сузуки", "Suzuki"),
    ("isuzu|五十铃|いすゞ|ايسوزو|исузу", "Isuzu"),
    ("skoda|škoda|斯柯达|шкода", "Skoda"),
    ("fiat|菲亚特|фиат", "Fiat"),
    ("opel|vauxhall|欧宝|опель", "Opel"),
    ("volvo|沃尔沃|вольво", "Volvo"),
    ("subaru|斯巴鲁|スバル", "Subaru"),
    ("lexus|雷克萨斯|レクサス|لكزس|лексус", "Lexus"),
    ("byd|比亚迪", "BYD"),
    ("geely|吉利", "Geely"),
    ("chery|奇瑞", "Chery"),
    (
        "scania|man trucks|daf|iveco|sinotruk|howo|weichai|cummins|caterpillar|komatsu|john deere",
        "truck/machinery make",
    ),
];

const GENERIC: &str = "products|product|items|item|goods|merchandise|your products|your product|your items|all products|all your products|产品|商品|货物|贵司产品|你们的产品|productos|producto|sus productos|artículos|mercancía|mercancías|produkte|produkt|ihre produkte|artikel|waren|produits|produit|vos produits|articles|marchandises|товары|товар|товаров|продукция|продукцию|продукции|вашей продукции|produtos|produto|seus produtos|mercadorias|منتجات|منتج|منتجاتكم|بضائع|製品|商品|御社の製品|ürünler|ürün|ürünleriniz|ürünlerinizi|produkty|produktów|towary|sản phẩm|hàng hóa|prodotti";

const BUY: &str = "we need|i need|we are looking for|we're looking for|i am looking for|i'm looking for|looking for|we want to buy|want to buy|would like to buy|would like to order|we would like to order|we want to order|we want to import|we are interested in|interested in|please quote|pls quote|plz quote|kindly quote|please send quotation|please send your quotation|send quotation|quote us|quote me|please offer|send me price|send me your price|send best price|need price|need quotation|rfq|request for quotation|request for quote|we plan to buy|we plan to order|we intend to buy|we intend to purchase|our customer needs|our client needs|we require|we are importing|need|buy|purchase|需要|求购|采购|想买|想要|询价|请报价|麻烦报价|请问|necesitamos|necesito|buscamos|estamos buscando|queremos comprar|quisiera comprar|favor cotizar|cotizar|solicitamos|solicito|wir benötigen|wir brauchen|benötigen|wir suchen|bitte um angebot|bitte senden sie|anfrage|nous cherchons|nous recherchons|nous avons besoin|merci de nous envoyer|merci de nous faire|demande de prix|demande de devis|veuillez nous envoyer|нам нужно|нам нужны|нам нужен|ищем|хотим купить|хотим заказать|интересует|прошу прислать|прошу выслать|просим|precisamos|procuramos|estamos procurando|gostaria de comprar|gostaríamos de|solicito cotação|solicitamos|نحتاج|نبحث عن|نرغب في شراء|نريد|طلب عرض سعر|ارجو|أرجو|探しています|購入したい|購入を検討|見積依頼|お見積り|見積もりをお願い|ihtiyacımız|arıyoruz|satın almak|teklif istiyoruz|almak istiyoruz|potrzebujemy|szukamy|zapytanie ofertowe|prosimy o|chúng tôi cần|cần mua|muốn mua|báo giá giúp|xin báo giá|abbiamo bisogno|cerchiamo";

const INTRO: &str = "looking for|need|needs|require|requires|want|interested in|quote for|quotation for|quote on|price for|prices for|price of|offer for|inquiry for|enquiry for|rfq for|order|buy|purchase|import|sourcing|searching for|in need of|necesitamos|necesito|buscamos|busco|cotización de|cotizacion de|cotizar|precio de|precios de|comprar|benötigen|brauchen|suchen|angebot für|preis für|preise für|cherchons|recherchons|besoin de|prix de|prix pour|devis pour|нужны|нужно|нужен|ищем|интересует|цена на|цены на|купить|заказать|precisamos|procuramos|preço de|preços de|cotação de|interessados em|comprar|نحتاج|نبحث عن|شراء|arıyoruz|ihtiyacımız|potrzebujemy|szukamy|cần mua|cần|muốn mua";

const PITCH: &str = "we are a manufacturer|we are manufacturer|we are a professional|we are professional|we are a leading|leading manufacturer|we are the leading|professional manufacturer|our factory|our company is specialized|specialized in producing|specializing in|we specialize in|we are specialized|our products include|our main products|main products|we can supply|we can offer|we offer|we supply|we provide|we produce|we manufacture|factory direct|factory price|competitive price|competitive prices|we would like to introduce|let me introduce|allow me to introduce|introduce our company|as your supplier|reliable supplier|your reliable partner|our advantages|oem service|we have rich experience|years of experience in|years experience in|free sample for you|best quality and price|we are a freight forwarder|we are a logistics company|我们是|我司是|我们工厂|专业生产|主营|本公司专业|somos fabricantes|somos fabricante|somos una empresa líder|nuestra fábrica|ofrecemos|le ofrecemos|wir sind hersteller|wir sind ein führender|unsere fabrik|wir bieten|nous sommes fabricant|nous sommes un fabricant|notre usine|nous proposons|мы производитель|мы являемся производителем|наш завод|предлагаем|мы предлагаем|nossa fábrica|oferecemos|somos uma fábrica|نحن مصنع|نحن شركة رائدة|نقدم|ونقدم|factory prices|precio de fábrica|precios de fábrica|preço de fábrica|prix d'usine|fabrikpreis|fabrikpreisen|заводская цена|出厂价|工厂价|bieten|bieten wir|弊社は製造|当社は|ご提案|üreticiyiz|fabrikamız|sunuyoruz|jesteśmy producentem|oferujemy|chúng tôi là nhà sản xuất|chúng tôi cung cấp";

const MARKETING: &str = "unsubscribe|newsletter|seo|search engine|google ranking|first page of google|website design|web design|app development|digital marketing|marketing services|buyer leads|buyers leads|buyer database|importers list|importer list|customs data|trade data|exhibition|trade show|booth|free trial|webinar|promotion|promo|discount|limited offer|sale ends|click here|freight forwarder|shipping agent services|best freight rates|sea freight rates|business loan|investment opportunity|退订|取消订阅|推广|展会邀请|海关数据|谷歌排名|外贸推广|darse de baja|abmelden|se désabonner|désinscrire|отписаться|рассылка|descadastrar|إلغاء الاشتراك|配信停止|abonelikten çık|wypisz się|hủy đăng ký";

const SCAMS: &[(&str, Scam)] = &[
    (
        "view document|view the document|download the po|download po|view po|view the po|view quantities|view the quantities|view the purchase order|download the purchase order|access the document|review the document|open the document|view inquiry|view the inquiry|view the message|view message|view rfq|view the rfq|view quotation request|check the inquiry|view documents|view order|view the order|view attached|view invoice|view pdf|view file|download document|download the document|download attachment|download file|click to view|click here to view|click the link|click below|click on the link|login to view|log in to view|sign in to view|sign in to download|login with your email|verify your account|verify your email|confirm your account|confirm your email|enter your password|email password|shared a document|shared a file|shared document|onedrive|sharepoint|docusign|wetransfer|secure document|secured document|encrypted message|pdf online|adobe pdf|enable macros|enable content|查看订单|点击查看|登录查看|点击链接|验证您的账户|ver documento|ver pedido|haga clic|dokument ansehen|klicken sie hier|voir le document|cliquez ici|просмотреть документ|нажмите здесь|clique aqui|عرض المستند|انقر هنا|クリックして|belgeyi görüntüle|tıklayın|zobacz dokument|kliknij tutaj|nhấp vào đây|xem tài liệu",
        Scam::Phish,
    ),
    (
        "alibaba account|your alibaba|alibaba.com team|alibaba team|trade assurance team|made-in-china.com team|account suspended|account will be suspended|account has been|suspended|deactivated|unusual activity|security alert|pending inquiries|pending inquiry|pending messages|unread messages|unread inquiries|you have new messages|new inquiry notification|inquiry notification|buyer message notification|mailbox full|storage full|quota exceeded|账户冻结|账号异常|待处理询盘|未读消息|cuenta suspendida|konto gesperrt|compte suspendu|аккаунт заблокирован|conta suspensa",
        Scam::Platform,
    ),
    (
        "registration fee|register fee|registration charges|registration cost|vendor registration|supplier registration|membership fee|certificate fee|inspection fee|processing fee|listing fee|tender fee|pay for registration|pay the fee|pay a fee|anti-money laundering|clearance fee|注册费|会员费|认证费|保证金|cuota de registro|tasa de registro|registrierungsgebühr|frais d'inscription|frais d'enregistrement|регистрационный взнос|taxa de registro|taxa de inscrição|رسوم التسجيل|登録料|kayıt ücreti|opłata rejestracyjna|phí đăng ký",
        Scam::Fee,
    ),
    (
        "credit card|creditcard|visa card|master card|mastercard|my shipper|my shipping agent|my forwarder|my freight agent|our shipping agent|my agent will|shipping company will pay|pay the shipper|pay my shipper|shipper will pay|payment to my agent|pay the shipping company|信用卡|我的货代|tarjeta de crédito|kreditkarte|carte de crédit|кредитная карта|кредитной картой|cartão de crédito|بطاقة الائتمان|クレジットカード|kredi kartı|karta kredytowa|thẻ tín dụng",
        Scam::CardShipper,
    ),
    (
        "purchase order|our po|new po|po attached|attached po|order attached|attached order|see attached order|order confirmation|confirm the order|confirm our order|order sheet|order list|采购订单|订单附件|orden de compra|pedido adjunto|bestellung|bon de commande|commande ci-jointe|заказ на покупку|pedido de compra|ordem de compra|أمر شراء|注文書|発注書|satın alma siparişi|zamówienie zakupu|đơn đặt hàng",
        Scam::PurchaseOrder,
    ),
    (
        "inheritance|beneficiary|next of kin|lottery|you have won|compensation fund|million dollars|bitcoin|crypto|investment proposal|consignment box|diplomat|barrister|unclaimed|遗产|中奖|herencia|lotería|erbschaft|lotterie|héritage|наследство|лотерея|herança|loteria|ميراث|يانصيب|相続|miras|piyango|spadek",
        Scam::AdvanceFee,
    ),
    (
        "urgent|urgently|asap|immediately|kindly|as soon as possible|within 24 hours|紧急|urgente|dringend|sofort|срочно|عاجل|至急|acil|pilne|khẩn cấp",
        Scam::Pressure,
    ),
    (
        "dear sir|dear sir/madam|dear sir or madam|dear seller|dear supplier|dear manufacturer|dear friend|dear valued|sir/madam|to whom it may concern|we got your contact|got your contact|found your company|we found your company|your company was recommended|we saw your products|we came across your|your contact from|your email from|we found your contact|hello friend|estimado proveedor|sehr geehrter lieferant|cher fournisseur|уважаемый поставщик|prezado fornecedor|عزيزي المورد|尊敬的供应商|亲爱的朋友",
        Scam::MassMail,
    ),
];

const USE: &str = "for use in|used for|use for|application|applications|for our project|project|projects|for hotel|for hotels|for restaurant|for school|for hospital|for warehouse|for supermarket|for supermarkets|for retail|for resale|for our stores|for our shops|for our customers|end user|tender|用途|用于|项目|工程|应用|para uso|proyecto|aplicación|para nuestras tiendas|licitación|für den einsatz|projekt|anwendung|ausschreibung|pour usage|projet|pour nos magasins|appel d'offres|для использования|для проекта|проект|применение|тендер|projeto|aplicação|licitação|para nossas lojas|مشروع|استخدام|مناقصة|用途|プロジェクト|案件|proje|kullanım|ihale|zastosowanie|przetarg|dự án|sử dụng|progetto";

pub fn add(v: &mut Vec<(&'static str, Tag)>) {
    v.extend(PRODUCTS.iter().map(|(p, c)| (*p, Tag::Product(c))));
    v.push((APPLIANCES, Tag::Product("appliances")));
    v.push((MORE_GOODS, Tag::Product("consumer goods")));
    v.extend(FITMENT.iter().map(|(p, m)| (*p, Tag::Fitment(m))));
    v.push((GENERIC, Tag::Generic));
    v.push((BUY, Tag::Buy));
    v.push((INTRO, Tag::Intro));
    v.push((PITCH, Tag::Pitch));
    v.push((MARKETING, Tag::Marketing));
    v.extend(SCAMS.iter().map(|(p, s)| (*p, Tag::Scam(*s))));
    v.push((USE, Tag::Use));
}
