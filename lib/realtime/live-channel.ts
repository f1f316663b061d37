// What the page asks of the tab's one socket, beyond hints: which requests it shows
// (presence) and who wants to hear of vital emergencies. It outlives reconnections: on every
// welcome the socket is handed over again and the watched set is declared anew.

export type SendWatch = (requestIds: string[]) => void;

export class LiveChannel {
  /** requestId -> how many mounted components say the tab shows it */
  private readonly watched = new Map<string, number>();
  private readonly vitalListeners = new Set<() => void>();
  private send: SendWatch | null = null;
  private lastSent: string | null = null;

  /** Declares that this tab shows a request; call the returned function when it no longer does. */
  watch(requestId: string): () => void {
    this.watched.set(requestId, (this.watched.get(requestId) ?? 0) + 1);
    this.flush();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.watched.get(requestId) ?? 1) - 1;
      if (count > 0) this.watched.set(requestId, count);
      else this.watched.delete(requestId);
      this.flush();
    };
  }

  /** A (re)connected socket: the server knows nothing of this tab yet. */
  connected(send: SendWatch): void {
    this.send = send;
    this.lastSent = null;
    this.flush();
  }

  disconnected(): void {
    this.send = null;
  }

  onVitalAlert(listener: () => void): () => void {
    this.vitalListeners.add(listener);
    return () => this.vitalListeners.delete(listener);
  }

  vitalAlert(): void {
    for (const listener of this.vitalListeners) listener();
  }

  private flush(): void {
    if (!this.send) return;
    const ids = [...this.watched.keys()].sort();
    const key = ids.join(",");
    // Unmount then remount of the same page (React strict mode, fast refresh) sends nothing new.
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.send(ids);
  }
}
