-- service-messaging (issue 13 points 4 and 6): the command follow-up takes accepted commands by when they were last
-- asked about (so one that cannot be settled goes to the back), and the retention clean-up deletes inbox marks by age.
-- "if not exists": MessagingSchema adds the same where it ran first.
alter table device_command add column if not exists followed_up_at timestamptz;
create index if not exists device_command_follow_up on device_command (device_type, followed_up_at, received_at)
    where status = 'ACCEPTED';
create index if not exists processed_event_processed_at on processed_event (processed_at);
