-- CreateEnum
CREATE TYPE "TemplatePurpose" AS ENUM ('REPORT', 'OPINION');

-- CreateEnum
CREATE TYPE "ReportVersionKind" AS ENUM ('ORIGINAL', 'ADDENDUM');

-- CreateEnum
CREATE TYPE "CriticalCategory" AS ENUM ('MINUTES', 'HOURS', 'DAYS');

-- CreateEnum
CREATE TYPE "CommunicationChannel" AS ENUM ('PHONE', 'IN_APP');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'ADDENDUM_SIGNED';
ALTER TYPE "EventType" ADD VALUE 'REPORT_OPENED';
ALTER TYPE "EventType" ADD VALUE 'ADDENDUM_ACKNOWLEDGED';
ALTER TYPE "EventType" ADD VALUE 'CRITICAL_FINDING_FLAGGED';
ALTER TYPE "EventType" ADD VALUE 'CRITICAL_FINDING_COMMUNICATED';
ALTER TYPE "EventType" ADD VALUE 'CRITICAL_FINDING_ACKNOWLEDGED';
ALTER TYPE "EventType" ADD VALUE 'CRITICAL_FINDING_ESCALATED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_DELIVERED';
ALTER TYPE "NotificationKind" ADD VALUE 'ADDENDUM_DELIVERED';
ALTER TYPE "NotificationKind" ADD VALUE 'CRITICAL_FINDING';
ALTER TYPE "NotificationKind" ADD VALUE 'CRITICAL_FINDING_ACKNOWLEDGED';
ALTER TYPE "NotificationKind" ADD VALUE 'CRITICAL_FINDING_ESCALATED';

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "criticalAckMinutes" INTEGER NOT NULL DEFAULT 15;

-- AlterTable
ALTER TABLE "ReadingRequest" ADD COLUMN     "readingStartedAt" TIMESTAMP(3),
ADD COLUMN     "reportFirstOpenedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ReportTemplate" (
    "id" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "purpose" "TemplatePurpose" NOT NULL,
    "modality" "Modality",
    "definition" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "ReportVersionKind" NOT NULL,
    "templateId" UUID NOT NULL,
    "values" JSONB NOT NULL,
    "draftVersion" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "narrative" TEXT,
    "conclusion" TEXT,
    "signedById" UUID,
    "signerName" VARCHAR(200),
    "signedAt" TIMESTAMP(3),
    "fingerprint" CHAR(64),
    "previousFingerprint" CHAR(64),

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDelivery" (
    "id" UUID NOT NULL,
    "reportVersionId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "deliveredAt" TIMESTAMP(3) NOT NULL,
    "firstOpenedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,

    CONSTRAINT "ReportDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriticalFinding" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "category" "CriticalCategory" NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "flaggedById" UUID NOT NULL,
    "flaggedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgeBy" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,
    "acknowledgedByName" VARCHAR(200),
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "CriticalFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriticalCommunication" (
    "id" UUID NOT NULL,
    "findingId" UUID NOT NULL,
    "recipientName" VARCHAR(200) NOT NULL,
    "recipientId" UUID,
    "channel" "CommunicationChannel" NOT NULL,
    "communicatedAt" TIMESTAMP(3) NOT NULL,
    "acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriticalCommunication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportTemplate_code_version_key" ON "ReportTemplate"("code", "version");

-- CreateIndex
CREATE INDEX "ReportVersion_signedAt_idx" ON "ReportVersion"("signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_requestId_sequence_key" ON "ReportVersion"("requestId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDelivery_reportVersionId_key" ON "ReportDelivery"("reportVersionId");

-- CreateIndex
CREATE INDEX "ReportDelivery_requestId_idx" ON "ReportDelivery"("requestId");

-- CreateIndex
CREATE INDEX "ReportDelivery_recipientId_acknowledgedAt_idx" ON "ReportDelivery"("recipientId", "acknowledgedAt");

-- CreateIndex
CREATE INDEX "CriticalFinding_requestId_idx" ON "CriticalFinding"("requestId");

-- CreateIndex
CREATE INDEX "CriticalCommunication_findingId_idx" ON "CriticalCommunication"("findingId");

-- AddForeignKey
ALTER TABLE "ReportTemplate" ADD CONSTRAINT "ReportTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ReportTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDelivery" ADD CONSTRAINT "ReportDelivery_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDelivery" ADD CONSTRAINT "ReportDelivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDelivery" ADD CONSTRAINT "ReportDelivery_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDelivery" ADD CONSTRAINT "ReportDelivery_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalFinding" ADD CONSTRAINT "CriticalFinding_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalFinding" ADD CONSTRAINT "CriticalFinding_flaggedById_fkey" FOREIGN KEY ("flaggedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalFinding" ADD CONSTRAINT "CriticalFinding_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalCommunication" ADD CONSTRAINT "CriticalCommunication_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "CriticalFinding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalCommunication" ADD CONSTRAINT "CriticalCommunication_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriticalCommunication" ADD CONSTRAINT "CriticalCommunication_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A signed report version is final: corrections are addenda (written by hand). A draft
-- (signedAt null) may be saved and signed; once signed, no UPDATE or DELETE goes through.
CREATE OR REPLACE FUNCTION refuse_signed_report_change() RETURNS trigger AS $$
BEGIN
  IF OLD."signedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'signed report version % is immutable', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ReportVersion_signed_is_final"
  BEFORE UPDATE OR DELETE ON "ReportVersion"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_report_change();

CREATE TRIGGER "ReportVersion_no_truncate"
  BEFORE TRUNCATE ON "ReportVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_rewrite();

-- The communication of a critical finding is part of the trace, like the events.
CREATE TRIGGER "CriticalCommunication_append_only"
  BEFORE UPDATE OR DELETE ON "CriticalCommunication"
  FOR EACH ROW EXECUTE FUNCTION refuse_trace_rewrite();

CREATE TRIGGER "CriticalCommunication_no_truncate"
  BEFORE TRUNCATE ON "CriticalCommunication"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_rewrite();
