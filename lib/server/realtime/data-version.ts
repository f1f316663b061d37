import "server-only";

// A process-wide counter bumped after every committed change that is announced to clients
// (publishRequestChanged). Caches keyed by it can never serve a result computed before a
// change that a client has already been told about. The `request.changed` hint carries the
// number, and a client asking for its worklist over the socket sends back the highest it saw:
// a number above this process's own (a change announced elsewhere) raises it (noteDataVersion).
const slot = globalThis as unknown as { __teleradioDataVersion?: number };

export function dataVersion(): number {
  return slot.__teleradioDataVersion ?? 0;
}

/** After a committed change: the new version, which the change's hint carries. */
export function bumpDataVersion(): number {
  const version = dataVersion() + 1;
  slot.__teleradioDataVersion = version;
  return version;
}

/** A client saw a change numbered `version`: from now on nothing computed before it is served. */
export function noteDataVersion(version: number): number {
  if (version > dataVersion()) slot.__teleradioDataVersion = version;
  return dataVersion();
}
