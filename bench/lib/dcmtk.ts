// DCMTK's `echoscu` and `storescu` as a site's PACS: C-ECHO to probe a DICOM port, C-STORE of
// a folder of files over one association, timed from the outside (process start to exit).
import { spawn } from "node:child_process";
import { clock } from "./clock";

export interface DicomPeer {
  host: string;
  port: number;
  callingAeTitle: string;
  calledAeTitle: string;
}

interface ToolRun {
  code: number | null;
  output: string;
  elapsedMs: number;
}

function runTool(command: string, args: string[], timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve) => {
    const started = clock();
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > 100_000) output = output.slice(-50_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}`, elapsedMs: clock() - started });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, elapsedMs: clock() - started });
    });
  });
}

const peerArgs = (peer: DicomPeer) => ["-aet", peer.callingAeTitle, "-aec", peer.calledAeTitle, peer.host, String(peer.port)];

/** C-ECHO: null when the peer answers, else why not (connection refused, association rejected...). */
export async function echo(peer: DicomPeer): Promise<string | null> {
  const run = await runTool("echoscu", ["-to", "5", ...peerArgs(peer)], 15_000);
  return run.code === 0 ? null : lastLines(run.output) || `echoscu exited with ${run.code ?? "no code"}`;
}

export interface StoreRun {
  elapsedMs: number;
  /** storescu's exit code: 0 when the association went through (each store's status aside). */
  code: number | null;
  /** Responses storescu reported as failed (it logs them as errors or warnings). */
  failedResponses: number;
  outputTail: string;
}

/** storescu over every file of `directory`, one association, as a PACS forwarding a series. */
export async function storeDirectory(peer: DicomPeer, directory: string, timeoutMs = 600_000): Promise<StoreRun> {
  const run = await runTool("storescu", ["-to", "30", ...peerArgs(peer), "+sd", directory], timeoutMs);
  const failedResponses = (run.output.match(/^[EW]: Store (?:SCU )?(?:Failed|.*status)/gim) ?? []).length;
  return { elapsedMs: run.elapsedMs, code: run.code, failedResponses, outputTail: lastLines(run.output) };
}

function lastLines(text: string, count = 5): string {
  return text.trim().split("\n").slice(-count).join("\n");
}
