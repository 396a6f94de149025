-- Close of business posts one journal entry per loan and date without a transaction (interest
-- accrual). The uniqueness of journal_entry.transaction_id only concerns entries that have one;
-- a partial unique index keeps that rule and leaves the accrual entries (a million a day on a
-- large book) out of the index.
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_transaction_id_key;
CREATE UNIQUE INDEX journal_entry_transaction_id_key ON journal_entry (transaction_id)
    WHERE transaction_id IS NOT NULL;
