-- CreateEnum
CREATE TYPE "AuditSealKind" AS ENUM ('ROW', 'GAP');

-- CreateTable
CREATE TABLE "AuditSeal" (
    "auditId" BIGINT NOT NULL,
    "kind" "AuditSealKind" NOT NULL,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("auditId")
);

-- Written by hand (the schema diff cannot express triggers): the chain is append-only like the
-- log it seals (refuse_trace_rewrite() comes from the append_only_trace migration).
CREATE TRIGGER "AuditSeal_append_only"
  BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION refuse_trace_rewrite();

CREATE TRIGGER "AuditSeal_no_truncate"
  BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_trace_rewrite();
