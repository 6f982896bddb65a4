//! The store contract: one suite that proves every query behaves the same on SQLite and on
//! PostgreSQL.
//!
//! Each test is an async function taking a fresh, migrated [`Db`]. It runs twice, as
//! `sqlite::<name>` and `postgres::<name>`, each time in its own database (a temporary SQLite
//! file, or a new PostgreSQL schema) that is removed afterwards. The PostgreSQL half needs
//! `LEADLEDGER_TEST_PG_URL`; without it those trials are marked ignored and the run says so.

/// The tests, one file per store module, in `tests/contract/`.
mod contract {
    pub mod activities;
    pub mod audit;
    pub mod bulk;
    pub mod concurrency;
    pub mod contacts;
    pub mod custom_filters;
    pub mod customer_list;
    pub mod customers;
    pub mod fields;
    pub mod inquiries;
    pub mod products;
    pub mod sessions;
    pub mod support;
    pub mod tags;
    pub mod users;
}

use contract::{
    activities, audit, bulk, concurrency, contacts, custom_filters, customer_list, customers,
    fields, inquiries, products, sessions, tags, users,
};

use leadledger_store::{Backend, Db, testing};
use libtest_mimic::{Arguments, Trial};
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;

type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;
type TestFn = fn(Db) -> BoxFuture;

/// `(name, function)` for every listed `module::test`.
macro_rules! tests {
    ($($module:ident :: $name:ident),* $(,)?) => {
        vec![$((stringify!($name), (|db| Box::pin($module::$name(db)) as BoxFuture) as TestFn)),*]
    };
}

fn all_tests() -> Vec<(&'static str, TestFn)> {
    tests![
        concurrency::two_hundred_concurrent_writers_get_gapless_distinct_numbers,
        products::a_product_and_its_prices_read_back_and_are_searched_by_sku_or_name,
        products::a_second_product_with_the_same_sku_is_a_conflict_and_deleting_removes_prices,
        products::rates_are_replaced_per_pair_day_and_source_and_found_on_or_before_a_day,
        inquiries::inquiries_are_listed_newest_first_and_filtered_by_grade_risk_and_link,
        inquiries::a_sales_scope_sees_unlinked_pool_and_own_inquiries_only,
        inquiries::linking_unlinking_and_deleting_an_inquiry,
        inquiries::signals_are_kept_per_customer_and_follow_a_merge,
        inquiries::an_inquiry_sets_completeness_until_a_person_does,
        users::a_user_is_found_by_name_and_by_id_and_listed_by_name,
        users::a_second_user_with_the_same_name_is_a_conflict,
        users::updating_a_user_changes_role_display_name_disabled_and_password,
        users::changing_a_missing_user_is_not_found,
        users::an_api_token_finds_its_user_until_it_is_revoked,
        users::a_disabled_users_api_token_finds_nobody,
        users::two_api_tokens_with_the_same_hash_are_a_conflict,
        sessions::a_session_finds_its_user_until_it_expires,
        sessions::touching_a_session_slides_its_expiry_forward,
        sessions::a_disabled_users_session_is_not_found,
        sessions::sessions_are_deleted_by_token_by_user_and_by_expiry,
        sessions::failed_logins_are_counted_per_name_since_its_last_success_and_per_address,
        sessions::old_login_attempts_are_purged,
        customers::a_customer_reads_back_exactly_as_inserted,
        customers::updating_a_customer_changes_every_column_and_the_update_time,
        customers::a_missing_customer_is_not_found_on_get_update_delete_and_owner_of,
        customers::owner_of_and_set_owner_move_a_customer_in_and_out_of_the_pool,
        customers::deleting_a_customer_removes_its_contacts_tags_values_and_activities,
        customers::duplicates_are_found_by_name_key_by_domain_and_by_contact_email,
        customers::duplicate_search_excludes_the_customer_being_edited,
        customers::merging_moves_contacts_activities_tags_and_custom_values,
        customers::merging_fills_only_the_empty_columns_of_the_kept_customer,
        customer_list::an_empty_filter_lists_every_customer_by_name,
        customer_list::a_text_search_matches_name_website_and_email_domain_case_insensitively,
        customer_list::percent_and_underscore_in_a_search_are_literal_characters,
        customer_list::several_countries_match_any_of_them,
        customer_list::status_source_completeness_and_stage_filter_exactly,
        customer_list::the_owner_filter_picks_anyone_the_pool_or_one_user,
        customer_list::a_sales_scope_sees_own_and_pool_customers_only,
        customer_list::several_tags_must_all_be_present,
        custom_filters::a_custom_equals_filter_matches_the_stored_value,
        custom_filters::a_custom_contains_filter_is_case_insensitive_and_escapes_wildcards,
        custom_filters::a_number_range_compares_numbers_not_text,
        custom_filters::a_date_range_includes_both_ends,
        customer_list::every_sort_key_orders_ascending_and_descending,
        customer_list::pages_split_the_list_and_the_total_counts_every_match,
        customer_list::filters_combine_with_and,
        contacts::a_contact_keeps_its_channels_in_order,
        contacts::updating_a_contact_replaces_its_channels,
        contacts::contacts_of_several_customers_come_with_their_channels,
        contacts::deleting_a_contact_removes_its_channels,
        contacts::the_contact_list_filters_by_customer_and_visibility_and_pages,
        tags::a_tag_is_found_by_id_and_name_with_its_customer_count,
        tags::a_second_tag_with_the_same_name_is_a_conflict,
        tags::setting_a_customers_tags_replaces_them,
        tags::tags_of_several_customers_are_listed_by_name,
        tags::deleting_a_tag_untags_its_customers,
        fields::fields_are_listed_by_position_and_updated_without_changing_key_or_kind,
        fields::a_second_field_with_the_same_key_is_a_conflict,
        fields::setting_values_replaces_one_fields_values_for_one_customer,
        fields::options_are_listed_by_field_and_position_and_relabelled,
        fields::deleting_an_option_removes_the_values_that_chose_it,
        fields::deleting_a_field_removes_its_options_and_values,
        activities::an_activity_reads_back_with_its_users_name,
        activities::activities_are_updated_and_deleted,
        activities::activities_list_newest_first_filtered_and_paged,
        activities::the_activity_list_respects_a_sales_scope,
        activities::the_summary_adds_minutes_and_finds_the_latest_activity,
        audit::audit_entries_list_newest_first_and_filter_by_every_field,
        audit::audit_entries_page_with_a_total,
        bulk::bulk_customers_get_their_ids_in_input_order_across_chunks,
        bulk::bulk_contacts_get_their_channels_and_ids_in_input_order,
        bulk::bulk_activities_values_and_tags_land_on_their_customers,
        concurrency::twenty_simultaneous_writers_all_commit,
        concurrency::a_rolled_back_transaction_leaves_nothing_behind,
        concurrency::migrating_twice_changes_nothing_and_the_database_answers_pings,
    ]
}

