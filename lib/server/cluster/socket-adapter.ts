import "server-only";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import type pg from "pg";
import { createClient } from "redis";
import type { ServerOptions } from "socket.io";

// socket.io's adapter carries what one instance emits to a room (a hint) to the sockets of that
// room on every instance, and instance-wide operations (disconnecting a room's sockets). On the
// PostgreSQL that the instances already share (NOTIFY; its table for payloads over NOTIFY's
// 8000 bytes is made by a migration), or on Redis when REDIS_URL is set: an operations team
// that runs Redis anyway keeps NOTIFY traffic off the database.

export interface SocketAdapter {
  adapter: NonNullable<ServerOptions["adapter"]>;
  /** Which engine carries it, for the start log. */
  engine: "postgresql" | "redis";
  close(): Promise<void>;
}

export async function createSocketAdapter(options: { pool: pg.Pool; redisUrl?: string; log: (line: string) => void }): Promise<SocketAdapter> {
  const { log } = options;
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    // The clients reconnect by themselves; without a listener an error would end the process.
    pub.on("error", (error: Error) => log(`socket.io redis: ${error.message}`));
    sub.on("error", (error: Error) => log(`socket.io redis: ${error.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    return {
      adapter: createRedisAdapter(pub, sub, { key: "teleradio" }) as SocketAdapter["adapter"],
      engine: "redis",
      async close() {
        await Promise.allSettled([pub.quit(), sub.quit()]);
      },
    };
  }
  // Made when socket.io asks for it, not before: it holds a connection of the pool for its
  // LISTEN and runs a cleanup timer until io.close() closes it.
  let factory: ReturnType<typeof createPostgresAdapter> | null = null;
  // socket.io calls it with `new`: a function (not an arrow), returning the adapter it made.
  const adapter = function (nsp: unknown) {
    factory ??= createPostgresAdapter(options.pool, {
      channelPrefix: "teleradio_io",
      tableName: "socket_io_attachments",
      errorHandler: (error: Error) => log(`socket.io postgresql: ${error.message}`),
    });
    return factory(nsp);
  };
  return {
    adapter: adapter as SocketAdapter["adapter"],
    engine: "postgresql",
    close: () => Promise.resolve(),
  };
}
