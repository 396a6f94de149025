-- The journal's integrity checks, once per statement instead of once per row (docs/benchmarks.md,
-- "Close of business"): close of business writes a million accrual entries and two million lines a
-- day, and the per-row foreign-key checks (an SPI query per row) were a third of the accrual's time.
-- The guarantees stay the same:
--
-- 1. Every line's entry exists. The foreign key journal_line -> journal_entry becomes part of the
--    statement check of the lines. Entries are never deleted or changed (journal_entry_append_only),
--    so the foreign key's other half (refusing to delete a referenced entry) has nothing to guard.
-- 2. Every entry's (loan, partner) is a loan's. The foreign key journal_entry -> loan becomes a
--    statement check of the entries that key-share locks the loans as the foreign key did, and a
--    trigger on loan refuses to delete a loan, or change its id or partner, while entries name it.
-- 3. Every entry balances. Each statement that writes lines must write, for every entry it touches,
--    at least two lines whose debits equal their credits. Since every earlier statement left each
--    entry balanced, that is the same rule as "the entry's lines balance after the statement", and
--    it is checked on the statement's own lines (one aggregate) instead of re-reading each entry's
--    lines from the table. A single line added to a balanced entry is refused as before.
--
-- The checks read the table with nested loops on its keys (the function's settings): a hash join
-- would scan the whole journal, which grows by millions of rows a day.

ALTER TABLE journal_line DROP CONSTRAINT journal_line_entry_id_fkey;
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_loan_partner_fkey;

CREATE OR REPLACE FUNCTION journal_entries_balanced() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_hashjoin = off
    SET enable_mergejoin = off AS
$$
DECLARE
    unbalanced uuid;
    orphan     uuid;
BEGIN
    SELECT w.entry_id INTO unbalanced
    FROM written_lines w
    GROUP BY w.entry_id
    HAVING count(*) < 2 OR sum(w.debit) <> sum(w.credit)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal entry % is not balanced', unbalanced
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT w.entry_id INTO orphan
    FROM (SELECT DISTINCT entry_id FROM written_lines) w
    WHERE NOT EXISTS (SELECT 1 FROM journal_entry je WHERE je.id = w.entry_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal line of entry % names no journal entry', orphan
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION journal_entries_of_loans() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_hashjoin = off
    SET enable_mergejoin = off AS
$$
DECLARE
    written bigint;
    found   bigint;
BEGIN
    SELECT count(*) INTO written FROM written_entries;
    -- Locked as the foreign key locked them: nobody deletes the loan or changes its key until
    -- this transaction ends.
    SELECT count(*) INTO found
    FROM (SELECT 1 FROM written_entries e
          JOIN loan l ON l.id = e.loan_id AND l.partner_id = e.partner_id
          FOR KEY SHARE OF l) k;
    IF found <> written THEN
        RAISE EXCEPTION 'journal entry names no loan of its partner'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER journal_entries_of_loans
    AFTER INSERT ON journal_entry
    REFERENCING NEW TABLE AS written_entries
    FOR EACH STATEMENT EXECUTE FUNCTION journal_entries_of_loans();

CREATE FUNCTION loan_keeps_its_journal() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF (TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.partner_id <> OLD.partner_id)
        AND EXISTS (SELECT 1 FROM journal_entry WHERE loan_id = OLD.id) THEN
        RAISE EXCEPTION 'loan % has journal entries', OLD.id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER loan_keeps_its_journal
    BEFORE DELETE OR UPDATE OF id, partner_id ON loan
    FOR EACH ROW EXECUTE FUNCTION loan_keeps_its_journal();
