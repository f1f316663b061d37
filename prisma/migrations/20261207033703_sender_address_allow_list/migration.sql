-- AlterTable
ALTER TABLE "DicomSender" ADD COLUMN     "allowedNetworks" VARCHAR(49)[] DEFAULT ARRAY[]::VARCHAR(49)[];

-- Senders registered before the lists existed keep sending from wherever they did: "anywhere",
-- written out, so that /admin shows it for each of them until the site's IT narrows it. New
-- senders start with an empty list, which admits nobody.
UPDATE "DicomSender" SET "allowedNetworks" = ARRAY['0.0.0.0/0', '::/0']::VARCHAR(49)[];
