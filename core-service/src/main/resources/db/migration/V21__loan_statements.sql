-- Monthly statements of revolving credit loans (docs/statements.md). Close of business writes one
-- per loan and statement date; a statement's minimum payment is also the loan_instalment row of
-- the same number, so ageing and delinquency treat it as they treat a term loan's instalment.
-- Money is numeric(20, 2). Rows are never changed or deleted once written.
CREATE TABLE loan_statement (
    id                uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id        bigint         NOT NULL,
    loan_id           uuid           NOT NULL,
    number            integer        NOT NULL CHECK (number >= 1),
    period_start      date           NOT NULL,
    period_end        date           NOT NULL,
    due_date          date           NOT NULL,
    currency          text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    opening_principal numeric(20, 2) NOT NULL CHECK (opening_principal >= 0),
    opening_interest  numeric(20, 2) NOT NULL CHECK (opening_interest >= 0),
    opening_fee       numeric(20, 2) NOT NULL CHECK (opening_fee >= 0),
    -- Sums of the period's transactions (reversals apart) and the interest accrued in it.
    disbursements     numeric(20, 2) NOT NULL CHECK (disbursements >= 0),
    repayments        numeric(20, 2) NOT NULL CHECK (repayments >= 0),
    fees              numeric(20, 2) NOT NULL CHECK (fees >= 0),
    interest          numeric(20, 2) NOT NULL,
    -- Signed: what the period's reversals changed the balance by.
    reversals         numeric(20, 2) NOT NULL,
    closing_principal numeric(20, 2) NOT NULL CHECK (closing_principal >= 0),
    closing_interest  numeric(20, 2) NOT NULL CHECK (closing_interest >= 0),
    closing_fee       numeric(20, 2) NOT NULL CHECK (closing_fee >= 0),
    past_due_amount   numeric(20, 2) NOT NULL CHECK (past_due_amount >= 0),
    minimum_payment   numeric(20, 2) NOT NULL CHECK (minimum_payment >= 0),
    created_at        timestamptz    NOT NULL,
    UNIQUE (loan_id, number),
    UNIQUE (loan_id, period_end),
    FOREIGN KEY (loan_id, partner_id) REFERENCES loan (id, partner_id),
    CHECK (period_start <= period_end),
    CHECK (due_date > period_end),
    CHECK (minimum_payment <= closing_principal + closing_interest + closing_fee),
    CHECK (closing_principal + closing_interest + closing_fee
           = opening_principal + opening_interest + opening_fee
             + disbursements - repayments + fees + interest + reversals)
);

-- V7 left the transaction's statement without a foreign key until statements existed.
ALTER TABLE loan_transaction
    ADD CONSTRAINT loan_transaction_statement_id_fkey
        FOREIGN KEY (statement_id) REFERENCES loan_statement (id);

-- A statement's transactions. Partial: term loan postings (statement_id null) never touch it.
CREATE INDEX loan_transaction_statement_idx ON loan_transaction (statement_id, seq)
    WHERE statement_id IS NOT NULL;
