-- Payments: matching a report by the payer's name among a funding source's open contracts
-- (trimmed, ignoring case, as the matcher compares), and a partner's own payments by status (its
-- unmatched reports in GET /payg/lms/payments).
CREATE INDEX contract_open_loaner_idx
    ON contract (funding_source, lower(btrim(loaner)))
    WHERE status <> 'CLOSED';

CREATE INDEX payment_partner_status_idx ON payment (partner_id, status, completed_at DESC);
