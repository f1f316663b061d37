import { spawn, type ChildProcess } from "node:child_process";

// A child process that says it is ready with a line on its output, kept with its last lines
// (shown when it fails), and stopped with SIGTERM then SIGKILL. kill() is for fault tests
// (SIGKILL: the instance vanishes without closing anything).

export interface ReadyChild {
  pid: number;
  /** The first output line that matched the ready pattern ("" with a probe). */
  readyLine: string;
  logTail: () => string;
  exited: Promise<number | null>;
  kill: (signal?: NodeJS.Signals) => void;
  stop: () => Promise<void>;
}

/** Ready when a line matches, or when a probe (a port that accepts) says so. */
export type Readiness = RegExp | (() => Promise<boolean>);

export async function spawnUntilReady(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; ready: Readiness; timeoutMs: number; name: string }): Promise<ReadyChild> {
  const child: ChildProcess = spawn(command, args, { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const readyLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} not ready within ${options.timeoutMs} ms:\n${lines.slice(-40).join("\n")}`)), options.timeoutMs);
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        lines.push(line);
        if (options.ready instanceof RegExp && options.ready.test(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      }
      if (lines.length > 400) lines.splice(0, lines.length - 400);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    let gone = false;
    void exited.then((code) => {
      gone = true;
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code}) before it was ready:\n${lines.slice(-40).join("\n")}`));
    });
    const probe = options.ready;
    if (!(probe instanceof RegExp)) {
      const poll = async () => {
        while (!gone) {
          if (await probe()) {
            clearTimeout(timer);
            return resolve("");
          }
          await new Promise((wait) => setTimeout(wait, 50));
        }
      };
      void poll();
    }
  });
  return {
    pid: child.pid!,
    readyLine,
    logTail: () => lines.slice(-40).join("\n"),
    exited,
    kill: (signal = "SIGKILL") => child.kill(signal),
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
