-- Two corrections to the turnaround milestones (written by hand; no schema change).
--
-- 1. A claim can commit before the images' completion it raced with while carrying a later
--    time (completion takes its time at the start of its transaction, then waits for the row
--    lock the claim holds). The trigger then saw no completion yet and dropped the claim, where
--    the rebuild counts it. On reaching IMAGES_COMPLETE, the trigger now also takes the first
--    holding act already recorded at or after that time.
-- 2. The rebuild used INSERT ... ON CONFLICT, which draws an ordinal for every existing row and
--    leaves the sequence with a gap as large as the table (the in-memory index scans gaps). It
--    now updates the existing rows and inserts only the missing ones.

CREATE OR REPLACE FUNCTION request_milestones_apply_event() RETURNS trigger AS $$
DECLARE
  reached "RequestStatus" := CASE WHEN NEW."fromStatus" IS DISTINCT FROM NEW."toStatus" THEN NEW."toStatus" END;
BEGIN
  IF NEW."type" = 'SUBMITTED' THEN
    INSERT INTO "RequestMilestones" ("requestId", "txid", "siteId", "type", "priority", "modality", "submittedAt", "imagesCompleteAt")
    SELECT r."id", pg_current_xact_id()::text::bigint, r."siteId", r."type", r."priority", r."modality", NEW."at",
           CASE WHEN r."type" = 'TELEEXPERTISE' THEN NEW."at" END
      FROM "ReadingRequest" r WHERE r."id" = NEW."requestId"
    ON CONFLICT ("requestId") DO NOTHING;
  ELSIF reached IS NOT NULL THEN
    UPDATE "RequestMilestones" m SET
      "txid" = pg_current_xact_id()::text::bigint,
      "indicationDecidedAt" = CASE WHEN reached IN ('INDICATION_ACCEPTED', 'INDICATION_MODIFIED', 'INDICATION_REFUSED') THEN COALESCE(m."indicationDecidedAt", NEW."at") ELSE m."indicationDecidedAt" END,
      "indicationOutcome" = CASE WHEN reached IN ('INDICATION_ACCEPTED', 'INDICATION_MODIFIED', 'INDICATION_REFUSED') AND m."indicationDecidedAt" IS NULL THEN reached ELSE m."indicationOutcome" END,
      "imagesCompleteAt" = CASE WHEN reached = 'IMAGES_COMPLETE' THEN COALESCE(m."imagesCompleteAt", NEW."at") ELSE m."imagesCompleteAt" END,
      "claimedAt" = CASE
        WHEN m."claimedAt" IS NOT NULL THEN m."claimedAt"
        WHEN reached = 'IN_READING' THEN NEW."at"
        WHEN reached = 'IMAGES_COMPLETE' AND m."imagesCompleteAt" IS NULL THEN (
          SELECT min(h."at") FROM "RequestEvent" h
           WHERE h."requestId" = NEW."requestId" AND request_milestones_is_holding(h."type") AND h."at" >= NEW."at")
        ELSE NULL END,
      "signedAt" = CASE WHEN reached = 'SIGNED' THEN COALESCE(m."signedAt", NEW."at") ELSE m."signedAt" END,
      "radiologistId" = CASE WHEN reached = 'SIGNED' AND m."signedAt" IS NULL THEN NEW."actorId" ELSE m."radiologistId" END,
      "acknowledgedAt" = CASE WHEN reached = 'ACKNOWLEDGED' THEN COALESCE(m."acknowledgedAt", NEW."at") ELSE m."acknowledgedAt" END,
      "cancelledAt" = CASE WHEN reached = 'CANCELLED' THEN COALESCE(m."cancelledAt", NEW."at") ELSE m."cancelledAt" END
    WHERE m."requestId" = NEW."requestId";
  ELSIF request_milestones_is_holding(NEW."type") THEN
    UPDATE "RequestMilestones" m SET "txid" = pg_current_xact_id()::text::bigint, "claimedAt" = NEW."at"
    WHERE m."requestId" = NEW."requestId" AND m."claimedAt" IS NULL
      AND m."imagesCompleteAt" IS NOT NULL AND NEW."at" >= m."imagesCompleteAt";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The milestones of the given requests (all when null), computed from their events.
