// One server under the DICOM bench (ours or Orthanc), seen the same way by every workload:
// its DICOMweb base, the headers a sender and a reader use, its DICOM peer, its CPU time.
import { Agent } from "node:http";
import { clock } from "./clock";
import type { DicomPeer } from "./dcmtk";
import { exchange } from "./http-exchange";
import { commandName, cpuSeconds, descendants, machineCpuSeconds, reapedChildrenCpuSeconds } from "./proc-stats";

export type TargetName = "ours" | "orthanc";

export interface DicomTarget {
  name: TargetName;
  pid: number;
  dicomwebUrl: string;
  /** Headers of a site sending images (STOW-RS). */
  senderHeaders: Record<string, string>;
  /** Headers of a radiologist's viewer (QIDO, WADO). */
  readerHeaders: Record<string, string>;
  /** The DICOM port as the sending site calls it. */
  peer: DicomPeer;
  /** The server's own processes besides `pid` (our embedded PostgreSQL), for CPU accounting. */
  helperPids: () => number[];
}

/** The embedded PostgreSQL's processes: the server's descendants named postgres. */
export const postgresPids = (serverPid: number): number[] => descendants(serverPid).filter((pid) => commandName(pid) === "postgres");

export interface Measured<T> {
  result: T;
  elapsedMs: number;
  /** CPU seconds of the server process (all its threads) during the run. */
  serverCpu: number;
  /** CPU seconds of its helper processes (PostgreSQL) during the run. */
  helperCpu: number;
  /** CPU seconds of the bench process itself (the clients) and of its finished children (storescu). */
  benchCpu: number;
  /** CPU seconds used by anything else on the machine meanwhile: noise in the figures when large. */
  otherCpu: number;
  /** CPU seconds the hypervisor gave other guests meanwhile (steal): noise too. */
  stealCpu: number;
}

export async function measure<T>(target: DicomTarget, run: () => Promise<T>): Promise<Measured<T>> {
  const helpers = target.helperPids();
  const benchCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6 + reapedChildrenCpuSeconds(process.pid);
  };
  const helpersBefore = new Map(helpers.map((pid) => [pid, cpuSeconds(pid)]));
  const before = { server: cpuSeconds(target.pid), bench: benchCpu(), machine: machineCpuSeconds(), at: clock() };
  const result = await run();
  const elapsedMs = clock() - before.at;
  const serverCpu = cpuSeconds(target.pid) - before.server;
  // Per process, so that a backend that exited meanwhile cannot make the sum negative: its CPU
  // since the start is lost (an undercount), new ones are counted from zero.
  const helperCpu = target.helperPids().reduce((sum, pid) => sum + Math.max(0, cpuSeconds(pid) - (helpersBefore.get(pid) ?? 0)), 0);
  const bench = benchCpu() - before.bench;
  const machine = machineCpuSeconds();
  const otherCpu = Math.max(0, machine.busy - before.machine.busy - serverCpu - helperCpu - bench);
  return { result, elapsedMs, serverCpu, helperCpu, benchCpu: bench, otherCpu, stealCpu: machine.steal - before.machine.steal };
}

/** QIDO-RS: how many instances of the series the server lists to the reader. */
export async function countInstances(target: DicomTarget, studyUid: string, seriesUid: string): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  try {
    const answer = await exchange(`${target.dicomwebUrl}/studies/${studyUid}/series/${seriesUid}/instances?limit=1000`, {
      headers: { ...target.readerHeaders, accept: "application/dicom+json" },
      agent,
      keepBody: true,
    });
    if (answer.status === 204) return 0;
    if (answer.status !== 200) throw new Error(`QIDO on ${target.name} answered HTTP ${answer.status}: ${answer.body.toString("utf8").slice(0, 200)}`);
    const list: unknown = JSON.parse(answer.body.toString("utf8"));
    return Array.isArray(list) ? list.length : 0;
  } finally {
    agent.destroy();
  }
}
