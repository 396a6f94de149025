-- Usage monitoring (UsageQueryService.GetUsageSeries, ListStoppedTractors).

-- A report covers at most 24 hours (UsagePolicy.MAX_WINDOW). Stated here too, because the stopped
-- tractors query relies on it to find a tractor's latest window_end near its latest window_start.
ALTER TABLE usage_event
    ADD CONSTRAINT usage_event_window_at_most_a_day
    CHECK (window_end - window_start <= interval '24 hours');

-- One index serves both queries, so ingestion maintains one index more, not two:
--  * per-period sums of one tractor over a date range: a range scan on (tractor, window start)
--    that never visits the table, the summed columns being included;
--  * the latest window of a tractor: one backward step to its latest window_start, then the
--    (at most 24 hours of) reports starting within a day before it.
CREATE INDEX usage_event_tractor_start_idx ON usage_event (tractor_id, window_start)
    INCLUDE (window_end, hectares, engine_hours);
