-- CreateEnum
CREATE TYPE "TurnaroundSegment" AS ENUM ('SUBMITTED_TO_DECIDED', 'COMPLETE_TO_CLAIMED', 'CLAIMED_TO_SIGNED', 'COMPLETE_TO_SIGNED', 'SUBMITTED_TO_SIGNED', 'SIGNED_TO_ACKNOWLEDGED');

-- CreateTable
CREATE TABLE "RequestMilestones" (
    "requestId" UUID NOT NULL,
    "ordinal" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL,
    "siteId" UUID NOT NULL,
    "type" "RequestType" NOT NULL,
    "priority" "Priority" NOT NULL,
    "modality" "Modality" NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "indicationDecidedAt" TIMESTAMP(3),
    "indicationOutcome" "RequestStatus",
    "imagesCompleteAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "signedAt" TIMESTAMP(3),
    "radiologistId" UUID,
    "acknowledgedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "RequestMilestones_pkey" PRIMARY KEY ("requestId")
);

-- CreateTable
CREATE TABLE "TurnaroundTarget" (
    "priority" "Priority" NOT NULL,
    "segment" "TurnaroundSegment" NOT NULL,
    "targetS" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TurnaroundTarget_pkey" PRIMARY KEY ("priority","segment")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequestMilestones_ordinal_key" ON "RequestMilestones"("ordinal");

-- CreateIndex
CREATE INDEX "RequestMilestones_txid_idx" ON "RequestMilestones"("txid");

-- CreateIndex
CREATE INDEX "RequestMilestones_submittedAt_idx" ON "RequestMilestones"("submittedAt");

-- CreateIndex
CREATE INDEX "RequestMilestones_siteId_submittedAt_idx" ON "RequestMilestones"("siteId", "submittedAt");

-- AddForeignKey
ALTER TABLE "RequestMilestones" ADD CONSTRAINT "RequestMilestones_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The turnaround milestones of a request come from its timeline (written by hand from here).
-- A status reached for the first time sets its milestone; the trigger below applies each
-- event as it is inserted, request_milestones_rebuild() recomputes every row from the events.
-- Both apply the same rules: an integration test checks that they agree.

-- Holding acts that count as "taking charge" once images are complete.
CREATE OR REPLACE FUNCTION request_milestones_is_holding(t "EventType") RETURNS boolean AS $$
  SELECT t IN ('CLAIMED', 'ASSIGNMENT_ACKNOWLEDGED', 'TAKEN_OVER');
$$ LANGUAGE sql IMMUTABLE;

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
      "claimedAt" = CASE WHEN reached = 'IN_READING' THEN COALESCE(m."claimedAt", NEW."at") ELSE m."claimedAt" END,
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

CREATE TRIGGER "RequestEvent_milestones"
  AFTER INSERT ON "RequestEvent"
  FOR EACH ROW EXECUTE FUNCTION request_milestones_apply_event();

-- Recomputes rows from the timelines: every request's, or only the given ones (after a bulk
-- import with the trigger disabled, or to check the trigger). A row that exists keeps its
-- ordinal (the in-memory index's slot); new rows are numbered in submission order. Returns
-- the number of rows written.
CREATE OR REPLACE FUNCTION request_milestones_rebuild(only_requests uuid[] DEFAULT NULL) RETURNS bigint AS $$
DECLARE
  written bigint;
BEGIN
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
  INSERT INTO "RequestMilestones" ("requestId", "txid", "siteId", "type", "priority", "modality", "submittedAt",
    "indicationDecidedAt", "indicationOutcome", "imagesCompleteAt", "claimedAt", "signedAt", "radiologistId", "acknowledgedAt", "cancelledAt")
  SELECT b."id", pg_current_xact_id()::text::bigint, b."siteId", b."type", b."priority", b."modality", b.submitted_at,
         b.decided_at, b.outcome, b.images_complete_at,
         CASE WHEN b.images_complete_at IS NULL THEN NULL ELSE (
           SELECT min(x) FROM (
             SELECT min(h."at") AS x FROM "RequestEvent" h
              WHERE h."requestId" = b."id" AND request_milestones_is_holding(h."type") AND h."at" >= b.images_complete_at
             UNION ALL SELECT b.reading_at) claims) END,
         b.signed_at, b.signer, b.acknowledged_at, b.cancelled_at
    FROM base b ORDER BY b.submitted_at, b."id"
  ON CONFLICT ("requestId") DO UPDATE SET
    "txid" = EXCLUDED."txid", "siteId" = EXCLUDED."siteId", "type" = EXCLUDED."type", "priority" = EXCLUDED."priority",
    "modality" = EXCLUDED."modality", "submittedAt" = EXCLUDED."submittedAt", "indicationDecidedAt" = EXCLUDED."indicationDecidedAt",
    "indicationOutcome" = EXCLUDED."indicationOutcome", "imagesCompleteAt" = EXCLUDED."imagesCompleteAt", "claimedAt" = EXCLUDED."claimedAt",
    "signedAt" = EXCLUDED."signedAt", "radiologistId" = EXCLUDED."radiologistId", "acknowledgedAt" = EXCLUDED."acknowledgedAt",
    "cancelledAt" = EXCLUDED."cancelledAt";
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END;
$$ LANGUAGE plpgsql;

-- Targets by priority (../shared/DOMAIN.md: vital read within 15-30 min, urgent within 1 h,
-- routine within 24 h); the other segments are set to fit those. Heads may change them.
INSERT INTO "TurnaroundTarget" ("priority", "segment", "targetS", "updatedAt") VALUES
  ('VITAL', 'SUBMITTED_TO_DECIDED', 600, now()),
  ('VITAL', 'COMPLETE_TO_CLAIMED', 600, now()),
  ('VITAL', 'CLAIMED_TO_SIGNED', 1200, now()),
  ('VITAL', 'COMPLETE_TO_SIGNED', 1800, now()),
  ('VITAL', 'SUBMITTED_TO_SIGNED', 3600, now()),
  ('VITAL', 'SIGNED_TO_ACKNOWLEDGED', 900, now()),
  ('URGENT', 'SUBMITTED_TO_DECIDED', 1800, now()),
  ('URGENT', 'COMPLETE_TO_CLAIMED', 1200, now()),
  ('URGENT', 'CLAIMED_TO_SIGNED', 2400, now()),
  ('URGENT', 'COMPLETE_TO_SIGNED', 3600, now()),
  ('URGENT', 'SUBMITTED_TO_SIGNED', 10800, now()),
  ('URGENT', 'SIGNED_TO_ACKNOWLEDGED', 3600, now()),
  ('ROUTINE', 'SUBMITTED_TO_DECIDED', 14400, now()),
  ('ROUTINE', 'COMPLETE_TO_CLAIMED', 43200, now()),
  ('ROUTINE', 'CLAIMED_TO_SIGNED', 43200, now()),
  ('ROUTINE', 'COMPLETE_TO_SIGNED', 86400, now()),
  ('ROUTINE', 'SUBMITTED_TO_SIGNED', 172800, now()),
  ('ROUTINE', 'SIGNED_TO_ACKNOWLEDGED', 86400, now());

-- Requests submitted before this migration get their rows from their timelines.
SELECT request_milestones_rebuild();
