-- CreateEnum
CREATE TYPE "InstanceContent" AS ENUM ('IMAGE', 'STRUCTURED_REPORT', 'ENCAPSULATED_DOCUMENT', 'WAVEFORM', 'OTHER');

-- DropIndex
DROP INDEX "DicomPatient_siteId_patientId_key";

-- AlterTable
ALTER TABLE "DicomPatient" ADD COLUMN     "groupKey" VARCHAR(200),
ADD COLUMN     "issuer" VARCHAR(64);
-- Existing rows were grouped by Patient ID alone (issuer unknown).
UPDATE "DicomPatient" SET "groupKey" = 'id::' || "patientId";
ALTER TABLE "DicomPatient" ALTER COLUMN "groupKey" SET NOT NULL;

-- AlterTable
ALTER TABLE "DicomStudy" ADD COLUMN     "issuerOfPatientId" VARCHAR(64),
ADD COLUMN     "patientBirthDate" VARCHAR(8),
ADD COLUMN     "patientId" VARCHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "patientName" VARCHAR(324) NOT NULL DEFAULT '',
ADD COLUMN     "patientSex" VARCHAR(16);
-- Studies stored before this migration keep the identity their patient row recorded.
UPDATE "DicomStudy" s SET "patientName" = p."name", "patientId" = p."patientId", "patientBirthDate" = p."birthDate", "patientSex" = p."sex"
FROM "DicomPatient" p WHERE p."id" = s."patientRef";

-- AlterTable
ALTER TABLE "DicomInstance" ADD COLUMN     "bulkData" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "content" "InstanceContent" NOT NULL DEFAULT 'IMAGE',
ADD COLUMN     "datasetSha256" CHAR(64);
-- Instances without frames were not images.
UPDATE "DicomInstance" SET "content" = 'OTHER' WHERE jsonb_array_length("frames") = 0;

-- CreateIndex
CREATE UNIQUE INDEX "DicomPatient_siteId_groupKey_key" ON "DicomPatient"("siteId", "groupKey");
