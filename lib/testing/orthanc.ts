import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Orthanc (Debian orthanc + orthanc-dicomweb) started by hand for a test as a site's PACS: loopback
// ports, a temporary storage directory, the DICOMweb plugin, and, when asked, our STOW-RS
// endpoint as a DICOMweb server (with the site's bearer token) and our C-STORE SCP as a
// modality. Its packaged service does not start in these containers.

export const ORTHANC_BINARY = process.env.ORTHANC_BINARY ?? "/usr/sbin/Orthanc";
export const ORTHANC_DICOMWEB_PLUGIN = process.env.ORTHANC_DICOMWEB_PLUGIN ?? "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

export interface OrthancOptions {
  /** Orthanc's own AE title: the calling AE of its C-STORE, as registered for the site. */
  aeTitle?: string;
  /** A DICOMweb server Orthanc can push to (`POST /dicom-web/servers/<name>/stow`). */
  stowTarget?: { name: string; url: string; bearerToken: string };
  /** A DICOM peer Orthanc can push to (`POST /modalities/<name>/store`). */
  storeTarget?: { name: string; aeTitle: string; host: string; port: number };
  /** Further configuration, over the defaults (e.g. DicomCheckCalledAet, DicomAlwaysAllowStore). */
  config?: Record<string, unknown>;
}

export interface Orthanc {
  /** e.g. http://127.0.0.1:40123 (REST API, no authentication, loopback only) */
  url: string;
  /** e.g. http://127.0.0.1:40123/dicom-web */
  dicomwebUrl: string;
  dicomPort: number;
  /** The end of Orthanc's own log (its view of a failed push). */
  log(): string;
  /** Calls the REST API; throws with Orthanc's answer and its log's end on a non-2xx status. */
  rest<T = unknown>(method: "GET" | "POST" | "DELETE", route: string, body?: unknown): Promise<T>;
  /** Stores Part 10 files through the REST API; returns Orthanc's instance ids. */
  upload(files: readonly Uint8Array[]): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startOrthanc(options: OrthancOptions = {}): Promise<Orthanc> {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-orthanc-"));
  const [httpPort, dicomPort] = [await freePort(), await freePort()];
  const config = {
    Name: "teleradio-test",
    StorageDirectory: path.join(dir, "storage"),
    IndexDirectory: path.join(dir, "storage"),
    HttpPort: httpPort,
    DicomPort: dicomPort,
    DicomAet: options.aeTitle ?? "ORTHANC",
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    HttpsVerifyPeers: false,
    DicomCheckCalledAet: false,
    DicomModalities: options.storeTarget ? { [options.storeTarget.name]: [options.storeTarget.aeTitle, options.storeTarget.host, options.storeTarget.port] } : {},
    Plugins: [ORTHANC_DICOMWEB_PLUGIN],
    DicomWeb: {
      Enable: true,
      Root: "/dicom-web/",
      // Our answers carry the attributes a client asks for; Orthanc's own defaults are enough here.
      Servers: options.stowTarget
        ? { [options.stowTarget.name]: { Url: options.stowTarget.url.replace(/\/?$/, "/"), HttpHeaders: { Authorization: `Bearer ${options.stowTarget.bearerToken}` } } }
        : {},
    },
    ...options.config,
  };
  const configFile = path.join(dir, "orthanc.json");
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child = spawn(ORTHANC_BINARY, [configFile], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString("utf8")).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.once("error", () => undefined);

  const url = `http://127.0.0.1:${httpPort}`;
  try {
    await untilAnswering(`${url}/system`, exited, () => log);
  } catch (error) {
    await stopChild(child, exited);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  async function rest<T>(method: "GET" | "POST" | "DELETE", route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}${route}`, {
      method,
      ...(body === undefined ? {} : { body: body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Orthanc ${method} ${route} answered ${response.status}: ${text.slice(0, 500)}\n${log.slice(-1500)}`);
    return (text === "" ? null : JSON.parse(text)) as T;
  }

  return {
    url,
    dicomwebUrl: `${url}/dicom-web`,
    dicomPort,
    log: () => log,
    rest,
    async upload(files) {
      const ids: string[] = [];
      for (const file of files) ids.push((await rest<{ ID: string }>("POST", "/instances", file)).ID);
      return ids;
    },
    async stop() {
      await stopChild(child, exited);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback port free right now (Orthanc binds it a moment later; a clash fails loudly at start). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls the REST API until it answers; fails with Orthanc's log if it exits or takes over 20 s. */
async function untilAnswering(url: string, exited: Promise<number | null>, log: () => string): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`Orthanc exited (${gone}) before answering:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Orthanc did not answer within 20 s:\n${log()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
