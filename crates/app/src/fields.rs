//! Custom fields: admins define them; values are parsed against the definition on every save;
//! list filters are built from them.

use crate::{App, AppError, Result, audit, now};
use leadledger_domain::custom_field::{self as cf, FieldKey, FieldKind, FieldOption, FieldSpec};
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid, error::optional_text};
use leadledger_store::Tx;
use leadledger_store::customers::CustomFilter;
use leadledger_store::fields::{self, FieldRecord, FieldRow, OptionRow};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct FieldDef {
    #[serde(flatten)]
    pub field: FieldRow,
    pub options: Vec<OptionRow>,
}

impl FieldDef {
    pub fn kind(&self) -> FieldKind {
        FieldKind::parse(&self.field.kind).unwrap_or(FieldKind::Text)
    }

    pub fn label(&self, zh: bool) -> &str {
        if zh && !self.field.label_zh.is_empty() {
            &self.field.label_zh
        } else {
            &self.field.label_en
        }
    }

    /// How a stored value reads: option labels for selects, yes/no for booleans.
    pub fn display(&self, stored: &str) -> String {
        match self.kind() {
            FieldKind::SingleSelect | FieldKind::MultiSelect => self
                .options
                .iter()
                .find(|o| o.id.to_string() == stored)
                .map(|o| o.label.clone())
                .unwrap_or_else(|| stored.to_string()),
            _ => stored.to_string(),
        }
    }

    fn spec_options(&self) -> Vec<FieldOption> {
        self.options
            .iter()
            .map(|o| FieldOption {
                id: o.id,
                label: o.label.clone(),
            })
            .collect()
    }
}

pub(crate) async fn load(tx: &mut Tx) -> Result<Vec<FieldDef>> {
    let defs = fields::list(tx).await?;
    let opts = fields::options(tx).await?;
    Ok(defs
        .into_iter()
        .map(|f| {
            let options = opts
                .iter()
                .filter(|o| o.field_id == f.id)
                .cloned()
                .collect();
            FieldDef { field: f, options }
        })
        .collect())
}

pub async fn list(app: &App) -> Result<Vec<FieldDef>> {
    let mut tx = app.db.read().await?;
    load(&mut tx).await
}

pub async fn get(app: &App, id: i64) -> Result<FieldDef> {
    list(app)
        .await?
        .into_iter()
        .find(|f| f.field.id == id)
        .ok_or(AppError::NotFound)
}

/// Parses raw values per field id against the definitions. On create, required fields that were
/// not given are errors too. Errors are keyed `cf_<key>`.
pub(crate) async fn parse_values(
    tx: &mut Tx,
    raw: &BTreeMap<i64, Vec<String>>,
    creating: bool,
) -> Result<BTreeMap<i64, Vec<String>>> {
    let defs = load(tx).await?;
    let mut e = FieldErrors::new();
    let mut out = BTreeMap::new();
    for (id, vals) in raw {
        let Some(def) = defs.iter().find(|d| d.field.id == *id) else {
            e.add(
                format!("cf_{id}"),
                Invalid::new("unknown_field", format!("no custom field with id {id}")),
            );
            continue;
        };
        let opts = def.spec_options();
        let spec = FieldSpec {
            kind: def.kind(),
            required: def.field.required,
            options: &opts,
        };
        if let Some(v) = e.take(
            &format!("cf_{}", def.field.key),
            cf::parse_value(&spec, vals),
        ) {
            out.insert(*id, v);
        }
    }
    if creating {
        for d in defs
            .iter()
            .filter(|d| d.field.required && !raw.contains_key(&d.field.id))
        {
            e.add(
                format!("cf_{}", d.field.key),
                Invalid::new("required", "this field is required"),
            );
        }
    }
    if e.is_empty() {
        Ok(out)
    } else {
        Err(AppError::Invalid(e))
    }
}

