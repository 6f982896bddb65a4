//! The tags and custom fields the demo defines, and the ids they get in the database, so the
//! buyer tables can refer to them by name.

use crate::{AppError, Result};
use leadledger_domain::custom_field::FieldKind;
use leadledger_store::Tx;
use leadledger_store::fields::{self, FieldRecord};
use std::collections::HashMap;

/// Tags with their colours: the three from the brief's examples plus everyday ones.
pub(super) const TAGS: &[(&str, &str)] = &[
    ("回款准时", "#2f855a"),
    ("长期压价", "#dd6b20"),
    ("售后争议多", "#c53030"),
    ("VIP", "#b7791f"),
    ("样品已寄", "#3182ce"),
    ("大项目", "#6b46c1"),
];

pub(super) struct FieldDef {
    pub key: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub kind: FieldKind,
    pub in_list: bool,
    /// `(code, label)`: the buyer tables use the code, users see the label.
    pub options: &'static [(&'static str, &'static str)],
}

pub(super) const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "buyer_type",
        en: "Buyer type",
        zh: "客户类型",
        kind: FieldKind::SingleSelect,
        in_list: true,
        options: &[
            ("Distributor", "Distributor / 经销商"),
            ("Retailer", "Retailer / 零售商"),
            ("Contractor", "Contractor / 工程商"),
            ("Brand owner", "Brand owner / 品牌商"),
            ("Importer", "Importer & wholesaler / 进口批发商"),
            ("E-commerce", "E-commerce seller / 电商卖家"),
            ("Project developer", "Project developer / 项目开发商"),
        ],
    },
    FieldDef {
        key: "annual_volume",
        en: "Annual volume (USD)",
        zh: "年采购额 (美元)",
        kind: FieldKind::Number,
        in_list: true,
        options: &[],
    },
    FieldDef {
        key: "main_product",
        en: "Main product",
        zh: "主要产品",
        kind: FieldKind::Text,
        in_list: false,
        options: &[],
    },
    FieldDef {
        key: "certifications_required",
        en: "Certifications required",
        zh: "所需认证",
        kind: FieldKind::MultiSelect,
        in_list: false,
        options: &[
            ("CE", "CE"),
            ("RoHS", "RoHS"),
            ("UL", "UL"),
            ("ETL", "ETL"),
            ("FCC", "FCC"),
            ("SAA", "SAA"),
            ("SASO", "SASO"),
            ("INMETRO", "INMETRO"),
            ("PSE", "PSE"),
            ("BIS", "BIS"),
            ("KC", "KC"),
            ("SNI", "SNI"),
            ("UKCA", "UKCA"),
            ("CB", "CB"),
        ],
    },
    FieldDef {
        key: "first_order_date",
        en: "First order date",
        zh: "首单日期",
        kind: FieldKind::Date,
        in_list: false,
        options: &[],
    },
    FieldDef {
        key: "has_import_license",
        en: "Has import license",
        zh: "有进口许可证",
        kind: FieldKind::YesNo,
        in_list: false,
        options: &[],
    },
];

/// Ids of what [`Catalog::create`] stored.
pub(super) struct Catalog {
    tags: HashMap<&'static str, i64>,
    fields: HashMap<&'static str, i64>,
    options: HashMap<(&'static str, &'static str), i64>,
}

impl Catalog {
    pub(super) async fn create(tx: &mut Tx, now: i64) -> Result<Self> {
        let mut tags = HashMap::new();
        for (name, color) in TAGS {
            tags.insert(
                *name,
                leadledger_store::tags::insert(tx, name, color, now).await?,
            );
        }
        let mut field_ids = HashMap::new();
        let mut options = HashMap::new();
        for (pos, f) in FIELDS.iter().enumerate() {
            let rec = FieldRecord {
                key: f.key.into(),
                label_en: f.en.into(),
                label_zh: f.zh.into(),
                kind: f.kind.as_str().into(),
                required: false,
                in_list: f.in_list,
                position: pos as i32,
            };
            let id = fields::insert(tx, &rec, now).await?;
            field_ids.insert(f.key, id);
            for (i, (code, label)) in f.options.iter().enumerate() {
                options.insert(
                    (f.key, *code),
                    fields::insert_option(tx, id, label, i as i32).await?,
                );
            }
        }
        Ok(Self {
            tags,
            fields: field_ids,
            options,
        })
    }

    pub(super) fn tag(&self, name: &str) -> Result<i64> {
        self.tags
            .get(name)
            .copied()
            .ok_or_else(|| AppError::Internal(format!("demo data names unknown tag {name:?}")))
    }

    pub(super) fn field(&self, key: &str) -> Result<i64> {
        self.fields
            .get(key)
            .copied()
            .ok_or_else(|| AppError::Internal(format!("demo data names unknown field {key:?}")))
    }

    /// The stored value (option id) of a select option given by its code.
    pub(super) fn option(&self, key: &'static str, code: &str) -> Result<String> {
        self.options
            .iter()
            .find(|((k, c), _)| *k == key && *c == code)
            .map(|(_, id)| id.to_string())
            .ok_or_else(|| {
                AppError::Internal(format!("demo data names unknown option {code:?} of {key}"))
            })
    }
}
