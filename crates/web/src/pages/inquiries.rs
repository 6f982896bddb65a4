//! The inquiry inbox: paste text or upload `.eml`/`.mbox`, see each message's grade and risk,
//! read the analysis with its reasons and clarifying questions, and link the inquiry to a buyer
//! or create one from it.

use super::{Pager, parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm, read_upload};
use askama::Template;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::AppError;
use leadledger_app::customers as uc;
use leadledger_app::error::DuplicateCandidate;
use leadledger_app::inquiries::{self, Channel, InquiryView};
use leadledger_app::store::inquiries::{InquiryFilter, SignalRow};
use leadledger_domain::customer::CustomerDraft;
use leadledger_domain::page::PageRequest;
use leadledger_inquiry::{Message, parse_eml, parse_mbox};
use serde_json::Value;

#[derive(Template)]
#[template(path = "inquiries/index.html")]
struct IndexPage {
    l: Layout,
    f: FormState,
    items: Vec<InquiryView>,
    pager: Pager,
    can_submit: bool,
    error: Option<String>,
}

fn filter_from(form: &FormData) -> Result<(InquiryFilter, PageRequest), WebError> {
    let page = PageRequest::parse(Some(form.get("page")), None)
        .map_err(|(_, e)| WebError::BadRequest(e.message))?;
    let grade = match form.get("grade") {
        "" => None,
        g @ ("high" | "medium" | "low") => Some(g.to_string()),
        other => return Err(WebError::BadRequest(format!("unknown grade {other:?}"))),
    };
    let mut f = InquiryFilter {
        grade,
        ..Default::default()
    };
    match form.get("risk") {
        "" => {}
        "genuine" => f.junk = Some(false),
        "junk" => f.junk = Some(true),
        "scam" => f.scam = Some(true),
        other => {
            return Err(WebError::BadRequest(format!(
                "unknown risk filter {other:?}"
            )));
        }
    }
    f.linked = match form.get("linked") {
        "" => None,
        "yes" => Some(true),
        "no" => Some(false),
        other => {
            return Err(WebError::BadRequest(format!(
                "unknown linked filter {other:?}"
            )));
        }
    };
    Ok((f, page))
}