/// Builds list filters from query parameters: `cf_KEY=value` (select, yes/no, date, number:
/// equals; text: contains), `cf_KEY_min` / `cf_KEY_max` (numbers), `cf_KEY_from` / `cf_KEY_to`
/// (dates). An unknown option or malformed bound is an error naming the parameter.
pub fn parse_filters(
    defs: &[FieldDef],
    params: &[(String, String)],
) -> Result<Vec<CustomFilter>, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut out = Vec::new();
    let get = |name: &str| -> Vec<String> {
        params
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    };
    for d in defs {
        let key = &d.field.key;
        let id = d.field.id;
        let name = format!("cf_{key}");
        for v in get(&name) {
            let opts = d.spec_options();
            let spec = FieldSpec {
                kind: d.kind(),
                required: false,
                options: &opts,
            };
            match d.kind() {
                FieldKind::Text => out.push(CustomFilter::Contains {
                    field_id: id,
                    text: v,
                }),
                _ => {
                    if let Some(vals) =
                        e.take(&name, cf::parse_value(&spec, std::slice::from_ref(&v)))
                    {
                        out.extend(vals.into_iter().map(|value| CustomFilter::Equals {
                            field_id: id,
                            value,
                        }));
                    }
                }
            }
        }
        match d.kind() {
            FieldKind::Number => {
                let min = get(&format!("{name}_min"))
                    .into_iter()
                    .next()
                    .and_then(|v| e.take(&format!("{name}_min"), cf::parse_number(&v)));
                let max = get(&format!("{name}_max"))
                    .into_iter()
                    .next()
                    .and_then(|v| e.take(&format!("{name}_max"), cf::parse_number(&v)));
                if min.is_some() || max.is_some() {
                    out.push(CustomFilter::NumberRange {
                        field_id: id,
                        min,
                        max,
                    });
                }
            }
            FieldKind::Date => {
                let from = get(&format!("{name}_from"))
                    .into_iter()
                    .next()
                    .and_then(|v| {
                        e.take(
                            &format!("{name}_from"),
                            cf::parse_date(&v).map(|d| d.to_string()),
                        )
                    });
                let to = get(&format!("{name}_to")).into_iter().next().and_then(|v| {
                    e.take(
                        &format!("{name}_to"),
                        cf::parse_date(&v).map(|d| d.to_string()),
                    )
                });
                if from.is_some() || to.is_some() {
                    out.push(CustomFilter::DateRange {
                        field_id: id,
                        from,
                        to,
                    });
                }
            }
            _ => {}
        }
    }
    if e.is_empty() { Ok(out) } else { Err(e) }
}

/// A field definition as submitted.
#[derive(Debug, Clone, Default)]
pub struct FieldDraft {
    pub key: String,
    pub label_en: String,
    pub label_zh: String,
    pub kind: String,
    pub required: bool,
    pub in_list: bool,
    pub position: i32,
    /// Existing options to keep, with (possibly new) labels.
    pub keep_options: Vec<(i64, String)>,
    /// New option labels.
    pub new_options: Vec<String>,
}

fn parse_draft(d: &FieldDraft, creating: bool) -> Result<(FieldRecord, FieldKind)> {
    let mut e = FieldErrors::new();
    let key = if creating {
        e.take("key", FieldKey::parse(&d.key))
            .map(|k| k.as_str().to_string())
    } else {
        Some(String::new())
    };
    let kind = e.take("kind", FieldKind::parse(&d.kind));
    let label_en = e.take("label_en", cf::parse_label(&d.label_en));
    let label_zh = e.take("label_zh", optional_text(&d.label_zh, 80));
    let mut labels: Vec<&str> = d
        .keep_options
        .iter()
        .map(|(_, l)| l.trim())
        .chain(d.new_options.iter().map(|l| l.trim()))
        .collect();
    if labels
        .iter()
        .any(|l| l.is_empty() || l.chars().count() > 80)
    {
        e.add(
            "options",
            Invalid::new("invalid_option", "option labels are 1 to 80 characters"),
        );
    }
    labels.sort_unstable();
    if labels.windows(2).any(|w| w[0] == w[1]) {
        e.add(
            "options",
            Invalid::new("duplicate_option", "option labels must differ"),
        );
    }
    if kind.is_some_and(|k| k.has_options()) && labels.is_empty() {
        e.add(
            "options",
            Invalid::new(
                "options_required",
                "a select field needs at least one option",
            ),
        );
    }
    let r = e.finish(|| FieldRecord {
        key: key.unwrap(),
        label_en: label_en.unwrap(),
        label_zh: label_zh.unwrap().unwrap_or_default(),
        kind: kind.unwrap().as_str().to_string(),
        required: d.required,
        in_list: d.in_list,
        position: d.position,
    })?;
    Ok((r, kind.unwrap()))
}

