-- A contract's usage series (GetUsageSeries with contract_id) reads the usage billed to it in
-- window order.
CREATE INDEX usage_event_contract_start_idx ON usage_event (contract_id, window_start)
    WHERE contract_id IS NOT NULL;
