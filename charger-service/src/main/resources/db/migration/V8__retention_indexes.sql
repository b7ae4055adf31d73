-- TableRetention deletes rows past their window in batches (issue 13 point 6); each batch finds its rows by these.
create index charger_observation_received on charger_observation (received_at);
create index webhook_delivery_received on webhook_delivery (received_at);