/// The URL without its password, for printing.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            let masked = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_string()
            };
            format!("{}{}{}", &url[..s + 3], masked, &url[at..])
        }
        _ => url.to_string(),
    }
}

fn trial(backend: Backend, name: &str, f: TestFn, skipped: bool) -> Trial {
    let prefix = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    Trial::test(format!("{prefix}::{name}"), move || {
        if backend == Backend::Postgres && testing::pg_url().is_none() {
            return Err(format!("{} is not set", testing::PG_URL_VAR).into());
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        rt.block_on(testing::with_db(backend, f));
        Ok(())
    })
    .with_ignored_flag(skipped)
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let tests = all_tests();
    let mut names: Vec<&str> = tests.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        eprintln!("duplicate contract test name {}", w[0]);
        return ExitCode::FAILURE;
    }
    let pg = testing::pg_url();
    let skip_line = format!(
        "NOTE: PostgreSQL half SKIPPED: {} is not set",
        testing::PG_URL_VAR
    );
    match &pg {
        Some(url) => println!("PostgreSQL half: running against {}", redacted(url)),
        None => println!("{skip_line}"),
    }
    let mut trials = Vec::with_capacity(tests.len() * 2);
    for (name, f) in &tests {
        trials.push(trial(Backend::Sqlite, name, *f, false));
    }
    for (name, f) in &tests {
        trials.push(trial(Backend::Postgres, name, *f, pg.is_none()));
    }
    let conclusion = libtest_mimic::run(&args, trials);
    if pg.is_none() {
        // Repeated after the summary, where nobody can miss it.
        println!(
            "{skip_line} (set it, e.g. to postgres://postgres@127.0.0.1:5432/test, to run both halves)"
        );
    }
    conclusion.exit_code()
}
