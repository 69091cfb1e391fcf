-- The table is append-only: a replayed event is already stored and changes nothing.
INSERT INTO audit_event (event_id, occurred_at, action, actor_token_id, actor_role, actor_label, client, request_id,
            submission_id, units, accepted, rejected, rejected_by_rule, detail)
VALUES (:eventId, :occurredAt, :action, :actorTokenId, :actorRole, :actorLabel, :client, :requestId,
        :submissionId, CAST(:units AS jsonb), :accepted, :rejected, CAST(:rejectedByRule AS jsonb), CAST(:detail AS jsonb))
ON CONFLICT (event_id) DO NOTHING
