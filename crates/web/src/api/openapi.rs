//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` annotations and the
//! DTOs' schemas.

use super::dto::*;
use super::{
    activities, customers, fields, inquiries, invoices, orders, payments, products, quotes, rates,
    tags,
};
use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct Security;

impl Modify for Security {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("`leadledger token create --user NAME`"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("ll_session"))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "leadledger API", version = "1", description = "Inquiries, buyers, contacts, activities, tags, custom fields, products, rates, quotes, sales orders, invoices, credit notes, payments and receivables. Errors answer {code, message, fields} with a 4xx status; lists answer {items, total, page, per_page}."),
    paths(
        customers::me, customers::list, customers::create, customers::get, customers::replace, customers::patch,
        customers::delete, customers::duplicates, customers::merge,
        customers::contacts_list, customers::contact_create, customers::contact_get, customers::contact_update, customers::contact_delete,
        activities::list, activities::create, activities::get, activities::update, activities::delete,
        tags::list, tags::create, tags::get, tags::update, tags::delete,
        fields::list, fields::create, fields::get, fields::update, fields::delete,
        rates::list, rates::create, rates::convert,
        orders::list, orders::create, orders::get, orders::ship,
        invoices::list, invoices::create, invoices::get, invoices::issue, invoices::void,
        invoices::credit_note, invoices::delete, invoices::receivables,
        payments::list, payments::create, payments::get, payments::apply,
        quotes::list, quotes::create, quotes::get, quotes::update, quotes::event, quotes::revise, quotes::revisions, quotes::diff,
        products::list, products::create, products::get, products::update, products::delete,
        inquiries::analyze, inquiries::list, inquiries::create, inquiries::get, inquiries::update, inquiries::delete,
    ),
    components(schemas(
        CustomerOut, CustomerIn, CustomerList, DuplicateOut, DuplicatesOut, MergeIn, ContactOut, ContactIn, ContactList,
        ActivityOut, ActivityIn, ActivityList, TagOut, TagIn, TagList, FieldOut, FieldIn, FieldList, OptionOut, OptionIn,
        MeOut, ErrorOut, InquiryIn, InquiryLinkIn, InquiryOut, InquiryList, ProductIn, ProductOut, ProductList, RateIn, RateOut, RateList, QuoteIn, QuoteLineIn, QuoteOut, QuoteLineOut, QuoteList, QuoteChangeOut, OrderIn, OrderOut, OrderLineOut, OrderList, ShipIn, ShipLineIn, InvoiceIn, InvoiceOut, InvoiceList, VoidIn, PaymentIn, PaymentOut, PaymentList, AllocationIn, AllocationOut,
        CreditNoteIn, CreditLineIn, ApplyIn, AgingOut, OpenItemOut, CustomerBalanceOut, ReceivablesOut,
    )),
    modifiers(&Security),
    security(("bearer" = []), ("session" = [])),
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