CREATE OR REPLACE FUNCTION request_milestones_compute(only_requests uuid[] DEFAULT NULL)
RETURNS TABLE (
  request_id uuid, site_id uuid, request_type "RequestType", request_priority "Priority", request_modality "Modality",
  submitted_at timestamp(3), decided_at timestamp(3), outcome "RequestStatus", images_complete_at timestamp(3),
  claimed_at timestamp(3), signed_at timestamp(3), signer uuid, acknowledged_at timestamp(3), cancelled_at timestamp(3)
) AS $$
  WITH reached AS (
    SELECT e."requestId", e."toStatus" AS status, e."at", e."actorId", e."id"
      FROM "RequestEvent" e
     WHERE e."fromStatus" IS DISTINCT FROM e."toStatus" AND e."type" <> 'SUBMITTED'
       AND (only_requests IS NULL OR e."requestId" = ANY (only_requests))
  ), firsts AS (
    SELECT "requestId",
      (array_agg("at" ORDER BY "at", "id") FILTER (WHERE status IN ('INDICATION_ACCEPTED', 'INDICATION_MODIFIED', 'INDICATION_REFUSED')))[1] AS decided_at,
      (array_agg(status ORDER BY "at", "id") FILTER (WHERE status IN ('INDICATION_ACCEPTED', 'INDICATION_MODIFIED', 'INDICATION_REFUSED')))[1] AS outcome,
      min("at") FILTER (WHERE status = 'IMAGES_COMPLETE') AS complete_at,
      min("at") FILTER (WHERE status = 'IN_READING') AS reading_at,
      (array_agg("at" ORDER BY "at", "id") FILTER (WHERE status = 'SIGNED'))[1] AS signed_at,
      (array_agg("actorId" ORDER BY "at", "id") FILTER (WHERE status = 'SIGNED'))[1] AS signer,
      min("at") FILTER (WHERE status = 'ACKNOWLEDGED') AS acknowledged_at,
      min("at") FILTER (WHERE status = 'CANCELLED') AS cancelled_at
    FROM reached GROUP BY "requestId"
  ), base AS (
    SELECT r."id", r."siteId", r."type", r."priority", r."modality", s."at" AS submitted_at, f.*,
           CASE WHEN r."type" = 'TELEEXPERTISE' THEN s."at" ELSE f.complete_at END AS images_complete_at
      FROM "ReadingRequest" r
      JOIN LATERAL (SELECT min(e."at") AS "at" FROM "RequestEvent" e WHERE e."requestId" = r."id" AND e."type" = 'SUBMITTED') s ON s."at" IS NOT NULL
      LEFT JOIN firsts f ON f."requestId" = r."id"
     WHERE only_requests IS NULL OR r."id" = ANY (only_requests)
  )
  SELECT b."id", b."siteId", b."type", b."priority", b."modality", b.submitted_at, b.decided_at, b.outcome, b.images_complete_at,
         CASE WHEN b.images_complete_at IS NULL THEN NULL ELSE (
           SELECT min(x) FROM (
             SELECT min(h."at") AS x FROM "RequestEvent" h
              WHERE h."requestId" = b."id" AND request_milestones_is_holding(h."type") AND h."at" >= b.images_complete_at
             UNION ALL SELECT b.reading_at) claims) END,
         b.signed_at, b.signer, b.acknowledged_at, b.cancelled_at
    FROM base b;
$$ LANGUAGE sql STABLE;

DROP FUNCTION IF EXISTS request_milestones_rebuild(uuid[]);

-- Recomputes rows from the timelines: every request's, or only the given ones (after a bulk
-- import with the trigger disabled, or to check the trigger). Existing rows keep their ordinal
-- (the in-memory index's slot); new rows are numbered in submission order. Returns the number
-- of rows written.
CREATE FUNCTION request_milestones_rebuild(only_requests uuid[] DEFAULT NULL) RETURNS bigint AS $$
DECLARE
  updated bigint;
  inserted bigint;
BEGIN
  DROP TABLE IF EXISTS pg_temp.milestones_computed;
  CREATE TEMP TABLE milestones_computed ON COMMIT DROP AS SELECT * FROM request_milestones_compute(only_requests);
  UPDATE "RequestMilestones" m SET
    "txid" = pg_current_xact_id()::text::bigint, "siteId" = c.site_id, "type" = c.request_type, "priority" = c.request_priority,
    "modality" = c.request_modality, "submittedAt" = c.submitted_at, "indicationDecidedAt" = c.decided_at, "indicationOutcome" = c.outcome,
    "imagesCompleteAt" = c.images_complete_at, "claimedAt" = c.claimed_at, "signedAt" = c.signed_at, "radiologistId" = c.signer,
    "acknowledgedAt" = c.acknowledged_at, "cancelledAt" = c.cancelled_at
    FROM milestones_computed c WHERE m."requestId" = c.request_id;
  GET DIAGNOSTICS updated = ROW_COUNT;
  INSERT INTO "RequestMilestones" ("requestId", "txid", "siteId", "type", "priority", "modality", "submittedAt",
    "indicationDecidedAt", "indicationOutcome", "imagesCompleteAt", "claimedAt", "signedAt", "radiologistId", "acknowledgedAt", "cancelledAt")
  SELECT c.request_id, pg_current_xact_id()::text::bigint, c.site_id, c.request_type, c.request_priority, c.request_modality, c.submitted_at,
         c.decided_at, c.outcome, c.images_complete_at, c.claimed_at, c.signed_at, c.signer, c.acknowledged_at, c.cancelled_at
    FROM milestones_computed c
   WHERE NOT EXISTS (SELECT 1 FROM "RequestMilestones" m WHERE m."requestId" = c.request_id)
   ORDER BY c.submitted_at, c.request_id;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  DROP TABLE milestones_computed;
  RETURN updated + inserted;
END;
$$ LANGUAGE plpgsql;
