-- A statement that finds part-way that it must not go on (say, a booking's write sees that a
-- credit grant changed since it was read) calls this to abort itself, and with it the whole
-- transaction, with SQLSTATE RA001 and a reason the app maps back to its own error
-- (src/db/statement-abort.ts). VOLATILE, so the planner never evaluates it ahead of time.
CREATE FUNCTION roster_abort(reason text) RETURNS boolean
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION '%', reason USING ERRCODE = 'RA001';
END;
$$;
