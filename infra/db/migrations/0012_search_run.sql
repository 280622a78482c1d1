-- Hand-written (no schema change): runs the search's statements in one round trip with the planner
-- settings the walk needs (docs/decisions/0007-search-in-one-round-trip.md). The SET clauses hold
-- for the call only, so no transaction is needed to scope them: the planner cannot know a level
-- stops after a few hits and would sort whole lists instead of merging the ordered index scans;
-- JIT never pays off here; parallel plans would break the order of the levels.
-- Each statement is prepared once per session under a name derived from its text and parameter
-- types, so a search shape's plan is cached as a driver's prepared statement would be (a level walk
-- of six names takes longer to plan than to run); it is only ever planned and run in here, under
-- these settings. The generic plan serves from the first run on (plan_cache_mode): left to choose,
-- the server keeps planning some walk statements afresh for every new set of names (custom plans),
-- while their plan follows from the statement's shape under the settings above (ordered index
-- scans of the named lists, merged), not from the names.
-- Each statement's rows come back as jsonb in its order, tagged with its position.
-- The arguments arrive as values (a jsonb array per statement) and are quoted here by the server, so
-- no value ever becomes SQL text unquoted. SECURITY INVOKER (the default): it runs what its caller
-- could run itself.
CREATE FUNCTION "search_run"("statements" text[], "parameter_types" text[], "arguments" jsonb)
RETURNS TABLE ("part" int, "item" jsonb)
LANGUAGE plpgsql
SET enable_sort = off
SET enable_incremental_sort = off
SET jit = off
SET max_parallel_workers_per_gather = 0
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  prepared text;
  quoted text;
BEGIN
  FOR i IN 1 .. coalesce(array_length("statements", 1), 0) LOOP
    prepared := 'search_' || md5("parameter_types"[i] || ' ' || "statements"[i]);
    IF NOT EXISTS (SELECT 1 FROM pg_prepared_statements p WHERE p.name = prepared) THEN
      EXECUTE format('PREPARE %I %s AS SELECT to_jsonb(q) FROM (%s) q', prepared, "parameter_types"[i], "statements"[i]);
    END IF;
    SELECT string_agg(quote_nullable(a.value), ', ' ORDER BY a.position) INTO quoted
      FROM jsonb_array_elements_text("arguments" -> (i - 1)) WITH ORDINALITY AS a(value, position);
    part := i;
    FOR item IN EXECUTE format('EXECUTE %I%s', prepared, CASE WHEN quoted IS NULL THEN '' ELSE '(' || quoted || ')' END) LOOP
      RETURN NEXT;
    END LOOP;
  END LOOP;
END
$$;
