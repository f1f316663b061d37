// Where to send a user back after signing in: a path of this site only. Anything that would
// leave it (another origin, "//host", "\\host", a javascript: URL) gives null, so that no
// link can turn the sign-in page into a redirector to a look-alike site.

export function returnPathOf(target: string | null | undefined, origin: string): string | null {
  if (!target || target.length > 2000 || /[\\\u0000-\u001f]/.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  if (url.pathname === "/signin" || url.pathname.startsWith("/api/auth")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
