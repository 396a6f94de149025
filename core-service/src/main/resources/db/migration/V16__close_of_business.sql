-- Close of business: the business date, one run per date with its steps, daily interest accrual
-- and delinquency (overdue ageing, late/arrears/default, event fees once). docs/close-of-business.md
-- has the rules.

-- Accrual and ageing state of each loan.
--   accrued_interest_unposted: interest accrued but not yet posted, below one cent. Each day adds
--     principal × rate / 36500 (truncated to 10 places) and posts the whole cents to `interest`.
--   interest_accrued_through: the last business date accrued, so a date is never accrued twice
--     (a re-run or a resumed chunk skips the loan).
--   accrues_from: the day of the first applied disbursement (UTC), from which interest accrues.
--   overdue_since: the due date of the oldest unpaid overdue instalment; days_past_due the days
--     from it to the business date, as of the last close of business (or posting).
ALTER TABLE loan
    ADD COLUMN accrued_interest_unposted numeric(20, 10) NOT NULL DEFAULT 0
        CHECK (accrued_interest_unposted >= 0 AND accrued_interest_unposted < 0.01),
    ADD COLUMN interest_accrued_through  date,
    ADD COLUMN accrues_from              date,
    ADD COLUMN overdue_since             date,
    ADD COLUMN days_past_due             integer        NOT NULL DEFAULT 0
        CHECK (days_past_due >= 0),
    ADD CONSTRAINT loan_overdue_days_check CHECK ((overdue_since IS NULL) = (days_past_due = 0));

-- Room on each page for the daily accrual's new row versions, so they stay on their page (HOT)
-- and no index is touched: accrual changes no indexed column.
ALTER TABLE loan SET (fillfactor = 85);

-- The loans close of business has to look at for recovery and ageing: those overdue.
CREATE INDEX loan_overdue_idx ON loan (overdue_since) WHERE overdue_since IS NOT NULL;

-- One run per business date. A date is closed once: a completed run is never repeated.
CREATE TABLE cob_run (
    business_date date        PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('running', 'completed')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    CHECK ((status = 'completed') = (finished_at IS NOT NULL))
);

-- The steps of a run, in order, with what each did (a chunked step adds each chunk's figures in
-- the chunk's own transaction).
CREATE TABLE cob_step_run (
    business_date date           NOT NULL REFERENCES cob_run (business_date),
    position      integer        NOT NULL CHECK (position >= 0),
    step          text           NOT NULL CHECK (length(step) BETWEEN 1 AND 100),
    status        text           NOT NULL CHECK (status IN ('running', 'completed')),
    rows_affected bigint         NOT NULL DEFAULT 0 CHECK (rows_affected >= 0),
    amount        numeric(20, 2) NOT NULL DEFAULT 0,
    chunks        integer        NOT NULL DEFAULT 0,
    started_at    timestamptz    NOT NULL,
    finished_at   timestamptz,
    PRIMARY KEY (business_date, step),
    UNIQUE (business_date, position),
    CHECK ((status = 'completed') = (finished_at IS NOT NULL))
);

-- Where a chunked step got to in each partition of the loan ids (workers run the partitions in
-- parallel): written in each chunk's own transaction, so a stopped step resumes after the last
-- committed chunk of every partition.
CREATE TABLE cob_step_progress (
    business_date date    NOT NULL,
    step          text    NOT NULL,
    part          integer NOT NULL CHECK (part >= 0),
    last_loan_id  uuid    NOT NULL,
    PRIMARY KEY (business_date, step, part),
    FOREIGN KEY (business_date, step) REFERENCES cob_step_run (business_date, step)
);

-- The product fees of the arrears and default events charged to a loan: each at most once per
-- loan, whoever moved the loan into the status (close of business or the partner).
-- transaction_id is null when the fee came to 0.00 and nothing was charged.
CREATE TABLE loan_event_fee (
    loan_id        uuid        NOT NULL REFERENCES loan (id),
    event          text        NOT NULL CHECK (event IN ('arrears', 'default')),
    fee_name       text        NOT NULL,
    business_date  date        NOT NULL,
    transaction_id uuid        REFERENCES loan_transaction (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (loan_id, event, fee_name)
);

-- Existing disbursed loans accrue from their first disbursement.
UPDATE loan l SET accrues_from = d.first_day
  FROM (SELECT loan_id, min((created_at AT TIME ZONE 'UTC')::date) AS first_day
          FROM loan_transaction WHERE type = 'disbursement' AND status = 'applied'
         GROUP BY loan_id) d
 WHERE d.loan_id = l.id;

-- Half-to-even rounding (PostgreSQL's round() rounds halves away from zero), the one rounding rule
-- of computed money: percent event fees are rounded with it as the core rounds percent fees.
CREATE FUNCTION round_half_even(v numeric, places integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT AS
$$
SELECT CASE
           WHEN abs(v * power(10::numeric, places) - trunc(v * power(10::numeric, places))) = 0.5
               THEN (trunc(v * power(10::numeric, places))
                   + CASE WHEN mod(trunc(v * power(10::numeric, places)), 2) = 0 THEN 0
                          ELSE sign(v) END) / power(10::numeric, places)
           ELSE round(v, places)
       END
$$;
