// A browser's part in an OpenID flow, for integration tests: cookies per host, redirects
// followed by hand, HTML forms submitted as a browser would (fields by name).

export class CookieJarBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).host)?.get(name);
  }

  /** One request, its cookies kept; no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(target, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: { ...(cookies ? { cookie: cookies } : {}), ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.keep(target.host, response.headers.getSetCookie());
    return response;
  }

  /** Follows redirects until a page (a 200) or a URL `stop` accepts; returns where it ended. */
  async follow(url: string, init: { form?: Record<string, string> } = {}, stop: (url: URL) => boolean = () => false): Promise<{ url: URL; response: Response }> {
    let current = new URL(url);
    let response = await this.request(current.toString(), init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      current = new URL(response.headers.get("location") ?? "", current);
      if (stop(current)) return { url: current, response };
      response = await this.request(current.toString());
    }
    return { url: current, response };
  }

  private keep(host: string, setCookies: string[]): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(host, cookies);
  }
}
