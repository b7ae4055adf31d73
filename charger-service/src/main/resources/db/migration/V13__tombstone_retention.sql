-- docs/adr/0011: TableRetention deletes an unlink tombstone some days after its account is gone, by unlinked_at.
create index unlinked_device_unlinked on unlinked_device (unlinked_at);
