-- The detector's snapshot as text, not jsonb (issue 14). Nobody queries inside it: it is written whole and read whole
-- by the service's SnapshotJson. As jsonb, PostgreSQL parsed every write (the largest part of its CPU per record on the
-- live path, dev/benchmarks README) and printed it back on every read; as text it is stored as it comes.
-- Existing rows are converted in place (the jsonb's text, which SnapshotJson reads like its own output); the table is
-- rewritten once, under its lock. An instance of the previous release still works against it: it sends jsonb, which
-- PostgreSQL assigns to a text column, and reads the column cast as text.
-- Compression: lz4 where the server has it (PostgreSQL 14+, built --with-lz4: the usual distributions), about ten times
-- cheaper than pglz for about the same WAL; the default (pglz) where it has not (the embedded server of tests and
-- benchmarks). Only new values are compressed with it.
do $$
begin
    alter table user_detector
        alter column snapshot type text using snapshot::text,
        alter column snapshot set compression lz4;
exception when feature_not_supported then
    alter table user_detector alter column snapshot type text using snapshot::text;
end
$$;
