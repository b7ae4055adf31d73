-- A report is a duplicate only when it is the same report, not because it shares its vehicle's second (issue 13): OEMs
-- date reports to the second, and a command carried out in the second of a plug change makes the car report twice
-- in it ("plugged in, not charging", then "unplugged"). The key takes the report's content (device-kit's
-- DeviceObservations.contentHash); rows written without one (those kept from before) keep '' and one per second.
alter table vehicle_observation add column content_hash text not null default '';
alter table vehicle_observation drop constraint vehicle_observation_pkey;
alter table vehicle_observation add primary key (vehicle_id, observed_at, content_hash);
