-- Transactions on loan accounts and the double-entry ledger they post to. Every applied
-- transaction and every reversal writes one balanced journal entry in the same database
-- transaction that changes the loan, so the loan's balances can always be recomputed from its
-- journal. Rows are never deleted: a reverted transaction stays, marked and linked to its
-- reversal. Money is numeric(20, 2), never floating point. docs/transactions.md has the rules.
CREATE TABLE loan_transaction (
    id                         uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id                 bigint         NOT NULL REFERENCES partner (id),
    loan_id                    uuid           NOT NULL REFERENCES loan (id),
    -- Posting order. Postings to one loan hold the loan's row lock, so within a loan this is the
    -- order they were applied in; "later" in a revert means a higher seq.
    seq                        bigint         GENERATED ALWAYS AS IDENTITY UNIQUE,
    type                       text           NOT NULL
        CHECK (type IN ('disbursement', 'repayment', 'fee')),
    status                     text           NOT NULL
        CHECK (status IN ('pending', 'applied', 'reverted', 'reversal')),
    amount                     numeric(20, 2) NOT NULL CHECK (amount > 0),
    fee_name                   text           CHECK (length(fee_name) BETWEEN 1 AND 100),
    fee_type                   text           CHECK (fee_type IN ('flat', 'percent')),
    custom_fee_amount          numeric(22, 4) CHECK (custom_fee_amount > 0),
    idempotency_key            text           CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    -- SHA-256 (hex) of the canonical request the key was first used with.
    request_fingerprint        text           CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
    custom_field               text,
    previous_transaction_id    uuid           REFERENCES loan_transaction (id),
    related_transaction_id     uuid           REFERENCES loan_transaction (id),
    completed_at               timestamptz,
    reverted_at                timestamptz,
    -- The loan's status before and after the posting; a reversal puts the first back.
    status_before              text
        CHECK (status_before IN ('approved', 'active', 'late', 'in_arrears', 'default',
                                 'paid_off', 'closed')),
    result_loan_status         text
        CHECK (result_loan_status IN ('approved', 'active', 'late', 'in_arrears', 'default',
                                      'paid_off', 'closed')),
    result_outstanding_balance numeric(20, 2) CHECK (result_outstanding_balance >= 0),
    -- Signed changes to the loan's outstanding and pending balances.
    affected_loan_principal    numeric(20, 2),
    affected_loan_interest     numeric(20, 2),
    affected_loan_fee          numeric(20, 2),
    affected_pending_principal numeric(20, 2),
    affected_pending_interest  numeric(20, 2),
    affected_pending_fee       numeric(20, 2),
    -- Revolving credit statements do not exist yet; their migration adds the foreign key.
    statement_id               uuid,
    created_at                 timestamptz    NOT NULL,
    updated_at                 timestamptz    NOT NULL,
    -- One transaction per key and partner, even when two requests race past the loan lock.
    CONSTRAINT loan_transaction_idempotency_key_key UNIQUE (partner_id, idempotency_key),
    CHECK ((type = 'fee') = (fee_name IS NOT NULL)),
    CHECK ((fee_name IS NULL) = (fee_type IS NULL)),
    CHECK (custom_fee_amount IS NULL OR type = 'fee'),
    CHECK (custom_fee_amount IS NULL OR fee_type = 'percent' OR custom_fee_amount = round(custom_fee_amount, 2)),
    CHECK (custom_fee_amount IS NULL OR fee_type = 'flat' OR custom_fee_amount <= 100),
    CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL)),
    CHECK (status <> 'reversal' OR (idempotency_key IS NULL AND previous_transaction_id IS NULL)),
    CHECK ((status = 'reverted') = (reverted_at IS NOT NULL)),
    CHECK ((status IN ('reverted', 'reversal')) = (related_transaction_id IS NOT NULL)),
    -- Everything about the effect is recorded exactly when the transaction has been applied.
    CHECK ((status = 'pending') = (completed_at IS NULL)),
    CHECK ((status = 'pending') = (status_before IS NULL)),
    CHECK ((status = 'pending') = (result_loan_status IS NULL)),
    CHECK ((status = 'pending') = (result_outstanding_balance IS NULL)),
    CHECK ((status = 'pending') = (affected_loan_principal IS NULL)),
    CHECK ((status = 'pending') = (affected_loan_interest IS NULL)),
    CHECK ((status = 'pending') = (affected_loan_fee IS NULL)),
    CHECK ((status = 'pending') = (affected_pending_principal IS NULL)),
    CHECK ((status = 'pending') = (affected_pending_interest IS NULL)),
    CHECK ((status = 'pending') = (affected_pending_fee IS NULL))
);

-- The default list: one partner's transactions newest first.
CREATE INDEX loan_transaction_partner_created_idx
    ON loan_transaction (partner_id, created_at DESC, seq);

-- A loan's transactions in posting order: the revert chain, the disbursed total, loan=... lists.
CREATE INDEX loan_transaction_loan_seq_idx ON loan_transaction (loan_id, seq);

-- V6 left the loan's pointer to its latest transaction without a foreign key.
ALTER TABLE loan
    ADD CONSTRAINT loan_last_transaction_id_fkey
        FOREIGN KEY (last_transaction_id) REFERENCES loan_transaction (id);

-- One journal entry per posting. transaction_id is null only for postings that do not come from
-- a transaction (interest accrual and write-offs, once they post to the ledger).
CREATE TABLE journal_entry (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id     bigint      NOT NULL REFERENCES partner (id),
    loan_id        uuid        NOT NULL REFERENCES loan (id),
    transaction_id uuid        UNIQUE REFERENCES loan_transaction (id),
    currency       text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    posted_at      timestamptz NOT NULL
);

CREATE INDEX journal_entry_loan_idx ON journal_entry (loan_id);

-- The lines of an entry: each one a debit or a credit of one account.
CREATE TABLE journal_line (
    entry_id uuid           NOT NULL REFERENCES journal_entry (id),
    position integer        NOT NULL CHECK (position >= 0),
    account  text           NOT NULL
        CHECK (account IN ('loan_principal_receivable', 'interest_receivable', 'fee_receivable',
                           'cash_settlement', 'fee_income', 'interest_income', 'loss')),
    debit    numeric(20, 2) NOT NULL CHECK (debit >= 0),
    credit   numeric(20, 2) NOT NULL CHECK (credit >= 0),
    PRIMARY KEY (entry_id, position),
    CHECK ((debit = 0) <> (credit = 0))
);

-- Debits equal credits in every entry, checked at commit (after all its lines are in), as a guard
-- against writers that bypass the core.
CREATE FUNCTION journal_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF (SELECT count(*) < 2 OR sum(debit) <> sum(credit)
        FROM journal_line WHERE entry_id = NEW.entry_id) THEN
        RAISE EXCEPTION 'journal entry % is not balanced', NEW.entry_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER journal_line_balanced
    AFTER INSERT ON journal_line
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();

-- The journal is append-only: a mistake is corrected by a reversal, never by an edit.
CREATE FUNCTION journal_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER journal_entry_append_only
    BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();

CREATE TRIGGER journal_line_append_only
    BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
