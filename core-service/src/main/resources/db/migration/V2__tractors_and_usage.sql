-- Tractors a partner finances, and the usage their telematics units report.
CREATE TABLE tractor (
    tractor_id text        PRIMARY KEY CHECK (tractor_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    partner_id bigint      NOT NULL REFERENCES partner (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tractor_partner_idx ON tractor (partner_id);

-- One row per device report; (tractor_id, message_id) is the device's own key, so redeliveries
-- and device retries cannot count twice.
CREATE TABLE usage_event (
    id           bigserial PRIMARY KEY,
    tractor_id   text          NOT NULL REFERENCES tractor (tractor_id),
    message_id   text          NOT NULL,
    window_start timestamptz   NOT NULL,
    window_end   timestamptz   NOT NULL,
    hectares     numeric(14, 4) NOT NULL CHECK (hectares >= 0),
    engine_hours numeric,
    fuel_litres  numeric,
    latitude     double precision,
    longitude    double precision,
    received_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tractor_id, message_id),
    CHECK (window_end > window_start)
);

-- Deliveries that could not be counted as usage, kept as they arrived with the reason.
-- The digest of topic and payload makes a redelivered bad message a repeat, not a new record.
CREATE TABLE rejected_usage (
    id             bigserial PRIMARY KEY,
    payload_digest bytea       NOT NULL UNIQUE,
    topic          text        NOT NULL,
    tractor_id     text,
    message_id     text,
    content_type   text        NOT NULL DEFAULT '',
    raw_payload    bytea       NOT NULL,
    reason         text        NOT NULL,
    deliveries     integer     NOT NULL DEFAULT 1,
    received_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now()
);
