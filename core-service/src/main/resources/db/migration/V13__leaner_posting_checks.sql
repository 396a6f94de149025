-- Fewer checks per posting, the same guarantees (docs/benchmarks.md, "Repayments").
--
-- 1. A transaction and a journal entry name their loan and its partner. Two foreign keys (to
--    partner and to loan) become one to the pair (loan id, partner id): the loan exists, its
--    partner exists (the loan's own key), and the row's partner is the loan's partner, which
--    nothing checked before. The partner row is no longer key-share locked by every posting, so
--    concurrent postings of one partner stop sharing locks (multixacts) on it.
ALTER TABLE loan
    ADD CONSTRAINT loan_id_partner_id_key UNIQUE (id, partner_id);

ALTER TABLE loan_transaction
    DROP CONSTRAINT loan_transaction_partner_id_fkey,
    DROP CONSTRAINT loan_transaction_loan_id_fkey,
    ADD CONSTRAINT loan_transaction_loan_partner_fkey
        FOREIGN KEY (loan_id, partner_id) REFERENCES loan (id, partner_id);

ALTER TABLE journal_entry
    DROP CONSTRAINT journal_entry_partner_id_fkey,
    DROP CONSTRAINT journal_entry_loan_id_fkey,
    ADD CONSTRAINT journal_entry_loan_partner_fkey
        FOREIGN KEY (loan_id, partner_id) REFERENCES loan (id, partner_id);

-- 2. The balance of an entry is checked once per statement that writes lines, for every entry
--    the statement touches, instead of once per line at commit (which summed the entry's lines
--    again for each of them). Every statement that writes journal lines must leave each entry it
--    touches with at least two lines whose debits equal their credits; the core writes an entry
--    and all its lines in one statement.
DROP TRIGGER journal_line_balanced ON journal_line;
DROP FUNCTION journal_entry_balanced();

CREATE FUNCTION journal_entries_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    unbalanced uuid;
BEGIN
    SELECT e.entry_id INTO unbalanced
    FROM (SELECT DISTINCT entry_id FROM written_lines) e
    WHERE (SELECT count(*) < 2 OR sum(jl.debit) <> sum(jl.credit)
           FROM journal_line jl WHERE jl.entry_id = e.entry_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal entry % is not balanced', unbalanced
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER journal_lines_balanced
    AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS written_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_entries_balanced();
