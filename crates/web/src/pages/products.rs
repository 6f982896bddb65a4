//! Product pages: the list with search, the form (cost, rebate, packing, price list), CSV export
//! and an all-or-nothing CSV import.

use super::{Pager, parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm, read_upload};
use askama::Template;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::AppError;
use leadledger_app::products::{self, ProductView};
use leadledger_app::store::products::ProductFilter;
use leadledger_domain::page::PageRequest;
use leadledger_domain::product::ProductDraft;

/// Currencies always offered in the price list form.
const PRICE_CURRENCIES: [&str; 5] = ["USD", "EUR", "GBP", "JPY", "CNY"];

#[derive(Template)]
#[template(path = "products/index.html")]
struct IndexPage {
    l: Layout,
    f: FormState,
    items: Vec<ProductView>,
    pager: Pager,
    can_manage: bool,
    import_error: Vec<String>,
}

impl IndexPage {
    fn price_list(&self, p: &ProductView) -> String {
        p.prices
            .iter()
            .map(|(c, v)| format!("{c} {v}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

async fn index_page(
    s: &AppState,
    u: &PageUser,
    params: Vec<(String, String)>,
    import_error: Vec<String>,
) -> Result<IndexPage, WebError> {
    let form = FormData::from_pairs(params.clone());
    let page = PageRequest::parse(Some(form.get("page")), None)
        .map_err(|(_, e)| WebError::BadRequest(e.message))?;
    let active = match form.get("active") {
        "" => None,
        "yes" => Some(true),
        "no" => Some(false),
        other => return Err(WebError::BadRequest(format!("unknown filter {other:?}"))),
    };
    let filter = ProductFilter {
        q: Some(form.get("q").to_string()).filter(|q| !q.trim().is_empty()),
        active,
    };
    let r = products::list(&s.app, &filter, page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    Ok(IndexPage {
        l: Layout::new(u, "products", u.lang.t("products.title")),
        f: FormState::from_form(&form),
        items: r.items,
        pager,
        can_manage: u.actor().can_manage_products(),
        import_error,
    })
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    Ok(render(&index_page(&s, &u, params, vec![]).await?))
}

#[derive(Template)]
#[template(path = "products/form.html")]
struct FormPage {
    l: Layout,
    f: FormState,
    id: Option<i64>,
    currencies: Vec<String>,
    can_manage: bool,
    has_image: bool,
    image_error: Option<String>,
}

fn currencies_of(f: &FormState, extra: &[String]) -> Vec<String> {
    let mut v: Vec<String> = PRICE_CURRENCIES.iter().map(|s| s.to_string()).collect();
    for c in extra {
        if !v.contains(c) {
            v.push(c.clone());
        }
    }
    let _ = f;
    v
}

fn form_page(u: &PageUser, f: FormState, id: Option<i64>, extra: &[String]) -> FormPage {
    let title = if id.is_some() {
        u.lang.t("products.edit")
    } else {
        u.lang.t("products.new")
    };
    FormPage {
        l: Layout::new(u, "products", title),
        currencies: currencies_of(&f, extra),
        f,
        id,
        can_manage: u.actor().can_manage_products(),
        has_image: false,
        image_error: None,
    }
}

pub async fn new_form(u: PageUser) -> Result<Response, WebError> {
    if !u.actor().can_manage_products() {
        return Err(WebError::Forbidden);
    }
    let mut f = FormState::default();
    f.set("unit", "pcs");
    f.set("vat_rate", "13");
    f.set("rebate_rate", "13");
    Ok(render(&form_page(&u, f, None, &[])))
}

/// The draft from a form: fixed fields plus `price_XXX` inputs and one free currency pair.
fn draft_from(form: &FormData) -> ProductDraft {
    let mut prices: Vec<(String, String)> = form
        .pairs()
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("price_").map(|c| (c.to_string(), v.clone())))
        .collect();
    if !form.get("other_currency").trim().is_empty() {
        prices.push((
            form.get("other_currency").to_string(),
            form.get("other_price").to_string(),
        ));
    }
    ProductDraft {
        sku: form.get("sku").into(),
        name_en: form.get("name_en").into(),
        name_zh: form.get("name_zh").into(),
        description: form.get("description").into(),
        specs: form.get("specs").into(),
        hs_code: form.get("hs_code").into(),
        unit: form.get("unit").into(),
        moq: form.get("moq").into(),
        purchase_cost: form.get("purchase_cost").into(),
        vat_rate: form.get("vat_rate").into(),
        rebate_rate: form.get("rebate_rate").into(),
        pcs_per_carton: form.get("pcs_per_carton").into(),
        carton_l_cm: form.get("carton_l_cm").into(),
        carton_w_cm: form.get("carton_w_cm").into(),
        carton_h_cm: form.get("carton_h_cm").into(),
        net_kg: form.get("net_kg").into(),
        gross_kg: form.get("gross_kg").into(),
        prices,
    }
}

fn refused(
    u: &PageUser,
    form: &FormData,
    id: Option<i64>,
    e: AppError,
) -> Result<Response, WebError> {
    match e {
        AppError::Invalid(errs) => {
            let f = FormState::from_form(form).with_errors(u.lang, &errs);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(u, f, id, &[]),
            ))
        }
        other => Err(other.into()),
    }
}

pub async fn create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    if !p.user.actor().can_manage_products() {
        return Err(WebError::Forbidden);
    }
    let result = match draft_from(&p.form).parse() {
        Ok(input) => products::create(&s.app, p.user.actor(), &input).await,
        Err(e) => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/products/{id}?flash=saved")).into_response()),
        Err(e) => refused(&p.user, &p.form, None, e),
    }
}

async fn show_page(s: &AppState, u: &PageUser, id: i64) -> Result<FormPage, WebError> {
    let p = products::get(&s.app, id).await?;
    let r = &p.row.record;
    let mut f = FormState::default();
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    for (k, v) in [
        ("sku", r.sku.clone()),
        ("name_en", r.name_en.clone()),
        ("name_zh", o(&r.name_zh)),
        ("description", o(&r.description)),
        ("specs", o(&r.specs)),
        ("hs_code", o(&r.hs_code)),
        ("unit", r.unit.clone()),
        ("moq", r.moq.map(|m| m.to_string()).unwrap_or_default()),
        ("purchase_cost", o(&r.purchase_cost)),
        ("vat_rate", r.vat_rate.clone()),
        ("rebate_rate", r.rebate_rate.clone()),
        (
            "pcs_per_carton",
            r.pcs_per_carton.map(|m| m.to_string()).unwrap_or_default(),
        ),
        ("carton_l_cm", o(&r.carton_l_cm)),
        ("carton_w_cm", o(&r.carton_w_cm)),
        ("carton_h_cm", o(&r.carton_h_cm)),
        ("net_kg", o(&r.net_kg)),
        ("gross_kg", o(&r.gross_kg)),
    ] {
        f.set(k, v);
    }
    if p.row.active {
        f.set("active", "1");
    }
    let extra: Vec<String> = p.prices.iter().map(|(c, _)| c.clone()).collect();
    for (c, v) in &p.prices {
        f.set(&format!("price_{c}"), v);
    }
    let mut page = form_page(u, f, Some(id), &extra);
    page.has_image = products::image(&s.app, id).await?.is_some();
    Ok(page)
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(render(&show_page(&s, &u, parse_id(&id)?).await?))
}

/// Uploads the product's photo (PNG or JPEG, at most 1 MB).
pub async fn upload_image(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let up = read_upload(&u, mp).await?;
    let data = up.file("image").map(|f| f.2.clone()).unwrap_or_default();
    match products::set_image(&s.app, u.actor(), id, &data).await {
        Ok(()) => Ok(Redirect::to(&format!("/products/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let mut page = show_page(&s, &u, id).await?;
            page.image_error = Some(crate::error::translate_all(u.lang, &e));
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// The product's photo, for signed-in users.
pub async fn image(
    State(s): State<AppState>,
    _u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    super::image_response(products::image(&s.app, parse_id(&id)?).await?)
}

pub async fn update(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    if !p.user.actor().can_manage_products() {
        return Err(WebError::Forbidden);
    }
    let result = match draft_from(&p.form).parse() {
        Ok(input) => {
            products::update(&s.app, p.user.actor(), id, &input, p.form.has("active")).await
        }
        Err(e) => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/products/{id}?flash=saved")).into_response()),
        Err(e) => refused(&p.user, &p.form, Some(id), e),
    }
}

pub async fn delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    products::delete(&s.app, p.user.actor(), parse_id(&id)?).await?;
    Ok(Redirect::to("/products?flash=deleted").into_response())
}

pub async fn export(State(s): State<AppState>, _u: PageUser) -> Result<Response, WebError> {
    let csv = products::export_csv(&s.app).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"products.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}

pub async fn import(
    State(s): State<AppState>,
    u: PageUser,
    mp: Multipart,
) -> Result<Response, WebError> {
    let up = read_upload(&u, mp).await?;
    let data = up.file("file").map(|f| f.2.clone()).unwrap_or_default();
    match products::import_csv(&s.app, u.actor(), &data).await {
        Ok(sum) => Ok(Redirect::to(&format!(
            "/products?flash=imported&created={}&updated={}",
            sum.created, sum.updated
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let lines =
                e.0.iter()
                    .map(|(k, v)| {
                        format!(
                            "{k}: {}",
                            crate::error::translate_invalid(u.lang, v.code, &v.message)
                        )
                    })
                    .collect();
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &index_page(&s, &u, vec![], lines).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
