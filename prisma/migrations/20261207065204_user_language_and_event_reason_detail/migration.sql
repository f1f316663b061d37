-- AlterTable
ALTER TABLE "User" ADD COLUMN     "uiLanguage" VARCHAR(2);

-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "reasonDetail" JSONB;

-- Only the interface's languages.
ALTER TABLE "User" ADD CONSTRAINT "User_uiLanguage_check" CHECK ("uiLanguage" IN ('fr', 'en'));
