-- Usage monitoring (UsageQueryService.GetUsageSeries, ListStoppedTractors).
-- Per-period sums of one tractor over a date range: a range scan on (tractor, window start) that
-- never visits the table, as the summed columns are included in the index.
CREATE INDEX usage_event_tractor_start_idx ON usage_event (tractor_id, window_start)
    INCLUDE (window_end, hectares, engine_hours);

-- The latest window of each tractor (stopped tractors, last report time): one backward index step.
CREATE INDEX usage_event_tractor_end_idx ON usage_event (tractor_id, window_end);
