-- Erasing a user (DELETE /users/{userId} → UserDeleted) deletes their pair history by (client_id, user_id): without
-- this index that is a scan of every client's history (issue 13).
create index pair_transition_user on pair_transition (client_id, user_id);
