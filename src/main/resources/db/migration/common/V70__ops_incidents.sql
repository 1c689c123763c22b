-- Open alert incidents. The row is the de-duplication: the instance whose INSERT wins owns the incident, so several
-- instances notify once; notified_at stays NULL while the rate limit holds the notification back. A resolved
-- incident's row is deleted, so the same condition coming back is a new incident.
CREATE TABLE ops_incidents (
    incident_key  TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    opened_at     BIGINT NOT NULL,
    notified_at   BIGINT
);
