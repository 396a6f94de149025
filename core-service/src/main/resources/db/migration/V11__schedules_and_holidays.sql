-- Holiday calendars (one per country) and term loan repayment schedules.

-- A country's public holidays. Weekends are non-business days without being listed here.
CREATE TABLE holiday (
    country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    date    date NOT NULL,
    name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (country, date)
);

-- The instalments of a term loan's schedule, rewritten with the loan's transactions (in their
-- database transaction) and read by the schedule API and, later, by close of business.
CREATE TABLE loan_instalment (
    loan_id        uuid           NOT NULL REFERENCES loan (id),
    number         integer        NOT NULL CHECK (number >= 1),
    due_date       date           NOT NULL,
    principal      numeric(20, 2) NOT NULL CHECK (principal >= 0),
    interest       numeric(20, 2) NOT NULL CHECK (interest >= 0),
    fee            numeric(20, 2) NOT NULL CHECK (fee >= 0),
    paid_principal numeric(20, 2) NOT NULL CHECK (paid_principal BETWEEN 0 AND principal),
    paid_interest  numeric(20, 2) NOT NULL CHECK (paid_interest BETWEEN 0 AND interest),
    paid_fee       numeric(20, 2) NOT NULL CHECK (paid_fee BETWEEN 0 AND fee),
    status         text           NOT NULL
        CHECK (status IN ('pending', 'partially_paid', 'paid', 'overdue')),
    updated_at     timestamptz    NOT NULL,
    PRIMARY KEY (loan_id, number),
    -- paid exactly when nothing is left to pay
    CHECK ((status = 'paid') =
           (paid_principal = principal AND paid_interest = interest AND paid_fee = fee))
);

-- Close of business finds what fell due unpaid with one set-based statement over every loan:
--   UPDATE loan_instalment SET status = 'overdue'
--    WHERE status IN ('pending', 'partially_paid') AND due_date < :business_date
-- and the loans behind them (status = 'overdue') from this index alone.
CREATE INDEX loan_instalment_status_due_date_idx ON loan_instalment (status, due_date, loan_id);
