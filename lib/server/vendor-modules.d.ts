// Types of the untyped packages the server imports directly.

declare module "memorystream" {
  import type { Writable } from "node:stream";
  const MemoryStream: { createWriteStream(data?: unknown, options?: unknown): Writable };
  export default MemoryStream;
}

declare module "async-exit-hook" {
  const exitHook: { (hook: (done?: () => void) => void): void; unhookEvent(event: string): void };
  export default exitHook;
}
