import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const parse = (variables: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...variables });

// socket.io's messages between instances: PostgreSQL unless REDIS_URL names a Redis.
describe("the Redis setting", () => {
  it("is off by default, and takes a redis:// or rediss:// URL only", () => {
    expect(parse({}).REDIS_URL).toBeUndefined();
    expect(parse({ REDIS_URL: "redis://redis.example.org:6379" }).REDIS_URL).toBe("redis://redis.example.org:6379");
    expect(parse({ REDIS_URL: "rediss://user:secret@redis.example.org:6380/2" }).REDIS_URL).toBe("rediss://user:secret@redis.example.org:6380/2");
    expect(() => parse({ REDIS_URL: "http://redis.example.org" })).toThrow(/REDIS_URL/);
    expect(() => parse({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL/);
  });
});
