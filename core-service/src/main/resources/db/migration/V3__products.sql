-- Credit products a partner configures for its loan accounts: drafts while published_at is null,
-- immutable once published. Choice columns hold the API codes; amounts are numeric(20, 2) and
-- percentages numeric(7, 4), never floating point.
CREATE TABLE product (
    id                             uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id                     bigint        NOT NULL REFERENCES partner (id),
    type                           text          NOT NULL
        CHECK (type IN ('revolving_credit', 'term_loan', 'pay_as_you_go')),
    name                           text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency                       text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    max_loan_amount                numeric(20, 2) CHECK (max_loan_amount > 0),
    default_loan_amount            numeric(20, 2) CHECK (default_loan_amount > 0),
    max_interest_rate              numeric(7, 4) CHECK (max_interest_rate BETWEEN 0 AND 100),
    default_interest_rate          numeric(7, 4) CHECK (default_interest_rate BETWEEN 0 AND 100),
    installments                   integer       CHECK (installments >= 1),
    default_grace_instalments      integer       CHECK (default_grace_instalments >= 0),
    principal_repayment_grace      integer       CHECK (principal_repayment_grace >= 0),
    arrears_tolerance              integer       CHECK (arrears_tolerance >= 0),
    interest_calculation           text
        CHECK (interest_calculation IN ('equal_principal', 'even_total')),
    early_repayment_recalculation  text
        CHECK (early_repayment_recalculation IN ('from_last_instalment', 'reduced_instalments')),
    repayment_holiday_scheduling   text
        CHECK (repayment_holiday_scheduling IN ('last_business_day_before_the_day',
                                                'first_business_day_after_the_day', 'on_day')),
    calculate_interest_on_holidays boolean       NOT NULL DEFAULT false,
    repayment_date_type            text
        CHECK (repayment_date_type IN ('day_of_month', 'last_day_of_month', 'first_day_of_month')),
    repayment_date_period          integer       CHECK (repayment_date_period BETWEEN 1 AND 31),
    custom_field                   text,
    statement_day                  integer       CHECK (statement_day BETWEEN 1 AND 28),
    repayment_due_day              integer       CHECK (repayment_due_day BETWEEN 1 AND 28),
    minimum_payment_percent        numeric(7, 4)
        CHECK (minimum_payment_percent > 0 AND minimum_payment_percent <= 100),
    minimum_payment_amount         numeric(20, 2) CHECK (minimum_payment_amount > 0),
    repayment_per_hectare          numeric(20, 2) CHECK (repayment_per_hectare > 0),
    billing_due_days               integer       CHECK (billing_due_days BETWEEN 0 AND 90),
    published_at                   timestamptz,
    created_at                     timestamptz   NOT NULL,
    updated_at                     timestamptz   NOT NULL,
    CHECK (default_loan_amount <= max_loan_amount),
    CHECK (default_interest_rate <= max_interest_rate),
    CHECK (default_grace_instalments < installments),
    CHECK (principal_repayment_grace < installments),
    CHECK ((repayment_date_type IS NOT DISTINCT FROM 'day_of_month') = (repayment_date_period IS NOT NULL)),
    CHECK (type = 'term_loan' OR (installments IS NULL AND default_grace_instalments IS NULL
        AND principal_repayment_grace IS NULL AND interest_calculation IS NULL
        AND early_repayment_recalculation IS NULL)),
    CHECK (type = 'revolving_credit' OR (statement_day IS NULL AND repayment_due_day IS NULL
        AND minimum_payment_percent IS NULL AND minimum_payment_amount IS NULL)),
    CHECK (type = 'pay_as_you_go' OR (repayment_per_hectare IS NULL AND billing_due_days IS NULL))
);

-- The list reads one partner's products newest first ("created_at DESC, id", the id breaking ties,
-- as the other lists of the lending API do); a forward scan of this index is that order.
CREATE INDEX product_partner_created_idx ON product (partner_id, created_at DESC, id);

-- Default fees in the order the partner gave them. Amounts are stored as numbers (never summed
-- here); a flat fee is money with 2 decimal places, a percent fee 0 < amount <= 100.
CREATE TABLE product_fee (
    product_id uuid          NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    position   integer       NOT NULL CHECK (position >= 0),
    name       text          NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    type       text          NOT NULL CHECK (type IN ('flat', 'percent')),
    amount     numeric(22, 4) NOT NULL CHECK (amount > 0 AND (type = 'flat' OR amount <= 100)),
    event      text          NOT NULL CHECK (event IN ('disbursement', 'arrears', 'default', 'manual')),
    PRIMARY KEY (product_id, position),
    UNIQUE (product_id, name)
);
