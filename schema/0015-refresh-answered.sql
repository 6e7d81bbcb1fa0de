-- rapat schema, version 15: a REFRESH (an invitee asking for the
-- invitation again) is answered by the next 'invite send', which records
-- when.  Kept on the request rather than compared with when the invitation
-- was sent: an import and a send in the same second must not take the
-- request for answered before anything went out.
ALTER TABLE itip_request ADD COLUMN answered_at INTEGER;
CREATE INDEX itip_request_refresh_idx ON itip_request (attendee_id)
    WHERE method = 'refresh' AND answered_at IS NULL;
