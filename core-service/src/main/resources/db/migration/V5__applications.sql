-- Applications of the partner lending API: an end user applying for one published product of the
-- same partner. Rows are never deleted. ApplicationPolicy and ApplicationAction report every rule
-- first; the checks here only guard against writers that bypass them.
--
-- Contract with the loans module: it sets loan_id, in its own transaction that locks the row
-- (SELECT ... FOR UPDATE) and finds status = 'accepted' AND loan_id IS NULL. From then on the
-- application is immutable. There is no foreign key on loan_id, as the loan table comes later.
CREATE TABLE application (
    id                     uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id             bigint        NOT NULL REFERENCES partner (id),
    product_id             uuid          NOT NULL REFERENCES product (id),
    end_user_id            uuid          NOT NULL REFERENCES end_user (id),
    status                 text          NOT NULL
        CHECK (status IN ('incomplete', 'accepted', 'declined', 'withdrawn')),
    amount                 numeric(20, 2) NOT NULL CHECK (amount > 0),
    installments           integer       CHECK (installments >= 1),
    rate                   numeric(7, 4) NOT NULL CHECK (rate BETWEEN 0 AND 100),
    reason                 text,
    processing_finished_at timestamptz,
    custom_field           text,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    loan_id                uuid,
    -- A decision has both its reason and its time; an incomplete application has neither. A
    -- withdrawn one keeps the decision it had, if any.
    CHECK ((reason IS NULL) = (processing_finished_at IS NULL)),
    CHECK (status NOT IN ('accepted', 'declined') OR reason IS NOT NULL),
    CHECK (status <> 'incomplete' OR reason IS NULL)
);

-- The default list: one partner's applications newest first ("created_at DESC, id"); a forward
-- scan of this index is that order, so the first pages need neither a full scan nor a sort.
CREATE INDEX application_partner_created_idx ON application (partner_id, created_at DESC, id);

-- The usual work queues: status and status__in ("every accepted application without a loan").
CREATE INDEX application_partner_status_idx ON application (partner_id, status);

-- An end user's or a product's applications (end_user=..., product=...).
CREATE INDEX application_partner_end_user_idx ON application (partner_id, end_user_id);
CREATE INDEX application_partner_product_idx ON application (partner_id, product_id);
