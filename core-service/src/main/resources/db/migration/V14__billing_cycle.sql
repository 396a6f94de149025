-- Weekly billing: invoice numbers, and the indexes usage billing and the billing cycle read.

-- Invoice numbers are "INV-<year of the issue date>-<this sequence, zero-padded to 6 digits>".
-- One sequence for every year, so numbers are unique and never reused even across year ends.
CREATE SEQUENCE invoice_number_seq AS bigint START WITH 1 INCREMENT BY 1 NO CYCLE;

-- A contract's drafts by week: the draft a batch of usage lands in, and the next draft late
-- usage of an issued week is carried to.
CREATE INDEX billing_period_contract_draft_idx
    ON billing_period (contract_id, week_start) WHERE status = 'draft';

-- Invoices not yet paid in full, by contract: overdue marking and the delinquency rule.
CREATE INDEX invoice_contract_open_idx
    ON invoice (contract_id, due_date) WHERE status IN ('issued', 'partially_paid', 'overdue');

-- The usage billed to a period.
CREATE INDEX usage_event_billing_period_idx ON usage_event (billing_period_id)
    WHERE billing_period_id IS NOT NULL;

-- Unbilled usage, oldest first for the operator list.
CREATE INDEX usage_event_unbilled_window_idx ON usage_event (window_start, id)
    WHERE billing_state = 'unbilled';
