-- A stored detector's stamp (ADR 0020): a value no other stored state of any user ever had or will have, new at every
-- write. An instance keeps the detectors it stored last in memory under their stamp and version; under the row lock
-- it reads the snapshot only when the row's stamp or version is not the one it holds (another instance wrote since, the
-- user was erased and came back, or its own transaction rolled back). The version alone could repeat: it starts again
-- at 0 for a user erased and seen again.
create sequence user_detector_stamp;
alter table user_detector add column stamp bigint not null default nextval('user_detector_stamp');
