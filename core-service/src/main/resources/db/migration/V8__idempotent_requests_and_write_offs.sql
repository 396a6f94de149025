-- Idempotency-Key for every mutating call of the partner lending API (docs/rest-api.md). One row
-- per partner and key: the call it was first used for (method and SHA-256 of the canonical
-- request) and the reply the call gave, kept as the serialized response message. The row is
-- inserted before the call runs and completed with the reply in the same database transaction as
-- the call's effect, so a committed row always has its reply and a rolled-back call leaves no row.
-- A second call with the same key waits on the row's unique index until the first commits (then
-- it is answered from the row) or rolls back (then it runs). Rows are kept indefinitely.
CREATE TABLE idempotent_request (
    partner_id          bigint      NOT NULL REFERENCES partner (id),
    idempotency_key     text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    -- The full gRPC method name, e.g. furrow.lending.v1.EndUserService/CreateEndUser.
    method              text        NOT NULL,
    request_fingerprint text        NOT NULL CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
    -- Null only inside the transaction that runs the call.
    response            bytea,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (partner_id, idempotency_key)
);

-- Write-offs need no schema change: a write-off posts a journal entry of its own with no
-- transaction (journal_entry.transaction_id is null, as V7 foresaw), debiting loss and crediting
-- the receivables; the loan keeps its balances as the record of the debt written off
-- (docs/loans.md).
