-- TableRetention deletes pair transitions past their window in batches (issue 13 point 6) and finds them by age.
create index pair_transition_recorded on pair_transition (recorded_at);
