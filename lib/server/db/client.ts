import { PrismaPg } from "@prisma/adapter-pg";
import "server-only";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

// One client per process. The custom server (tsx) and Next's bundle are separate module
// graphs, so the instance is kept on globalThis to share it where both load this file.
const globalForDb = globalThis as unknown as { __teleradioDb?: PrismaClient };

// 20 connections: uploads, the job worker, live refetches and audit flushes share them. A
// transaction waits up to 5 s for one before the caller answers 503 (database-unavailable.ts).
export function createDbClient(connectionString: string, max = 20): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 15_000 } });
}

export function getDb(): PrismaClient {
  if (!globalForDb.__teleradioDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the product with `npm start`.");
    globalForDb.__teleradioDb = createDbClient(url);
  }
  return globalForDb.__teleradioDb;
}

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
