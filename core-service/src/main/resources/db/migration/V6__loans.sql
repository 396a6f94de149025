-- Loan accounts of the partner lending API, one per accepted application. The terms (amount,
-- rate, instalments, grace, arrears tolerance, currency) are copied from the application and its
-- product when the account is opened and never change. Status, balances and the closing are the
-- state LoanStateMachine moves; the checks here repeat its invariants as a guard against writers
-- that bypass it. Money is numeric(20, 2), rates numeric(7, 4), never floating point. Rows are
-- never deleted.
CREATE TABLE loan (
    id                           uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id                   bigint         NOT NULL REFERENCES partner (id),
    application_id               uuid           NOT NULL REFERENCES application (id),
    end_user_id                  uuid           NOT NULL REFERENCES end_user (id),
    product_id                   uuid           NOT NULL REFERENCES product (id),
    amount                       numeric(20, 2) NOT NULL CHECK (amount > 0),
    interest_rate                numeric(7, 4)  NOT NULL CHECK (interest_rate BETWEEN 0 AND 100),
    installments                 integer        CHECK (installments >= 1),
    grace_instalments            integer        CHECK (grace_instalments >= 0),
    principal_repayment_grace    integer        CHECK (principal_repayment_grace >= 0),
    arrears_tolerance            integer        CHECK (arrears_tolerance >= 0),
    currency                     text           NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status                       text           NOT NULL
        CHECK (status IN ('approved', 'active', 'late', 'in_arrears', 'default', 'paid_off',
                          'closed')),
    -- Outstanding balances, and the part of each that is due now (pending).
    principal                    numeric(20, 2) NOT NULL CHECK (principal >= 0),
    interest                     numeric(20, 2) NOT NULL CHECK (interest >= 0),
    fee                          numeric(20, 2) NOT NULL CHECK (fee >= 0),
    pending_principal            numeric(20, 2) NOT NULL
        CHECK (pending_principal BETWEEN 0 AND principal),
    pending_interest             numeric(20, 2) NOT NULL
        CHECK (pending_interest BETWEEN 0 AND interest),
    pending_fee                  numeric(20, 2) NOT NULL CHECK (pending_fee BETWEEN 0 AND fee),
    -- The transactions table does not exist yet; its migration adds the foreign key.
    last_transaction_id          uuid,
    close_reason                 text           CHECK (length(close_reason) BETWEEN 1 AND 1000),
    close_substatus              text           CHECK (close_substatus IN ('paid_in_full', 'written_off')),
    closed_at                    timestamptz,
    written_off_amount           numeric(20, 2) CHECK (written_off_amount >= 0),
    interest_calculation_enabled boolean        NOT NULL,
    business_days_in_period      integer        CHECK (business_days_in_period >= 0),
    custom_field                 text,
    created_at                   timestamptz    NOT NULL,
    updated_at                   timestamptz    NOT NULL,
    -- One loan account per application, even if two opens race past the application lock.
    CONSTRAINT loan_application_id_key UNIQUE (application_id),
    -- A closed loan has its reason, substatus and time, and accrues no interest; no other has any.
    CHECK ((status = 'closed') = (close_reason IS NOT NULL)),
    CHECK ((status = 'closed') = (close_substatus IS NOT NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK (status <> 'closed' OR NOT interest_calculation_enabled),
    -- The loss is recorded exactly for a write-off; paid in full means nothing was outstanding.
    CHECK ((close_substatus IS NOT DISTINCT FROM 'written_off') = (written_off_amount IS NOT NULL)),
    CHECK (close_substatus IS DISTINCT FROM 'paid_in_full' OR principal + interest + fee = 0),
    CHECK (written_off_amount IS NULL OR written_off_amount = principal + interest + fee)
);

-- The default list: one partner's loans newest first ("created_at DESC, id", the id breaking
-- ties); a forward scan of this index is that order, so the first pages need no sort.
CREATE INDEX loan_partner_created_idx ON loan (partner_id, created_at DESC, id);

-- The portfolio views by status (status=in_arrears, status__in=late,in_arrears). The default
-- order follows the status, so one status's first page is read in order from here, without a
-- sort; status__in reads each status's range and sorts only the matches.
CREATE INDEX loan_partner_status_idx ON loan (partner_id, status, created_at DESC, id);

-- A borrower's loans (end_user=...).
CREATE INDEX loan_partner_end_user_idx ON loan (partner_id, end_user_id);
