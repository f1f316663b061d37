import "server-only";
import pg from "pg";

/**
 * A small pool for the cluster's connections. socket.io's PostgreSQL adapter keeps a client
 * checked out for its LISTEN and, when that connection ends (a database restart), connects
 * again without giving the dead one back: the pool would count it for ever and, its slots all
 * held, make every later query wait. The dead client is given back here, and a query that
 * cannot get a connection fails after a few seconds instead of waiting silently.
 */
export function clusterPool(connectionString: string, name: string, max: number, log: (line: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: name.slice(0, 63) });
  pool.on("error", (error) => log(`${name}: ${error.message}`));
  pool.on("connect", (client) => {
    // Without a listener, the error of a checked-out client (the adapter's) would end the process.
    client.on("error", (error) => log(`${name} connection: ${error.message}`));
    client.once("end", () => {
      try {
        (client as pg.PoolClient).release(true);
      } catch {
        // Already given back (an idle client's end): nothing held.
      }
    });
  });
  return pool;
}
