import "server-only";
import { getDb } from "../../db/client";
import { getEnv } from "../../env";
import { createSessionChecker, type CheckSession } from "./session-checker";

let checker: CheckSession | undefined;

/** The session checker of the process's own database, for what Next serves (pages, next-auth's routes). */
export function defaultSessionChecker(): CheckSession {
  checker ??= createSessionChecker(getDb(), { idleTimeoutMs: getEnv().SESSION_IDLE_MINUTES * 60_000 });
  return checker;
}
