import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { dataVersion } from "../realtime/data-version";
import { onClusterConnection, onClusterMessage, onClusterResync, startClusterBus, type ClusterBus } from "./cluster-bus";
import { CLUSTER_CHANNEL, type ClusterMessage } from "./cluster-messages";
import { instanceId } from "./instance-id";
import { startCluster } from "./start-cluster";
import { connectTestDb } from "@/lib/testing/test-db";

const admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => admin.end());

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What another instance sends (its own id), through PostgreSQL itself. */
const fromElsewhere = (message: ClusterMessage) => admin.query("SELECT pg_notify($1, $2)", [CLUSTER_CHANNEL, JSON.stringify({ from: "another-instance", message })]);

/** Cuts this instance's listening connection, as a database restart does. */
const cutListener = () => admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [`teleradio cluster ${instanceId()}`.slice(0, 63)]);

describe("the cluster bus", () => {
  it("hears the other instances, connects again by itself after losing its connection, and then drops what it may have missed", async () => {
    const pool = new pg.Pool({ connectionString: inject("appDatabaseUrl"), max: 1 });
    const bus: ClusterBus = startClusterBus({ connectionString: inject("appDatabaseUrl"), pool, log: () => undefined });
    const heard: ClusterMessage[] = [];
    const states: boolean[] = [];
    let resyncs = 0;
    const offs = [onClusterMessage((m) => heard.push(m)), onClusterConnection((c) => states.push(c)), onClusterResync(() => resyncs++)];
    try {
      await bus.ready;
      await fromElsewhere({ kind: "revoked", sessionIds: ["s-1", "s-2"] });
      // Its own messages come back through PostgreSQL too, and are ignored: it applied them already.
      await admin.query("SELECT pg_notify($1, $2)", [CLUSTER_CHANNEL, JSON.stringify({ from: instanceId(), message: { kind: "jobs" } })]);
      // Anyone may NOTIFY: what is not one of ours is dropped.
      await admin.query("SELECT pg_notify($1, 'not json')", [CLUSTER_CHANNEL]);
      await fromElsewhere({ kind: "data" });
      await until(() => heard.length === 2, "two messages");
      expect(heard).toEqual([{ kind: "revoked", sessionIds: ["s-1", "s-2"] }, { kind: "data" }]);

      await cutListener();
      await until(() => states.length === 2 && bus.isListening(), "lost, then listening again");
      expect(states).toEqual([false, true]);
      expect(resyncs).toBe(1);
      await fromElsewhere({ kind: "rights", userId: "u-1" });
      await until(() => heard.length === 3, "a message after the reconnection");
      expect(heard[2]).toEqual({ kind: "rights", userId: "u-1" });
    } finally {
      for (const off of offs) off();
      await bus.close();
      await pool.end();
    }
  });

  it("keeps the data version moving while it cannot hear the others, so that no cache serves what may be stale", async () => {
    const db = connectTestDb(2);
    const cluster = await startCluster({ db, databaseUrl: inject("appDatabaseUrl"), log: () => undefined });
    try {
      const steady = dataVersion();
      expect(dataVersion()).toBe(steady);
      await fromElsewhere({ kind: "data" });
      await until(() => dataVersion() > steady, "a bump from another instance");
      const heard = dataVersion();
      expect(dataVersion()).toBe(heard);

      let deaf = false;
      const off = onClusterConnection((connected) => (deaf = !connected));
      await cutListener();
      await until(() => deaf, "the loss noticed");
      // Deaf: every read is a new version, so every cache keyed by it misses.
      expect(dataVersion()).not.toBe(dataVersion());
      await until(() => !deaf, "listening again");
      off();
      const back = dataVersion();
      expect(dataVersion()).toBe(back);
    } finally {
      await cluster.close();
    }
  });
});
