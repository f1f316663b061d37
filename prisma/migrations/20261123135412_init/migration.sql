-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('HOSPITAL', 'HUB');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('REFERRER', 'RADIOGRAPHER', 'RADIOLOGIST', 'DEPARTMENT_HEAD', 'ADMIN');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('TELEDIAGNOSTIC', 'TELEEXPERTISE');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('VITAL', 'URGENT', 'ROUTINE');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'INFO_REQUESTED', 'INDICATION_ACCEPTED', 'INDICATION_REFUSED', 'PROTOCOL_SENT', 'IMAGES_ARRIVING', 'IMAGES_COMPLETE', 'IN_READING', 'SIGNED', 'DELIVERED', 'ACKNOWLEDGED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('CT', 'MR', 'CR', 'DX', 'US', 'XA', 'MG', 'NM', 'PT', 'OT');

-- CreateEnum
CREATE TYPE "RenalFunction" AS ENUM ('NORMAL', 'IMPAIRED', 'SEVERELY_IMPAIRED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "YesNoUnknown" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "PregnancyStatus" AS ENUM ('NOT_PREGNANT', 'PREGNANT', 'POSSIBLE', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('SUBMITTED', 'CLAIMED', 'RELEASED', 'STATUS_CHANGED');

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "SiteKind" NOT NULL DEFAULT 'HOSPITAL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "displayName" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "siteId" UUID,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadingPrivilege" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadingPrivilege_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReadingRequest" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "idempotencyKey" VARCHAR(64) NOT NULL,
    "payloadHash" CHAR(64) NOT NULL,
    "type" "RequestType" NOT NULL,
    "priority" "Priority" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "patientFamilyName" VARCHAR(100) NOT NULL,
    "patientGivenName" VARCHAR(100) NOT NULL,
    "patientBirthDate" DATE NOT NULL,
    "patientSex" "Sex" NOT NULL,
    "sitePatientId" VARCHAR(64) NOT NULL,
    "patientIns" VARCHAR(15),
    "modality" "Modality" NOT NULL,
    "bodyRegion" VARCHAR(100) NOT NULL,
    "clinicalContext" VARCHAR(4000) NOT NULL,
    "clinicalQuestion" VARCHAR(2000) NOT NULL,
    "expertQuestion" VARCHAR(2000),
    "renalFunction" "RenalFunction",
    "egfr" INTEGER,
    "contrastAllergy" "YesNoUnknown",
    "pregnancy" "PregnancyStatus",
    "metformin" "YesNoUnknown",
    "holderId" UUID,
    "claimedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReadingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus",
    "reason" VARCHAR(2000),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" VARCHAR(64) NOT NULL,
    "entityType" VARCHAR(64) NOT NULL,
    "entityId" VARCHAR(64),
    "siteId" UUID,
    "detail" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_code_key" ON "Site"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "ReadingPrivilege_siteId_idx" ON "ReadingPrivilege"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "ReadingPrivilege_userId_siteId_key" ON "ReadingPrivilege"("userId", "siteId");

-- CreateIndex
CREATE INDEX "ReadingRequest_siteId_status_idx" ON "ReadingRequest"("siteId", "status");

-- CreateIndex
CREATE INDEX "ReadingRequest_holderId_idx" ON "ReadingRequest"("holderId");

-- CreateIndex
CREATE INDEX "ReadingRequest_status_priority_submittedAt_idx" ON "ReadingRequest"("status", "priority", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReadingRequest_requesterId_idempotencyKey_key" ON "ReadingRequest"("requesterId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingPrivilege" ADD CONSTRAINT "ReadingPrivilege_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingPrivilege" ADD CONSTRAINT "ReadingPrivilege_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingRequest" ADD CONSTRAINT "ReadingRequest_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingRequest" ADD CONSTRAINT "ReadingRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadingRequest" ADD CONSTRAINT "ReadingRequest_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
