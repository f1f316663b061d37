// Whether this tab knows its session is over. One flag for the whole tab, set by whoever finds
// out first: any tRPC call answered UNAUTHORIZED (the query and mutation caches), the session
// banner's own question to the server, or the socket refused at its handshake. Everything that
// shows the session as alive reads it: the banner turns to "session ended", the live indicator
// stops saying "En direct" and the socket is closed. Signing in again loads the page anew,
// which starts the flag over.

type Listener = () => void;

let over = false;
const listeners = new Set<Listener>();

export function markSessionOver(): void {
  if (over) return;
  over = true;
  for (const listener of listeners) listener();
}

export function isSessionOver(): boolean {
  return over;
}

export function subscribeSessionOver(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
