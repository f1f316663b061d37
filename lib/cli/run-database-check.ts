import { createDbClient, type Db } from "@/lib/server/db/client";
import { connectCliDatabase, NoDatabaseError } from "@/lib/server/db/cli-database";

/**
 * The frame of a read-only check an operator runs from cron: `--help`, the database (DATABASE_URL
 * or the embedded one under DATA_DIR), the check's own exit code (0 holds, 1 broken), and 2 when
 * it could not check at all.
 */
export function runDatabaseCheck(usage: string, check: (db: Db) => Promise<0 | 1>): void {
  const main = async (): Promise<number> => {
    if (process.argv.includes("--help") || process.argv.includes("-h")) {
      console.log(usage);
      return 0;
    }
    const connection = await connectCliDatabase({ createIfMissing: false });
    const db = createDbClient(connection.url, 2);
    try {
      return await check(db);
    } finally {
      await db.$disconnect();
      await connection.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof NoDatabaseError ? `${error.message}\n\n${usage}` : error);
      process.exit(2);
    },
  );
}
