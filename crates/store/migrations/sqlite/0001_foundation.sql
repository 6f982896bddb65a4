-- Users, sessions, API tokens, login throttling, customers and everything hanging off them.
-- Times are Unix seconds (BIGINT) on both backends, so one SQL text serves both.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'manager', 'sales', 'finance')),
    password_hash TEXT    NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT,
    revoked      BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE login_attempts (
    id       INTEGER PRIMARY KEY,
    username TEXT    NOT NULL,
    ip       TEXT    NOT NULL,
    at       BIGINT  NOT NULL,
    success  BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_username ON login_attempts (username, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE customers (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL,
    match_key         TEXT    NOT NULL,
    sort_name         TEXT    NOT NULL,
    country           TEXT    NOT NULL,
    website           TEXT,
    website_host      TEXT,
    email_domain      TEXT,
    source            TEXT    NOT NULL,
    source_detail     TEXT,
    owner_id          BIGINT  REFERENCES users (id),
    status            TEXT    NOT NULL,
    completeness      TEXT,
    requirement_clear BOOLEAN,
    stage             TEXT,
    notes             TEXT,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);
CREATE INDEX customers_country_sort ON customers (country, sort_name);
CREATE INDEX customers_sort ON customers (sort_name);
CREATE INDEX customers_owner ON customers (owner_id, sort_name);
CREATE INDEX customers_match_key ON customers (match_key);
CREATE INDEX customers_website_host ON customers (website_host);
CREATE INDEX customers_email_domain ON customers (email_domain);
CREATE INDEX customers_updated ON customers (updated_at);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    title       TEXT,
    notes       TEXT,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX contacts_customer ON contacts (customer_id);

-- Emails, phones, WhatsApp and WeChat ids of a contact; kind is one of those four.
CREATE TABLE contact_channels (
    id          INTEGER PRIMARY KEY,
    contact_id  BIGINT  NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('email', 'phone', 'whatsapp', 'wechat')),
    value       TEXT    NOT NULL
);
CREATE INDEX contact_channels_contact ON contact_channels (contact_id);
CREATE INDEX contact_channels_value ON contact_channels (kind, value);

CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    color      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);

CREATE TABLE customer_tags (
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag_id      BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, tag_id)
);
CREATE INDEX customer_tags_tag ON customer_tags (tag_id, customer_id);

CREATE TABLE custom_fields (
    id         INTEGER PRIMARY KEY,
    key        TEXT    NOT NULL UNIQUE,
    label_en   TEXT    NOT NULL,
    label_zh   TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    required   BOOLEAN NOT NULL DEFAULT FALSE,
    in_list    BOOLEAN NOT NULL DEFAULT FALSE,
    position   INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT  NOT NULL
);

CREATE TABLE custom_field_options (
    id       INTEGER PRIMARY KEY,
    field_id BIGINT  NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    label    TEXT    NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX custom_field_options_field ON custom_field_options (field_id);

-- One row per value; a multi-select field has several rows for one customer.
CREATE TABLE custom_values (
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    field_id    BIGINT NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    value       TEXT   NOT NULL,
    PRIMARY KEY (customer_id, field_id, value)
);
CREATE INDEX custom_values_field ON custom_values (field_id, value);

CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    at          BIGINT  NOT NULL,
    user_id     BIGINT  REFERENCES users (id),
    minutes     INTEGER NOT NULL DEFAULT 0,
    body        TEXT,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX activities_customer ON activities (customer_id, at);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        BIGINT  NOT NULL,
    user_id   BIGINT  REFERENCES users (id),
    actor     TEXT    NOT NULL,
    entity    TEXT    NOT NULL,
    entity_id BIGINT,
    action    TEXT    NOT NULL,
    changes   TEXT    NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