pub async fn create(app: &App, actor: &Actor, d: &FieldDraft) -> Result<i64> {
    if !actor.can_manage_custom_fields() {
        return Err(AppError::Forbidden);
    }
    let (rec, kind) = parse_draft(d, true)?;
    let mut tx = app.db.write().await?;
    if fields::list(&mut tx)
        .await?
        .iter()
        .any(|f| f.key == rec.key)
    {
        return Err(AppError::field(
            "key",
            Invalid::new("key_exists", "a field with this key exists"),
        ));
    }
    let id = fields::insert(&mut tx, &rec, now()).await?;
    if kind.has_options() {
        for (i, l) in d.new_options.iter().enumerate() {
            fields::insert_option(&mut tx, id, l.trim(), i as i32).await?;
        }
    }
    audit::record(&mut tx, Some(actor), "custom_field", Some(id), "create",
        json!({"key": rec.key, "kind": rec.kind, "label_en": rec.label_en, "label_zh": rec.label_zh, "options": d.new_options})).await?;
    tx.commit().await?;
    Ok(id)
}

/// Updates labels, flags and options. Key and kind are fixed once created (values depend on
/// them). Options missing from `keep_options` are removed together with the values choosing them.
pub async fn update(app: &App, actor: &Actor, id: i64, d: &FieldDraft) -> Result<()> {
    if !actor.can_manage_custom_fields() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let old = load(&mut tx)
        .await?
        .into_iter()
        .find(|f| f.field.id == id)
        .ok_or(AppError::NotFound)?;
    let draft = FieldDraft {
        kind: old.field.kind.clone(),
        ..d.clone()
    };
    let (rec, kind) = parse_draft(&draft, false)?;
    if let Some((bad, _)) = d
        .keep_options
        .iter()
        .find(|(oid, _)| !old.options.iter().any(|o| o.id == *oid))
    {
        return Err(AppError::field(
            "options",
            Invalid::new("unknown_option", format!("no option {bad} on this field")),
        ));
    }
    fields::update(&mut tx, id, &rec).await?;
    if kind.has_options() {
        for o in &old.options {
            match d.keep_options.iter().position(|(oid, _)| *oid == o.id) {
                Some(pos) => {
                    fields::update_option(&mut tx, o.id, d.keep_options[pos].1.trim(), pos as i32)
                        .await?
                }
                None => fields::delete_option(&mut tx, id, o.id).await?,
            }
        }
        for (i, l) in d.new_options.iter().enumerate() {
            fields::insert_option(&mut tx, id, l.trim(), (d.keep_options.len() + i) as i32).await?;
        }
    }
    let old_snap = json!({"label_en": old.field.label_en, "label_zh": old.field.label_zh, "required": old.field.required,
        "in_list": old.field.in_list, "position": old.field.position, "options": old.options.iter().map(|o| &o.label).collect::<Vec<_>>()});
    let mut labels: Vec<&str> = d.keep_options.iter().map(|(_, l)| l.trim()).collect();
    labels.extend(d.new_options.iter().map(|l| l.trim()));
    let new_snap = json!({"label_en": rec.label_en, "label_zh": rec.label_zh, "required": rec.required, "in_list": rec.in_list,
        "position": rec.position, "options": if kind.has_options() { labels } else { vec![] }});
    audit::record(
        &mut tx,
        Some(actor),
        "custom_field",
        Some(id),
        "update",
        audit::diff(&old_snap, &new_snap),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    if !actor.can_manage_custom_fields() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let old = fields::get(&mut tx, id).await?;
    let values = fields::count_values(&mut tx, id).await?;
    fields::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "custom_field",
        Some(id),
        "delete",
        json!({"key": old.key, "values_removed": values}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
