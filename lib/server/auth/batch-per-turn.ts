import "server-only";

/**
 * Lookups by key made during one event-loop turn, answered by one load of all their keys (the
 * requests of a live worklist refetching after a change arrive together). Nothing is kept
 * across turns: every turn reads fresh. A key the load does not return resolves as missing.
 */
export function batchPerTurn<V>(loadMany: (keys: string[]) => Promise<Map<string, V>>): (key: string) => Promise<V | undefined> {
  type Waiter = { resolve: (value: V | undefined) => void; reject: (error: unknown) => void };
  let pending: Map<string, Waiter[]> | null = null;

  const flush = (batch: Map<string, Waiter[]>): void => {
    loadMany([...batch.keys()]).then(
      (values) => {
        for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(values.get(key));
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      },
    );
  };

  return (key) =>
    new Promise((resolve, reject) => {
      let batch = pending;
      if (!batch) {
        const fresh = new Map<string, Waiter[]>();
        batch = pending = fresh;
        setImmediate(() => {
          pending = null;
          flush(fresh);
        });
      }
      const waiters = batch.get(key) ?? [];
      waiters.push({ resolve, reject });
      batch.set(key, waiters);
    });
}
