-- CreateEnum
CREATE TYPE "ReportDocumentFormat" AS ENUM ('ENCAPSULATED_PDF', 'BASIC_TEXT_SR');

-- CreateEnum
CREATE TYPE "PacsExportState" AS ENUM ('QUEUED', 'SENDING', 'STORED', 'FAILED');

-- AlterEnum
ALTER TYPE "RequestSource" ADD VALUE 'FHIR';

-- AlterTable
ALTER TABLE "Hl7Message" ADD COLUMN     "reportVersionId" UUID;

-- CreateTable
CREATE TABLE "ReportPacsDestination" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "aeTitle" VARCHAR(16) NOT NULL,
    "host" VARCHAR(253) NOT NULL,
    "port" INTEGER NOT NULL,
    "sendPdf" BOOLEAN NOT NULL DEFAULT true,
    "sendSr" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportPacsDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPacsExport" (
    "id" UUID NOT NULL,
    "reportVersionId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "destinationId" UUID NOT NULL,
    "format" "ReportDocumentFormat" NOT NULL,
    "studyInstanceUid" VARCHAR(64) NOT NULL,
    "seriesInstanceUid" VARCHAR(64) NOT NULL,
    "sopInstanceUid" VARCHAR(64) NOT NULL,
    "state" "PacsExportState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dimseStatus" VARCHAR(8),
    "errorText" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportPacsExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportPacsDestination_siteId_aeTitle_key" ON "ReportPacsDestination"("siteId", "aeTitle");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPacsExport_sopInstanceUid_key" ON "ReportPacsExport"("sopInstanceUid");

-- CreateIndex
CREATE INDEX "ReportPacsExport_requestId_idx" ON "ReportPacsExport"("requestId");

-- CreateIndex
CREATE INDEX "ReportPacsExport_state_idx" ON "ReportPacsExport"("state");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPacsExport_reportVersionId_destinationId_format_study_key" ON "ReportPacsExport"("reportVersionId", "destinationId", "format", "studyInstanceUid");

-- CreateIndex
CREATE INDEX "Hl7Message_reportVersionId_idx" ON "Hl7Message"("reportVersionId");

-- AddForeignKey
ALTER TABLE "Hl7Message" ADD CONSTRAINT "Hl7Message_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPacsDestination" ADD CONSTRAINT "ReportPacsDestination_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPacsExport" ADD CONSTRAINT "ReportPacsExport_reportVersionId_fkey" FOREIGN KEY ("reportVersionId") REFERENCES "ReportVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPacsExport" ADD CONSTRAINT "ReportPacsExport_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPacsExport" ADD CONSTRAINT "ReportPacsExport_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "ReportPacsDestination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
