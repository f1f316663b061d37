// Orthanc (Debian's `orthanc` + `orthanc-dicomweb`) as the reference the DICOM bench compares
// with: started by hand on loopback ports with a throw-away storage (its packaged service does
// not start in containers), stopped and removed at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { superviseChild } from "./supervised-child";

export interface OrthancServer {
  pid: number;
  version: string;
  /** http://127.0.0.1:<port>/dicom-web (no trailing slash, like the product's base). */
  dicomwebUrl: string;
  dicomPort: number;
  aeTitle: string;
  logTail: () => string;
  stop: () => Promise<void>;
}

const DICOMWEB_PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

function orthancBinary(): string | null {
  const found = spawnSync("sh", ["-c", "command -v Orthanc || true"], { encoding: "utf8", env: { ...process.env, PATH: `${process.env.PATH ?? ""}:/usr/sbin:/sbin` } });
  const binary = found.stdout.trim();
  return binary && existsSync(DICOMWEB_PLUGIN) ? binary : null;
}

/** Installs Orthanc and its DICOMweb plugin from Debian when missing (the bench runs as root here). */
export function ensureOrthanc(): string {
  const present = orthancBinary();
  if (present) return present;
  console.log("[bench] Orthanc is missing: apt-get install -y orthanc orthanc-dicomweb");
  const result = spawnSync("apt-get", ["install", "-y", "orthanc", "orthanc-dicomweb"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const installed = orthancBinary();
  if (result.status !== 0 || !installed) throw new Error("could not install Orthanc (apt-get install -y orthanc orthanc-dicomweb)");
  return installed;
}

export async function startOrthanc(options: {
  httpPort: number;
  dicomPort: number;
  aeTitle?: string;
  /** Extra environment, e.g. TCP_NODELAY=1, which DCMTK reads to disable Nagle on DICOM sockets. */
  env?: Record<string, string>;
  /** Settings that differ from a default install, e.g. { HttpCompressionEnabled: false }. */
  config?: Record<string, unknown>;
}): Promise<OrthancServer> {
  const binary = ensureOrthanc();
  const aeTitle = options.aeTitle ?? "ORTHANC";
  const dir = mkdtempSync(path.join(tmpdir(), "orthanc-bench-"));
  const configFile = path.join(dir, "orthanc.json");
  // Defaults otherwise (storage cache, threads, no compression): Orthanc as a site installs it.
  const config = {
    Name: "bench",
    StorageDirectory: path.join(dir, "storage"),
    IndexDirectory: path.join(dir, "index"),
    HttpPort: options.httpPort,
    DicomPort: options.dicomPort,
    DicomAet: aeTitle,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: "/dicom-web/", EnableWado: true, Host: `127.0.0.1:${options.httpPort}`, Ssl: false },
    ...options.config,
  };
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const child = spawn(binary, [configFile], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } });
  const supervised = superviseChild(child, STOP_TIMEOUT_MS);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await supervised.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${options.httpPort}`;
  try {
    if (child.pid === undefined) throw new Error("could not spawn Orthanc");
    const version = await waitForSystem(base, child);
    return {
      pid: child.pid,
      version,
      dicomwebUrl: `${base}/dicom-web`,
      dicomPort: options.dicomPort,
      aeTitle,
      logTail: supervised.logTail,
      stop,
    };
  } catch (error) {
    console.error(supervised.logTail());
    await stop();
    throw error;
  }
}

async function waitForSystem(base: string, child: ChildProcess): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited during start (code ${child.exitCode}): is a port taken?`);
    try {
      const response = await fetch(`${base}/system`);
      if (response.ok) {
        const system = (await response.json()) as { Version?: string; Plugins?: string[] };
        const plugins = await (await fetch(`${base}/plugins`)).json() as string[];
        if (!plugins.includes("dicom-web")) throw new Error("Orthanc started without its DICOMweb plugin");
        return system.Version ?? "unknown";
      }
    } catch (error) {
      if (error instanceof Error && error.message.includes("DICOMweb")) throw error;
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Orthanc's /system did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

