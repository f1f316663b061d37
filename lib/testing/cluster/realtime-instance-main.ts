// `tsx --import ./lib/server/register-server-only.mjs lib/testing/cluster/realtime-instance-main.ts`:
// one realtime instance (realtime-instance.ts) as a process of its own, configured by
// TEST_INSTANCE_DATABASE_URL (owner or runtime role), TEST_INSTANCE_RUNTIME_URL (the cluster's
// connections), TEST_INSTANCE_SECRET, TEST_INSTANCE_PORT (0: any) and REDIS_URL. Prints one
// line `ready <baseUrl> <instanceId>` once it serves; stops on SIGTERM.
import { createDbClient } from "../../server/db/client";
import { startRealtimeInstance } from "./realtime-instance";

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = createDbClient(required("TEST_INSTANCE_DATABASE_URL"), 6);
const instance = await startRealtimeInstance({
  db,
  databaseUrl: process.env.TEST_INSTANCE_RUNTIME_URL ?? required("TEST_INSTANCE_DATABASE_URL"),
  secret: required("TEST_INSTANCE_SECRET"),
  port: Number(process.env.TEST_INSTANCE_PORT ?? 0),
  ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
});
console.log(`ready ${instance.baseUrl} ${instance.instanceId}`);
process.once("SIGTERM", () => {
  void instance
    .close()
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
