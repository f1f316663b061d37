-- CreateTable
CREATE TABLE "ReportMeasurement" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "readerId" UUID NOT NULL,
    "annotationUid" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "text" VARCHAR(500) NOT NULL,
    "values" JSONB NOT NULL,
    "imageId" VARCHAR(2000),
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportMeasurement_readerId_idx" ON "ReportMeasurement"("readerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportMeasurement_requestId_readerId_annotationUid_key" ON "ReportMeasurement"("requestId", "readerId", "annotationUid");

-- AddForeignKey
ALTER TABLE "ReportMeasurement" ADD CONSTRAINT "ReportMeasurement_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReadingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportMeasurement" ADD CONSTRAINT "ReportMeasurement_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
