// A minimal XMLHttpRequest over Node's fetch, so that dicomweb-client (which speaks XHR, as in
// a browser) runs unchanged in an integration test. Only what dicomweb-client uses: open,
// setRequestHeader, send, responseType json/arraybuffer/text, status, response headers.

export class NodeXmlHttpRequest {
  readyState = 0;
  status = 0;
  responseType = "";
  response: unknown = null;
  responseText = "";
  onreadystatechange: (() => void) | null = null;
  onloadstart: (() => void) | null = null;
  onloadend: (() => void) | null = null;
  onprogress: (() => void) | null = null;
  private method = "GET";
  private url = "";
  private headers: Record<string, string> = {};
  private responseHeaders = new Headers();

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  getAllResponseHeaders(): string {
    return [...this.responseHeaders].map(([name, value]) => `${name}: ${value}`).join("\r\n");
  }

  send(body?: BodyInit | null): void {
    void this.run(body ?? null);
  }

  private async run(body: BodyInit | null): Promise<void> {
    try {
      const response = await fetch(this.url, { method: this.method, headers: this.headers, body });
      const bytes = new Uint8Array(await response.arrayBuffer());
      this.status = response.status;
      this.responseHeaders = response.headers;
      this.responseText = new TextDecoder().decode(bytes);
      if (this.responseType === "arraybuffer") this.response = bytes.buffer;
      else if (this.responseType === "json") this.response = this.responseText === "" ? null : JSON.parse(this.responseText);
      else this.response = this.responseText;
    } catch {
      this.status = 0;
    }
    this.readyState = 4;
    this.onreadystatechange?.();
  }
}
