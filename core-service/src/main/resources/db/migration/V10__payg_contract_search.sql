-- Search and ordering support for the pay-as-you-go contract list (GET /payg/lms/contracts).
-- `search` is a case-insensitive substring match (ILIKE '%term%'), which only trigram indexes
-- serve; pg_trgm ships with PostgreSQL (contrib) and a database owner may create it (PG 13+,
-- trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- search without searchby: one expression over every searchable field, joined by newlines so a
-- term cannot match across two fields. It must stay textually equal to
-- ContractRepository.LIST.searchAllExpression() (with the table alias) for the planner to use it.
CREATE INDEX contract_search_all_trgm_idx ON contract USING gin (
    ((loan_id) || E'\n' || (name) || E'\n' || (loaner) || E'\n' || (tractor_id)) gin_trgm_ops);

-- search with searchby=<field>.
CREATE INDEX contract_loan_id_trgm_idx ON contract USING gin (loan_id gin_trgm_ops);
CREATE INDEX contract_name_trgm_idx ON contract USING gin (name gin_trgm_ops);
CREATE INDEX contract_loaner_trgm_idx ON contract USING gin (loaner gin_trgm_ops);
CREATE INDEX contract_tractor_id_trgm_idx ON contract USING gin (tractor_id gin_trgm_ops);

-- A status across all entitled funding sources, newest first (status=DELINQUENT without
-- funding_source): the partner's sources are few, so the planner reads this per status.
CREATE INDEX contract_status_created_idx ON contract (status, created_at DESC, id DESC);
