import type { ChildProcess } from "node:child_process";

// A process a benchmark starts (our server, Orthanc): its last output lines for error
// messages, and a stop that escalates to SIGKILL. If the bench dies abruptly its finally blocks
// never run: a synchronous "exit" hook still asks the child to stop.

export interface SupervisedChild {
  logTail: () => string;
  exited: Promise<void>;
  /** SIGTERM, then SIGKILL after stopTimeoutMs; resolves once the child has exited. */
  stop: () => Promise<void>;
}

const KEPT_LINES = 200;
const SHOWN_LINES = Number(process.env.BENCH_LOG_LINES ?? 40);

export function superviseChild(child: ChildProcess, stopTimeoutMs: number): SupervisedChild {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), stopTimeoutMs).unref()),
    ]);
    if (timedOut) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  return { logTail: () => lines.slice(-SHOWN_LINES).join("\n"), exited, stop };
}
