import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { clusterPool } from "./cluster-pool";

const admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => admin.end());

describe("the cluster's pool", () => {
  it("gives back a checked-out connection that ended (a database restart), so a reconnected listener does not starve the senders", async () => {
    const name = `teleradio pool test ${process.pid}`;
    const pool = clusterPool(inject("appDatabaseUrl"), name, 2, () => undefined);
    try {
      // As socket.io's adapter does: one client held for LISTEN, never released by it.
      const listener = await pool.connect();
      const ended = new Promise<void>((resolve) => listener.once("end", () => resolve()));
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [name]);
      await ended;
      // The adapter connects again and holds that one too.
      const again = await pool.connect();
      // The second slot is free for what the instance sends: the query runs, well within the timeout.
      const { rows } = await pool.query<{ one: number }>("SELECT 1 AS one");
      expect(rows).toEqual([{ one: 1 }]);
      expect(pool.totalCount).toBe(2);
      again.release();
    } finally {
      await pool.end();
    }
  });
});
