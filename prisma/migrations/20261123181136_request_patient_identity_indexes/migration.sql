-- CreateIndex
CREATE INDEX "ReadingRequest_patientBirthDate_idx" ON "ReadingRequest"("patientBirthDate");

-- CreateIndex
CREATE INDEX "ReadingRequest_patientIns_idx" ON "ReadingRequest"("patientIns");
