-- End users (borrowers) of the partner lending API. Each belongs to the partner whose key created
-- it; rows are never deleted. Length limits mirror EndUserPolicy, which reports them per field
-- first; the checks here only guard against writers that bypass it.
CREATE TABLE end_user (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id          bigint      NOT NULL REFERENCES partner (id),
    first_name          text        NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name           text        NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    birth_date          date        NOT NULL,
    address_line_1      text        NOT NULL CHECK (length(address_line_1) BETWEEN 1 AND 200),
    address_line_2      text        NOT NULL CHECK (length(address_line_2) BETWEEN 1 AND 200),
    address_line_3      text                 CHECK (length(address_line_3) BETWEEN 1 AND 200),
    city                text        NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
    postal_code         text        NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 20),
    country             text                 CHECK (country ~ '^[A-Z]{2}$'),
    bank_account_number text        NOT NULL CHECK (bank_account_number ~ '^[A-Za-z0-9]{4,34}$'),
    sort_code           text        NOT NULL CHECK (sort_code ~ '^[A-Za-z0-9]{3,11}$'),
    mobile_number       text                 CHECK (mobile_number ~ '^\+[0-9]{8,15}$'),
    email               text                 CHECK (length(email) BETWEEN 3 AND 254),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- Every list is scoped to one partner and by default sorted "created_at DESC, id ASC" (the id
-- breaks ties): a forward scan of this index yields exactly that order, so the first pages of a
-- partner's list, with or without a created range, need neither a full scan nor a sort.
CREATE INDEX end_user_partner_created_idx ON end_user (partner_id, created_at DESC, id);

-- Borrower look-ups by surname: last_name__iexact compiles to lower(last_name) = lower(:value).
CREATE INDEX end_user_partner_last_name_idx ON end_user (partner_id, lower(last_name));
