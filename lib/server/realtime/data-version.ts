import "server-only";

// A process-wide counter bumped after every committed change that is announced to clients
// (publishRequestChanged). Caches keyed by it can never serve a result computed before a
// change that a client has already been told about.
const slot = globalThis as unknown as { __teleradioDataVersion?: number };

export function dataVersion(): number {
  return slot.__teleradioDataVersion ?? 0;
}

export function bumpDataVersion(): void {
  slot.__teleradioDataVersion = dataVersion() + 1;
}
