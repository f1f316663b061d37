-- The patient search's key (lib/domain/patient-search/search-key.ts, its twin): accents off,
-- ligatures spelled out, upper case, letters and digits only. A generated column, so that
-- PostgreSQL fills it on every write and for every existing row (this statement backfills):
-- no extension (unaccent needs CREATE privileges an external database may not grant, and is
-- not immutable), nothing the application must remember to write.
-- AlterTable
ALTER TABLE "ReadingRequest" ADD COLUMN "patientNameKey" TEXT GENERATED ALWAYS AS (
  regexp_replace(upper(translate(replace(replace(replace(replace(replace("patientFamilyName" || ' ' || "patientGivenName", 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ß', 'ss'), 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸāăąćčďēėęěğīįńňōőřśşšţťūůűźżžĀĂĄĆČĎĒĖĘĚĞĪĮŃŇŌŐŘŚŞŠŢŤŪŮŰŹŻŽ', 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYYaaaccdeeeegiinnoorsssttuuuzzzAAACCDEEEEGIINNOORSSSTTUUUZZZ')), '[^A-Z0-9]', '', 'g')
) STORED;
