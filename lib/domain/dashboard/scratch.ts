// Working memory of the dashboard's pass, kept between calls. Allocating a few MB of typed
// arrays per dashboard makes a server with a large heap run full garbage collections (tens of
// milliseconds each); the pass is synchronous, so one set of buffers serves every call.

const buffers = new Map<string, Uint32Array>();

/** A zeroed Uint32Array of `length`, reused by the next call asking for the same name. */
export function scratch(name: string, length: number): Uint32Array {
  let buffer = buffers.get(name);
  if (!buffer || buffer.length < length) {
    buffer = new Uint32Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.25)));
    buffers.set(name, buffer);
    return buffer.subarray(0, length);
  }
  const view = buffer.subarray(0, length);
  view.fill(0);
  return view;
}
