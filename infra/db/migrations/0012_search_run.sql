-- Hand-written (no schema change): runs the search's statements in one round trip with the planner
-- settings the walk needs (docs/decisions/0007-search-in-one-round-trip.md). The SET clauses hold
-- for the call only, so no transaction is needed to scope them: the planner cannot know a level
-- stops after a few hits and would sort whole lists instead of merging the ordered index scans;
-- JIT never pays off here; parallel plans would break the order of the levels. Each statement's
-- rows come back as jsonb in the statement's order, tagged with the statement's position.
-- SECURITY INVOKER (the default): it runs what its caller could run itself.
CREATE FUNCTION "search_run"("statements" text[]) RETURNS TABLE ("part" int, "item" jsonb)
LANGUAGE plpgsql
SET enable_sort = off
SET enable_incremental_sort = off
SET jit = off
SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
  FOR i IN 1 .. coalesce(array_length("statements", 1), 0) LOOP
    RETURN QUERY EXECUTE format('SELECT %s, to_jsonb(q) FROM (%s) q', i, "statements"[i]);
  END LOOP;
END
$$;
