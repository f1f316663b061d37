// A minimal external store for React's useSyncExternalStore: the viewer's state lives here,
// outside React, and components subscribe to the parts they draw.
export class SnapshotStore<T extends object> {
  private listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  get = (): T => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: Partial<T>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