async fn index_page(
    s: &AppState,
    u: &PageUser,
    params: Vec<(String, String)>,
    f: FormState,
    error: Option<String>,
) -> Result<IndexPage, WebError> {
    let form = FormData::from_pairs(params.clone());
    let (filter, page) = filter_from(&form)?;
    let r = inquiries::list(&s.app, u.actor(), filter, page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    let mut f = f;
    for k in ["grade", "risk", "linked"] {
        f.set(k, form.get(k));
    }
    Ok(IndexPage {
        l: Layout::new(u, "inquiries", u.lang.t("inquiries.title")),
        f,
        items: r.items,
        pager,
        can_submit: u.actor().can_create_customers(),
        error,
    })
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    Ok(render(
        &index_page(&s, &u, params, FormState::default(), None).await?,
    ))
}

async fn refused(
    s: &AppState,
    u: &PageUser,
    typed: FormState,
    msg: String,
) -> Result<Response, WebError> {
    let page = index_page(s, u, vec![], typed, Some(msg)).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

/// Accepts pasted text or an uploaded `.eml` / `.mbox` (multipart form with the CSRF token).
pub async fn submit(
    State(s): State<AppState>,
    u: PageUser,
    mp: Multipart,
) -> Result<Response, WebError> {
    let up = read_upload(&u, mp).await?;
    let (text, subject, from) = (
        up.fields.get("text").to_string(),
        up.fields.get("subject").to_string(),
        up.fields.get("from").to_string(),
    );
    let file = up
        .file("file")
        .map(|(_, name, bytes)| (name.clone(), bytes.clone()));
    let mut typed = FormState::default();
    typed.set("text", &text);
    typed.set("subject", &subject);
    typed.set("from", &from);
    let (messages, channel) = match file {
        Some((name, bytes)) => {
            let lower = name.to_lowercase();
            if lower.ends_with(".mbox") || bytes.starts_with(b"From ") {
                let parsed: Result<Vec<Message>, _> = parse_mbox(&bytes).into_iter().collect();
                match parsed {
                    Ok(m) if !m.is_empty() => (m, Channel::Mbox),
                    Ok(_) => {
                        return refused(&s, &u, typed, u.lang.t("inquiries.empty_mbox").into())
                            .await;
                    }
                    Err(e) => {
                        return refused(
                            &s,
                            &u,
                            typed,
                            format!("{}: {e}", u.lang.t("inquiries.unreadable")),
                        )
                        .await;
                    }
                }
            } else {
                match parse_eml(&bytes) {
                    Ok(m) => (vec![m], Channel::Eml),
                    Err(e) => {
                        return refused(
                            &s,
                            &u,
                            typed,
                            format!("{}: {e}", u.lang.t("inquiries.unreadable")),
                        )
                        .await;
                    }
                }
            }
        }
        None => {
            if text.trim().is_empty() {
                return refused(&s, &u, typed, u.lang.t("inquiries.nothing").into()).await;
            }
            match leadledger_inquiry::message_from_text(&text) {
                Ok(mut m) => {
                    m.subject = Some(subject.trim().to_string()).filter(|s| !s.is_empty());
                    m.from = Some(from.trim().to_string()).filter(|s| !s.is_empty());
                    (vec![m], Channel::Paste)
                }
                Err(e) => return refused(&s, &u, typed, e.to_string()).await,
            }
        }
    };
    let ids = inquiries::submit(&s.app, u.actor(), messages, channel, None).await?;
    match ids.as_slice() {
        [one] => Ok(Redirect::to(&format!("/inquiries/{one}")).into_response()),
        _ => Ok(Redirect::to("/inquiries?flash=saved").into_response()),
    }
}

#[derive(Template)]
#[template(path = "inquiries/show.html")]
struct ShowPage {
    l: Layout,
    i: InquiryView,
    a: Value,
    questions: String,
    candidates: Vec<DuplicateCandidate>,
    signals: Vec<SignalRow>,
    can_act: bool,
    error: Option<String>,
}

impl ShowPage {
    fn fact(&self, key: &str) -> String {
        let v = self.fact_raw(key);
        if v.is_empty() { "—".into() } else { v }
    }

    fn fact_raw(&self, key: &str) -> String {
        match &self.a["facts"][key] {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(v) => v
                .iter()
                .filter_map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Value::Bool(true) => self.l.t("common.yes").to_string(),
            _ => String::new(),
        }
    }

    fn asks(&self, key: &str) -> bool {
        self.a["facts"][key].as_bool() == Some(true)
    }

    fn buyer(&self, key: &str) -> String {
        self.a["facts"]["buyer"][key]
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn list(&self, path: &str) -> Vec<String> {
        let v = path.split('.').fold(&self.a, |v, k| &v[k]);
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn quantity(&self) -> String {
        let q = self.fact("quantity");
        let unit = self.fact("unit");
        if q.is_empty() {
            String::new()
        } else {
            format!("{q} {unit}").trim().to_string()
        }
    }

    fn element(&self, name: &str) -> String {
        let key = format!("element.{name}");
        if crate::i18n::catalog().contains_key(&key) {
            self.l.t(&key).to_string()
        } else {
            name.to_string()
        }
    }
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    error: Option<String>,
) -> Result<ShowPage, WebError> {
    let i = inquiries::get(&s.app, u.actor(), id).await?;
    let a = i.analysis.clone();
    let questions = a["questions"]
        .as_array()
        .map(|q| {
            q.iter()
                .filter_map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let can_act = u.actor().can_create_customers();
    let mut candidates = Vec::new();
    if i.row.customer_id.is_none() && can_act {
        let p = inquiries::prefill(&i);
        let draft = CustomerDraft {
            name: if p.name.is_empty() {
                p.email_domain.clone()
            } else {
                p.name.clone()
            },
            country: if p.country.is_empty() {
                "US".into()
            } else {
                p.country.clone()
            },
            website: p.website.clone(),
            email_domain: p.email_domain.clone(),
            ..Default::default()
        };
        if let Ok(input) = draft.parse() {
            let emails: Vec<String> = Some(p.contact_email.to_lowercase())
                .filter(|e| e.contains('@'))
                .into_iter()
                .collect();
            candidates = uc::check_duplicates(&s.app, u.actor(), &input, &emails, None)
                .await
                .unwrap_or_default();
        }
    }
    let signals = match i.row.customer_id {
        Some(cid) => inquiries::signals(&s.app, u.actor(), cid)
            .await?
            .into_iter()
            .filter(|x| x.inquiry_id == Some(id))
            .collect(),
        None => vec![],
    };
    Ok(ShowPage {
        l: Layout::new(u, "inquiries", i.title()),
        i,
        a,
        questions,
        candidates,
        signals,
        can_act,
        error,
    })
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(render(&show_page(&s, &u, parse_id(&id)?, None).await?))
}

pub async fn link(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let raw = p
        .form
        .get("customer_id")
        .trim()
        .trim_start_matches('#')
        .to_string();
    let target = match raw.as_str() {
        "" => None,
        v => match v.parse::<i64>() {
            Ok(c) => Some(c),
            Err(_) => {
                let page = show_page(
                    &s,
                    &p.user,
                    id,
                    Some(p.user.lang.t("err.invalid_id").into()),
                )
                .await?;
                return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
            }
        },
    };
    match inquiries::link(&s.app, p.user.actor(), id, target).await {
        Ok(()) => Ok(Redirect::to(&format!("/inquiries/{id}?flash=saved")).into_response()),
        Err(AppError::NotFound) if target.is_some() => {
            let page = show_page(
                &s,
                &p.user,
                id,
                Some(p.user.lang.t("merge.not_found").into()),
            )
            .await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    inquiries::delete(&s.app, p.user.actor(), parse_id(&id)?).await?;
    Ok(Redirect::to("/inquiries?flash=deleted").into_response())
}
