import "server-only";
import type { IngestChannel } from "@/lib/generated/prisma/client";
import type { ArchiveStorage } from "../archive/archive-storage";
import type { Db } from "../../db/client";
import type { InstanceParser } from "../parsing/parse-pool";

// What the image use cases need, built once at start (lib/server/imaging/runtime/image-runtime.ts) and
// built again by tests around a fresh database and archive.
export interface ImageDeps {
  db: Db;
  archive: ArchiveStorage;
  parser: InstanceParser;
  maxInstanceBytes: number;
}

/** Who is sending: a site's PACS or modality (no person), or a signed-in user uploading. */
export interface IngestSource {
  channel: IngestChannel;
  siteId: string;
  /** Shown in the timeline and the audit: "AE CT_SAL_01", "PACS Saint-Aubin (STOW)", a user's name. */
  senderLabel: string;
  actorId: string | null;
}
