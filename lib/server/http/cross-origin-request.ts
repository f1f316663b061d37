import "server-only";
import type { IncomingMessage } from "node:http";
import { isForeignOrigin } from "./origin-check";

// Whether a request was made by a page of another origin. Such a request never authenticates
// with the session cookie, even a read: the browser attaches the cookie to a page elsewhere on
// the same site (another port of the same host is "same-site", and SameSite=Lax lets it through),
// and the server would serve and audit patient data under the clinician's name for a page they
// never opened. A page elsewhere authenticates with a bearer token it was given.
//
// Two signals, either enough: a foreign Origin (CORS requests, and every POST); Sec-Fetch-Site,
// which a browser also sends on the requests that carry no Origin (an <img> or a <script> of
// another origin's page). Programs send neither and authenticate otherwise.

export function isCrossOriginRequest(req: Pick<IncomingMessage, "headers">, options: { trustProxy: boolean }): boolean {
  if (isForeignOrigin(req, options)) return true;
  const site = req.headers["sec-fetch-site"];
  const value = (Array.isArray(site) ? site[0] : site)?.toLowerCase();
  return value === "cross-site" || value === "same-site";
}
