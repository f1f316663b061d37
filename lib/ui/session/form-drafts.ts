// What a user had typed into a form when their session ended, kept in the tab's sessionStorage
// until they are signed in again. Keyed by user and form: a draft is given back only to the
// user who typed it; signing out, or another user signing in on this browser, removes the rest.
// sessionStorage also dies with the tab. Patient data never goes to localStorage.

const PREFIX = "teleradio.draft.";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled by policy: the form is simply not kept
  }
}

function keyOf(userId: string, formKey: string): string {
  return `${PREFIX}${userId}.${formKey}`;
}

/** `values`: what the form holds, as JSON (the form checks it again when it takes it back). */
export function saveDraft(userId: string, formKey: string, values: unknown): void {
  storage()?.setItem(keyOf(userId, formKey), JSON.stringify({ savedAt: Date.now(), values }));
}

/** The draft of this user and form, removed as it is given back; null when none or unreadable. */
export function takeDraft(userId: string, formKey: string): unknown {
  const store = storage();
  const key = keyOf(userId, formKey);
  const raw = store?.getItem(key);
  if (!store || !raw) return null;
  store.removeItem(key);
  try {
    return (JSON.parse(raw) as { values?: unknown }).values ?? null;
  } catch {
    return null;
  }
}

/** Every kept draft except this user's (null: all of them, at sign-out). */
export function clearDrafts(exceptUserId: string | null): void {
  const store = storage();
  if (!store) return;
  const keep = exceptUserId === null ? null : `${PREFIX}${exceptUserId}.`;
  const doomed: string[] = [];
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (key?.startsWith(PREFIX) && (keep === null || !key.startsWith(keep))) doomed.push(key);
  }
  for (const key of doomed) store.removeItem(key);
}
