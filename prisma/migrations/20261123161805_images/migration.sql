-- Accession numbers given at submission ("TR" + 8 digits). Created first: the column's default
-- calls it, which also numbers the requests that already exist.
CREATE SEQUENCE "accession_number_seq" START 1;

-- CreateEnum
CREATE TYPE "IngestChannel" AS ENUM ('UPLOAD', 'STOW', 'CSTORE', 'SEED');

-- CreateEnum
CREATE TYPE "DicomSenderKind" AS ENUM ('STOW_TOKEN', 'AE_TITLE');

-- CreateEnum
CREATE TYPE "StudyLinkMethod" AS ENUM ('ACCESSION', 'MANUAL');

-- CreateEnum
CREATE TYPE "StudyLinkState" AS ENUM ('LINKED', 'NEEDS_CONFIRMATION');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'STUDY_LINKED';
ALTER TYPE "EventType" ADD VALUE 'IMAGES_RECEIVED';
ALTER TYPE "EventType" ADD VALUE 'IMAGES_COMPLETE';
ALTER TYPE "EventType" ADD VALUE 'IMAGES_AFTER_SIGNING';

-- DropForeignKey
ALTER TABLE "RequestEvent" DROP CONSTRAINT "RequestEvent_actorId_fkey";

-- AlterTable
ALTER TABLE "ReadingRequest" ADD COLUMN     "accessionNumber" VARCHAR(16) NOT NULL DEFAULT ('TR'::text || lpad((nextval('accession_number_seq'::regclass))::text, 8, '0'::text)),
ADD COLUMN     "imagesAfterSigningAt" TIMESTAMP(3),
ADD COLUMN     "siteAccessionNumber" VARCHAR(16);

-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "actorLabel" VARCHAR(200),
ALTER COLUMN "actorId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "DicomSender" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "kind" "DicomSenderKind" NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "aeTitle" VARCHAR(16),
    "tokenHash" CHAR(64),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DicomSender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DicomPatient" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "patientId" VARCHAR(64) NOT NULL,
    "name" VARCHAR(324) NOT NULL,
    "birthDate" VARCHAR(8),
    "sex" VARCHAR(16),

    CONSTRAINT "DicomPatient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DicomStudy" (
    "id" UUID NOT NULL,
    "studyInstanceUid" VARCHAR(64) NOT NULL,
    "siteId" UUID NOT NULL,
    "patientRef" UUID NOT NULL,
    "studyDate" VARCHAR(8),
    "studyTime" VARCHAR(16),
    "accessionNumber" VARCHAR(16),
    "studyId" VARCHAR(16),
    "studyDescription" VARCHAR(64),
    "referringPhysicianName" VARCHAR(324),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastInstanceAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "imagesCompleteAt" TIMESTAMP(3),
    "requestId" UUID,
    "linkMethod" "StudyLinkMethod",
    "linkState" "StudyLinkState",
    "linkMismatch" JSONB,
    "linkReason" VARCHAR(2000),
    "linkedById" UUID,
    "linkedAt" TIMESTAMP(3),

    CONSTRAINT "DicomStudy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DicomSeries" (
    "id" UUID NOT NULL,
    "seriesInstanceUid" VARCHAR(64) NOT NULL,
    "studyRef" UUID NOT NULL,
    "modality" VARCHAR(16) NOT NULL,
    "seriesNumber" INTEGER,
    "seriesDescription" VARCHAR(64),
    "bodyPartExamined" VARCHAR(16),

    CONSTRAINT "DicomSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DicomInstance" (
    "id" UUID NOT NULL,
    "sopInstanceUid" VARCHAR(64) NOT NULL,
    "sopClassUid" VARCHAR(64) NOT NULL,
    "seriesRef" UUID NOT NULL,
    "instanceNumber" INTEGER,
    "transferSyntaxUid" VARCHAR(64) NOT NULL,
    "rows" INTEGER,
    "columns" INTEGER,
    "numberOfFrames" INTEGER NOT NULL DEFAULT 1,
    "contentSha256" CHAR(64) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "metadata" JSONB NOT NULL,
    "frames" JSONB NOT NULL,
    "channel" "IngestChannel" NOT NULL,
    "senderLabel" VARCHAR(200) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DicomInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DicomSender_aeTitle_key" ON "DicomSender"("aeTitle");

-- CreateIndex
CREATE UNIQUE INDEX "DicomSender_tokenHash_key" ON "DicomSender"("tokenHash");

-- CreateIndex
CREATE INDEX "DicomSender_siteId_idx" ON "DicomSender"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "DicomPatient_siteId_patientId_key" ON "DicomPatient"("siteId", "patientId");

-- CreateIndex
CREATE UNIQUE INDEX "DicomStudy_studyInstanceUid_key" ON "DicomStudy"("studyInstanceUid");

-- CreateIndex
CREATE INDEX "DicomStudy_siteId_accessionNumber_idx" ON "DicomStudy"("siteId", "accessionNumber");

-- CreateIndex
CREATE INDEX "DicomStudy_requestId_idx" ON "DicomStudy"("requestId");

-- CreateIndex
CREATE INDEX "DicomStudy_patientRef_idx" ON "DicomStudy"("patientRef");

-- CreateIndex
CREATE UNIQUE INDEX "DicomSeries_seriesInstanceUid_key" ON "DicomSeries"("seriesInstanceUid");

-- CreateIndex
CREATE INDEX "DicomSeries_studyRef_idx" ON "DicomSeries"("studyRef");

-- CreateIndex
CREATE UNIQUE INDEX "DicomInstance_sopInstanceUid_key" ON "DicomInstance"("sopInstanceUid");

-- CreateIndex
CREATE INDEX "DicomInstance_seriesRef_instanceNumber_idx" ON "DicomInstance"("seriesRef", "instanceNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ReadingRequest_accessionNumber_key" ON "ReadingRequest"("accessionNumber");

-- CreateIndex
CREATE INDEX "ReadingRequest_siteId_siteAccessionNumber_idx" ON "ReadingRequest"("siteId", "siteAccessionNumber");

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomSender" ADD CONSTRAINT "DicomSender_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomPatient" ADD CONSTRAINT "DicomPatient_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomStudy" ADD CONSTRAINT "DicomStudy_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomStudy" ADD CONSTRAINT "DicomStudy_patientRef_fkey" FOREIGN KEY ("patientRef") REFERENCES "DicomPatient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomStudy" ADD CONSTRAINT "DicomStudy_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomStudy" ADD CONSTRAINT "DicomStudy_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomSeries" ADD CONSTRAINT "DicomSeries_studyRef_fkey" FOREIGN KEY ("studyRef") REFERENCES "DicomStudy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomInstance" ADD CONSTRAINT "DicomInstance_seriesRef_fkey" FOREIGN KEY ("seriesRef") REFERENCES "DicomSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The sequence lives and dies with its column.
ALTER SEQUENCE "accession_number_seq" OWNED BY "ReadingRequest"."accessionNumber";
