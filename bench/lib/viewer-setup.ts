// The studies the viewer bench opens. Each is a request at the demo site SAL (the DICOM
// bench's own setup) with one generated CT series stored by STOW-RS into every server (same
// files, same UIDs), linked to the request on our side, and claimed by the radiologist whose
// session the browser carries: only the holder may open the viewer. Every opening of a round
// gets a study the browser has never seen, so no image comes from its HTTP cache (our frames
// may be cached for an hour; Orthanc's are not cacheable): each server sends every frame.
import { Agent } from "node:http";
import { createDbClient } from "@/lib/server/db/client";
import { benchSeries, prepareBenchSetup } from "./dicom-bench-data";
import { stowInstances } from "./stow-client";
import { trpcMutation } from "./trpc-http";

export interface ViewerStudy {
  requestId: string;
  /** The radiologist's session cookie (`name=value`), holder of the request. */
  readerCookie: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  instances: number;
  bytes: number;
}

export interface StowDestination {
  name: string;
  dicomwebUrl: string;
  headers: Record<string, string>;
}

const LINK_TIMEOUT_MS = 30_000;

export async function prepareViewerStudy(
  ours: { baseUrl: string; databaseUrl: string; secret: string },
  others: readonly StowDestination[],
  options: { seed: string; slices: number; log: (line: string) => void },
): Promise<ViewerStudy> {
  const setup = await prepareBenchSetup(ours.databaseUrl, ours.secret);
  const series = benchSeries(setup, options.seed, options.slices);
  const bytes = series.instances.map((i) => i.bytes);
  const destinations: StowDestination[] = [
    { name: "our server", dicomwebUrl: `${ours.baseUrl}/dicomweb`, headers: { authorization: `Bearer ${setup.stowToken}` } },
    ...others,
  ];
  const sent: string[] = [];
  for (const destination of destinations) {
    const run = await stowInstances(bytes, { dicomwebUrl: destination.dicomwebUrl, headers: destination.headers, batchSize: 10, parallel: 4 });
    if (run.stored !== bytes.length) throw new Error(`STOW-RS to ${destination.name}: ${run.stored}/${bytes.length} stored (${run.errors.join("; ")})`);
    sent.push(`${destination.name} ${(run.elapsedMs / 1000).toFixed(1)} s`);
  }
  options.log(`study ${options.seed} (accession ${setup.accessionNumber}): ${bytes.length} instances stored by STOW-RS (${sent.join(", ")})`);

  const requestId = await linkedRequestId(ours.databaseUrl, setup.accessionNumber, series.studyInstanceUid);
  const agent = new Agent({ keepAlive: false });
  try {
    const claim = await trpcMutation({ baseUrl: ours.baseUrl, agent, cookie: setup.readerCookie }, { path: "requests.claim", input: { requestId } });
    if (!claim.ok) throw new Error(`requests.claim: ${claim.error}`);
  } finally {
    agent.destroy();
  }
  return {
    requestId,
    readerCookie: setup.readerCookie,
    studyInstanceUid: series.studyInstanceUid,
    seriesInstanceUid: series.seriesInstanceUid,
    instances: series.instances.length,
    bytes: series.bytes,
  };
}

/** The request of that accession number, once ingest has linked the study to it (the viewer lists linked studies only). */
async function linkedRequestId(databaseUrl: string, accessionNumber: string, studyInstanceUid: string): Promise<string> {
  const db = createDbClient(databaseUrl, 1);
  try {
    const { id } = await db.readingRequest.findUniqueOrThrow({ where: { accessionNumber }, select: { id: true } });
    const deadline = Date.now() + LINK_TIMEOUT_MS;
    for (;;) {
      const study = await db.dicomStudy.findFirst({ where: { studyInstanceUid, requestId: id }, select: { linkState: true } });
      if (study?.linkState === "LINKED") return id;
      if (Date.now() > deadline) throw new Error(`the study was not linked to request ${id} within ${LINK_TIMEOUT_MS / 1000} s (state ${study?.linkState ?? "none"})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.$disconnect();
  }
}
