-- CreateEnum
CREATE TYPE "InsStatus" AS ENUM ('PROVISIONAL', 'RETRIEVED', 'VALIDATED', 'QUALIFIED');

-- CreateEnum
CREATE TYPE "RequestSource" AS ENUM ('FORM', 'HL7');

-- CreateEnum
CREATE TYPE "Hl7Direction" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "Hl7MessageState" AS ENUM ('ACCEPTED', 'ERROR', 'REJECTED', 'QUEUED', 'SENT', 'ACKNOWLEDGED', 'FAILED');

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'POST_EXAM_RECORDED';

-- AlterTable
ALTER TABLE "ReadingRequest" ADD COLUMN     "desiredDelay" VARCHAR(200),
ADD COLUMN     "doseReport" VARCHAR(1000),
ADD COLUMN     "examPerformedAt" TIMESTAMP(3),
ADD COLUMN     "orderingProvider" VARCHAR(250),
ADD COLUMN     "otherContraindications" VARCHAR(2000),
ADD COLUMN     "patientInsStatus" "InsStatus",
ADD COLUMN     "performedTechnique" VARCHAR(2000),
ADD COLUMN     "placerOrderNumber" VARCHAR(64),
ADD COLUMN     "postExamReceivedAt" TIMESTAMP(3),
ADD COLUMN     "priorResults" VARCHAR(4000),
ADD COLUMN     "requestedTechnique" VARCHAR(500),
ADD COLUMN     "risInterfaceId" UUID,
ADD COLUMN     "sitePatientIdIssuer" VARCHAR(64),
ADD COLUMN     "source" "RequestSource" NOT NULL DEFAULT 'FORM';

-- CreateTable
CREATE TABLE "RisInterface" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "sendingApplication" VARCHAR(227) NOT NULL,
    "sendingFacility" VARCHAR(227) NOT NULL,
    "allowedNetworks" VARCHAR(49)[] DEFAULT ARRAY[]::VARCHAR(49)[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "outboundHost" VARCHAR(253),
    "outboundPort" INTEGER,
    "receivingApplication" VARCHAR(227),
    "receivingFacility" VARCHAR(227),
    "serviceUserId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RisInterface_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hl7Message" (
    "id" BIGSERIAL NOT NULL,
    "direction" "Hl7Direction" NOT NULL,
    "risInterfaceId" UUID,
    "requestId" UUID,
    "messageType" VARCHAR(20) NOT NULL,
    "orderControl" VARCHAR(2),
    "controlId" VARCHAR(199) NOT NULL,
    "raw" TEXT NOT NULL,
    "state" "Hl7MessageState" NOT NULL,
    "ackCode" VARCHAR(2),
    "errorText" VARCHAR(2000),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "peerAddress" VARCHAR(64),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hl7Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DicomMoveDestination" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "aeTitle" VARCHAR(16) NOT NULL,
    "host" VARCHAR(253) NOT NULL,
    "port" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DicomMoveDestination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RisInterface_serviceUserId_key" ON "RisInterface"("serviceUserId");

-- CreateIndex
CREATE INDEX "RisInterface_siteId_idx" ON "RisInterface"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "RisInterface_sendingApplication_sendingFacility_key" ON "RisInterface"("sendingApplication", "sendingFacility");

-- CreateIndex
CREATE INDEX "Hl7Message_requestId_idx" ON "Hl7Message"("requestId");

-- CreateIndex
CREATE INDEX "Hl7Message_direction_state_idx" ON "Hl7Message"("direction", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Hl7Message_risInterfaceId_direction_controlId_key" ON "Hl7Message"("risInterfaceId", "direction", "controlId");

-- CreateIndex
CREATE UNIQUE INDEX "DicomMoveDestination_siteId_aeTitle_key" ON "DicomMoveDestination"("siteId", "aeTitle");

-- CreateIndex
CREATE UNIQUE INDEX "ReadingRequest_siteId_placerOrderNumber_key" ON "ReadingRequest"("siteId", "placerOrderNumber");

-- AddForeignKey
ALTER TABLE "ReadingRequest" ADD CONSTRAINT "ReadingRequest_risInterfaceId_fkey" FOREIGN KEY ("risInterfaceId") REFERENCES "RisInterface"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RisInterface" ADD CONSTRAINT "RisInterface_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RisInterface" ADD CONSTRAINT "RisInterface_serviceUserId_fkey" FOREIGN KEY ("serviceUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hl7Message" ADD CONSTRAINT "Hl7Message_risInterfaceId_fkey" FOREIGN KEY ("risInterfaceId") REFERENCES "RisInterface"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hl7Message" ADD CONSTRAINT "Hl7Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DicomMoveDestination" ADD CONSTRAINT "DicomMoveDestination_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
