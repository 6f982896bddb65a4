//! Company settings (admins): legal details, base currency, default terms, logo, bank accounts.

use super::{parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::FormState;
use crate::layout::Layout;
use crate::session::{PageUser, PostForm, read_upload};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::AppError;
use leadledger_app::company::{self, BankAccountDraft, CompanyDraft};
use leadledger_app::store::company::BankAccountRow;

const FIELDS: [&str; 11] = [
    "legal_name_zh",
    "legal_name_en",
    "address",
    "tax_id",
    "registration_id",
    "phone",
    "email",
    "website",
    "base_currency",
    "default_terms",
    "default_notes",
];

#[derive(Template)]
#[template(path = "admin/company.html")]
struct CompanyPage {
    l: Layout,
    f: FormState,
    bank: FormState,
    accounts: Vec<BankAccountRow>,
    has_logo: bool,
    logo_error: Option<String>,
}

fn require_admin(u: &PageUser) -> Result<(), WebError> {
    if u.actor().can_manage_users() {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

async fn page(
    s: &AppState,
    u: &PageUser,
    f: Option<FormState>,
    bank: FormState,
    logo_error: Option<String>,
) -> Result<CompanyPage, WebError> {
    let f = match f {
        Some(f) => f,
        None => {
            let c = company::get(&s.app).await?;
            let v = serde_json::to_value(&c).unwrap_or_default();
            let mut f = FormState::default();
            for k in FIELDS {
                f.set(k, v[k].as_str().unwrap_or(""));
            }
            f
        }
    };
    Ok(CompanyPage {
        l: Layout::new(u, "company", u.lang.t("company.title")),
        f,
        bank,
        accounts: company::bank_accounts(&s.app).await?,
        has_logo: company::logo(&s.app).await?.is_some(),
        logo_error,
    })
}

pub async fn show(State(s): State<AppState>, u: PageUser) -> Result<Response, WebError> {
    require_admin(&u)?;
    Ok(render(
        &page(&s, &u, None, FormState::default(), None).await?,
    ))
}

pub async fn save(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    let g = |k: &str| p.form.get(k).to_string();
    let d = CompanyDraft {
        legal_name_zh: g("legal_name_zh"),
        legal_name_en: g("legal_name_en"),
        address: g("address"),
        tax_id: g("tax_id"),
        registration_id: g("registration_id"),
        phone: g("phone"),
        email: g("email"),
        website: g("website"),
        base_currency: g("base_currency"),
        default_terms: g("default_terms"),
        default_notes: g("default_notes"),
    };
    match company::save(&s.app, p.user.actor(), &d).await {
        Ok(()) => Ok(Redirect::to("/settings/company?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&s, &p.user, Some(f), FormState::default(), None).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_bank(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    let g = |k: &str| p.form.get(k).to_string();
    let d = BankAccountDraft {
        currency: g("currency"),
        beneficiary: g("beneficiary"),
        bank_name: g("bank_name"),
        bank_address: g("bank_address"),
        swift: g("swift"),
        account: g("account"),
        notes: g("notes"),
    };
    match company::add_bank_account(&s.app, p.user.actor(), &d).await {
        Ok(_) => Ok(Redirect::to("/settings/company?flash=saved#bank").into_response()),
        Err(AppError::Invalid(e)) => {
            let bank = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&s, &p.user, None, bank, None).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_bank(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    company::delete_bank_account(&s.app, p.user.actor(), parse_id(&id)?).await?;
    Ok(Redirect::to("/settings/company?flash=deleted#bank").into_response())
}

pub async fn upload_logo(
    State(s): State<AppState>,
    u: PageUser,
    mp: Multipart,
) -> Result<Response, WebError> {
    require_admin(&u)?;
    let up = read_upload(&u, mp).await?;
    let data = up.file("logo").map(|f| f.2.clone()).unwrap_or_default();
    match company::set_logo(&s.app, u.actor(), &data).await {
        Ok(()) => Ok(Redirect::to("/settings/company?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let msg = crate::error::translate_all(u.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&s, &u, None, FormState::default(), Some(msg)).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The logo, for signed-in users (documents embed it later).
pub async fn logo(State(s): State<AppState>, _u: PageUser) -> Result<Response, WebError> {
    super::image_response(company::logo(&s.app).await?)
}
