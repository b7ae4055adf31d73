-- TableRetention deletes rows past their window in batches (issue 13 point 6); each batch finds its rows by these.
create index vehicle_observation_received on vehicle_observation (received_at);
create index webhook_delivery_received on webhook_delivery (received_at);
create index link_session_expiry on link_session (expires_at);
