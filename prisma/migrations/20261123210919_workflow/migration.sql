-- CreateEnum
CREATE TYPE "ShiftRole" AS ENUM ('PRIMARY', 'BACKUP');

-- CreateEnum
CREATE TYPE "Subspecialty" AS ENUM ('NEURO', 'MSK', 'PAEDIATRIC', 'CHEST', 'ABDOMINAL', 'VASCULAR');

-- CreateEnum
CREATE TYPE "HoldKind" AS ENUM ('CLAIMED', 'AUTO_ASSIGNED', 'TAKEN_OVER', 'HANDED_OVER');

-- CreateEnum
CREATE TYPE "PatientInformationPolicy" AS ENUM ('REQUIRED', 'NOT_REQUIRED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('NEW_REQUEST', 'VITAL_EMERGENCY', 'ASSIGNED_TO_ME', 'INFO_REQUESTED', 'INFO_PROVIDED', 'ESCALATED', 'TAKEN_OVER_FROM_ME', 'HANDED_OVER_TO_ME', 'THREAD_MESSAGE');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('PENDING', 'DONE', 'FAILED');

-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'INDICATION_MODIFIED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'ASSIGNED';
ALTER TYPE "EventType" ADD VALUE 'ASSIGNMENT_ACKNOWLEDGED';
ALTER TYPE "EventType" ADD VALUE 'TAKEN_OVER';
ALTER TYPE "EventType" ADD VALUE 'HANDED_OVER';
ALTER TYPE "EventType" ADD VALUE 'RETURNED_TO_POOL';
ALTER TYPE "EventType" ADD VALUE 'ESCALATED';
ALTER TYPE "EventType" ADD VALUE 'PATIENT_INFORMED';

-- DropIndex
DROP INDEX "ReadingRequest_holderId_idx";

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "autoAssign" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "groupId" UUID,
ADD COLUMN     "patientInformationPolicy" "PatientInformationPolicy" NOT NULL DEFAULT 'REQUIRED';

-- AlterTable
ALTER TABLE "ReadingRequest" ADD COLUMN     "assignmentExplanation" JSONB,
ADD COLUMN     "contrastInjection" BOOLEAN,
ADD COLUMN     "contrastOverrideReason" VARCHAR(2000),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "holdAcknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "holdKind" "HoldKind",
ADD COLUMN     "patientInformedAt" TIMESTAMP(3),
ADD COLUMN     "patientInformedById" UUID,
ADD COLUMN     "proposedExam" VARCHAR(500),
ADD COLUMN     "protocolItemId" UUID,
ADD COLUMN     "protocolText" VARCHAR(2000),
ADD COLUMN     "requiredSubspecialty" "Subspecialty";

-- CreateTable
CREATE TABLE "SiteGroup" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,

    CONSTRAINT "SiteGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolCatalogueItem" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "modality" "Modality" NOT NULL,
    "contrast" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ProtocolCatalogueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftSeries" (
    "id" UUID NOT NULL,
    "pattern" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShiftSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" UUID NOT NULL,
    "radiologistId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "role" "ShiftRole" NOT NULL,
    "subspecialties" "Subspecialty"[],
    "seriesId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Shift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftSite" (
    "shiftId" UUID NOT NULL,
    "siteId" UUID NOT NULL,

    CONSTRAINT "ShiftSite_pkey" PRIMARY KEY ("shiftId","siteId")
);

-- CreateTable
CREATE TABLE "PriorityTarget" (
    "priority" "Priority" NOT NULL,
    "escalateAfterS" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriorityTarget_pkey" PRIMARY KEY ("priority")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "requestId" UUID,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" VARCHAR(2000) NOT NULL,
    "quickAction" VARCHAR(32),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL,
    "dedupeKey" VARCHAR(200),
    "state" "JobState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastError" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SiteGroup_name_key" ON "SiteGroup"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolCatalogueItem_siteId_code_key" ON "ProtocolCatalogueItem"("siteId", "code");

-- CreateIndex
CREATE INDEX "Shift_startsAt_endsAt_idx" ON "Shift"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "Shift_radiologistId_startsAt_idx" ON "Shift"("radiologistId", "startsAt");

-- CreateIndex
CREATE INDEX "Shift_endsAt_idx" ON "Shift"("endsAt");

-- CreateIndex
CREATE INDEX "ShiftSite_siteId_idx" ON "ShiftSite"("siteId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "ThreadMessage_requestId_at_idx" ON "ThreadMessage"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_state_runAt_idx" ON "Job"("state", "runAt");

-- CreateIndex
CREATE INDEX "ReadingRequest_holderId_status_idx" ON "ReadingRequest"("holderId", "status");

-- CreateIndex
CREATE INDEX "ReadingRequest_escalationLevel_idx" ON "ReadingRequest"("escalationLevel");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SiteGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingRequest" ADD CONSTRAINT "ReadingRequest_protocolItemId_fkey" FOREIGN KEY ("protocolItemId") REFERENCES "ProtocolCatalogueItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingRequest" ADD CONSTRAINT "ReadingRequest_patientInformedById_fkey" FOREIGN KEY ("patientInformedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolCatalogueItem" ADD CONSTRAINT "ProtocolCatalogueItem_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_radiologistId_fkey" FOREIGN KEY ("radiologistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ShiftSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftSite" ADD CONSTRAINT "ShiftSite_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftSite" ADD CONSTRAINT "ShiftSite_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The request thread is part of the trace: never edited or deleted (written by hand).
CREATE TRIGGER "ThreadMessage_append_only"
  BEFORE UPDATE OR DELETE ON "ThreadMessage"
  FOR EACH ROW EXECUTE FUNCTION refuse_trace_rewrite();

CREATE TRIGGER "ThreadMessage_no_truncate"
  BEFORE TRUNCATE ON "ThreadMessage"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_rewrite();

-- Default escalation targets: vital 10 min, urgent 30 min, routine 12 h (editable by the head).
INSERT INTO "PriorityTarget" ("priority", "escalateAfterS", "updatedAt") VALUES
  ('VITAL', 600, now()), ('URGENT', 1800, now()), ('ROUTINE', 43200, now())
ON CONFLICT DO NOTHING;
