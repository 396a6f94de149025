-- Partners own everything a key creates; keys are stored only as SHA-256 digests.
CREATE TABLE partner (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
    id         bigserial PRIMARY KEY,
    partner_id bigint      NOT NULL REFERENCES partner (id),
    face       text        NOT NULL CHECK (face IN ('LENDING', 'PAYG')),
    label      text        NOT NULL DEFAULT '',
    prefix     text        NOT NULL,
    key_digest bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE INDEX api_key_partner_idx ON api_key (partner_id);
