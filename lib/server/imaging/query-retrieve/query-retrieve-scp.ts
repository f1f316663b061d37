import "server-only";
import type { Socket } from "node:net";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";
import type { ImageDeps } from "../runtime/image-deps";
import type { AeSender } from "../dimse/find-sender-by-ae";
import { errorComment } from "../dimse/dimse-status";
import type { Scp } from "../dimse/dimse-library";
import { assertQueryRetrieveAuditable, auditQueryRetrieve } from "./audit-query-retrieve";
import { identifierJson, jsonDataset } from "./dimse-datasets";
import { readFindIdentifier } from "./find-identifier";
import { findRetrieveTargets, type RetrieveTarget } from "./find-retrieve-targets";
import { CFindResponse, CGetResponse, CMoveResponse, type Association, type requests, type responses } from "./qr-dimse";
import { runSubOperations, type RunEnd, type StoreSink } from "./run-sub-operations";
import { searchStudyRoot } from "./search-study-root";
import { openStoreAssociation, peerAssociationSink } from "./store-sinks";
import {
  finalStatus,
  IDENTIFIER_DOES_NOT_MATCH,
  MOVE_DESTINATION_UNKNOWN,
  PENDING,
  startCounts,
  type SubOperationCounts,
  SUCCESS,
  TOO_MANY_MATCHES,
  UNABLE_TO_PERFORM_SUB_OPERATIONS,
  UNABLE_TO_PROCESS,
} from "./sub-operations";

// The Study Root Query/Retrieve SCP of one association (PS3.4 C.4): C-FIND, C-MOVE and C-GET
// for the calling site's studies only. The C-STORE SCP (dimse/store-scp.ts) identifies the site
// from the calling AE title and its address allow-list, then hands these requests here. Each
// final answer goes through the library's callback (C-FIND's pending answers with it), C-MOVE
// and C-GET pending responses as they come; nothing here throws into the library.

export interface QueryRetrieveContext {
  /** This archive's AE title: the Retrieve AE Title of C-FIND answers, the calling AE of C-MOVE's associations. */
  aeTitle: string;
  deps: ImageDeps;
  log: (line: string) => void;
  /** Work the association's release (and the listener's close) waits for. */
  run: (task: Promise<void>) => void;
}

/** How long a move destination has to accept the association and answer each C-STORE. */
const MOVE_TIMEOUT_MS = 30_000;
const UNCOMPRESSED = [EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN];

type AnyResponse = InstanceType<typeof CFindResponse> | InstanceType<typeof CMoveResponse> | InstanceType<typeof CGetResponse>;
type RetrieveRequest = requests.CMoveRequest | requests.CGetRequest;

export class QueryRetrieveScp {
  /** Message IDs of the C-FIND/MOVE/GET a C-CANCEL named. */
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly scp: InstanceType<typeof Scp>,
    private readonly association: InstanceType<typeof Association>,
    private readonly peer: Socket,
    private readonly sender: AeSender,
    private readonly callingAeTitle: string,
    private readonly context: QueryRetrieveContext,
  ) {}

  find(request: requests.CFindRequest, callback: (responses: responses.CFindResponse[]) => void): void {
    this.context.run(
      this.guard(request, callback, CFindResponse, async () => {
        const read = readFindIdentifier(identifierJson(request.getDataset()));
        if (!read.ok) return [this.failure(request, CFindResponse, IDENTIFIER_DOES_NOT_MATCH, read.message)];
        const { identifier } = read;
        assertQueryRetrieveAuditable();
        const search = await searchStudyRoot({ db: this.context.deps.db, siteId: this.sender.siteId, identifier, retrieveAeTitle: this.context.aeTitle });
        if (search.kind === "too-many") return [this.failure(request, CFindResponse, TOO_MANY_MATCHES, "too many matches: narrow the query")];
        auditQueryRetrieve(this.context.deps.db, {
          action: "DICOM_QUERY",
          ...this.who(),
          studyUids: search.studyUids,
          detail: { level: identifier.level, keys: identifier.keys, results: search.answers.length },
        });
        const syntax = request.getDataset()?.getTransferSyntaxUid() ?? IMPLICIT_VR_LITTLE_ENDIAN;
        const pending = search.answers.map((answer) => {
          const response = this.response(request, CFindResponse, PENDING);
          response.setDataset(jsonDataset(answer, syntax));
          return response;
        });
        return [...pending, this.response(request, CFindResponse, SUCCESS)];
      }),
    );
  }

  move(request: requests.CMoveRequest, callback: (responses: responses.CMoveResponse[]) => void): void {
    this.context.run(
      this.guard(request, callback, CMoveResponse, async () => {
        const destinationAe = String(request.getCommandDataset().getElement("MoveDestination") ?? "").trim();
        const destination = destinationAe
          ? await this.context.deps.db.dicomMoveDestination.findFirst({
              where: { siteId: this.sender.siteId, aeTitle: destinationAe, active: true },
              select: { id: true, aeTitle: true, host: true, port: true, label: true },
            })
          : null;
        if (!destination) {
          this.context.log(`C-MOVE from ${this.callingAeTitle} refused: move destination "${destinationAe}" is not registered for its site`);
          return [this.failure(request, CMoveResponse, MOVE_DESTINATION_UNKNOWN, `Move destination unknown: ${destinationAe || "(empty)"}`)];
        }
        const found = await this.targets(request);
        if (!found.ok) return [this.failure(request, CMoveResponse, IDENTIFIER_DOES_NOT_MATCH, found.message)];
        const audit = { destination: { id: destination.id, aeTitle: destination.aeTitle, host: destination.host, port: destination.port } };
        this.auditRetrieve(request, found.targets, found.keys, { operation: "C-MOVE", phase: "started", ...audit });
        const counts = startCounts(found.targets.length);
        let end: RunEnd | "unreachable" = "done";
        if (found.targets.length > 0) {
          const opened = await openStoreAssociation({ target: destination, callingAeTitle: this.context.aeTitle, proposals: proposalsFor(found.targets), timeoutMs: MOVE_TIMEOUT_MS });
          if (!opened.ok) {
            this.context.log(`C-MOVE from ${this.callingAeTitle} to ${destination.aeTitle} at ${destination.host}:${destination.port} failed: ${opened.reason}`);
            counts.failed = found.targets.length;
            counts.remaining = 0;
            counts.failedUids = found.targets.map((t) => t.sopInstanceUid);
            end = "unreachable";
          } else {
            this.sendPending(request, this.progress(request, CMoveResponse, counts));
            end = await this.runOn(request, CMoveResponse, opened.association, found.targets, counts, { aeTitle: this.callingAeTitle, messageId: request.getMessageId() });
            await opened.association.release();
          }
        }
        this.auditRetrieve(request, found.targets, found.keys, { operation: "C-MOVE", phase: "finished", end, ...audit, ...countsOf(counts) });
        const final = this.final(request, CMoveResponse, counts, end);
        if (end === "unreachable") {
          final.setStatus(UNABLE_TO_PERFORM_SUB_OPERATIONS);
          final.setErrorComment(errorComment(`destination ${destination.aeTitle} unreachable`));
        }
        return [final];
      }),
    );
  }

  get(request: requests.CGetRequest, callback: (responses: responses.CGetResponse[]) => void): void {
    this.context.run(
      this.guard(request, callback, CGetResponse, async () => {
        const found = await this.targets(request);
        if (!found.ok) return [this.failure(request, CGetResponse, IDENTIFIER_DOES_NOT_MATCH, found.message)];
        this.auditRetrieve(request, found.targets, found.keys, { operation: "C-GET", phase: "started" });
        const counts = startCounts(found.targets.length);
        let end: RunEnd = "done";
        if (found.targets.length > 0) {
          this.sendPending(request, this.progress(request, CGetResponse, counts));
          const sink = peerAssociationSink(this.scp, this.association, this.peer);
          end = await this.runOn(request, CGetResponse, sink, found.targets, counts);
        }
        this.auditRetrieve(request, found.targets, found.keys, { operation: "C-GET", phase: "finished", end, ...countsOf(counts) });
        return [this.final(request, CGetResponse, counts, end)];
      }),
    );
  }

  /**
   * A pending response, sent directly: the library's callback runs once only (its event emitter
   * takes it for the listener's completion callback), so it carries the final response alone.
   */
  private sendPending(request: RetrieveRequest, response: AnyResponse): void {
    if (!this.peer.destroyed) this.scp.sendResponse(request, response);
  }

  cancel(request: requests.CCancelRequest): void {
    this.cancelled.add(request.getMessageIdBeingRespondedTo());
  }

  private who() {
    return { siteId: this.sender.siteId, senderId: this.sender.id, callingAeTitle: this.callingAeTitle };
  }

  private async targets(request: RetrieveRequest) {
    assertQueryRetrieveAuditable();
    return findRetrieveTargets(this.context.deps.db, this.sender.siteId, identifierJson(request.getDataset()));
  }

  private auditRetrieve(request: RetrieveRequest, targets: readonly RetrieveTarget[], keys: Record<string, string[]>, detail: Record<string, unknown>): void {
    auditQueryRetrieve(this.context.deps.db, {
      action: "DICOM_RETRIEVE",
      ...this.who(),
      studyUids: [...new Set(targets.map((t) => t.studyInstanceUid))],
      detail: { ...(detail as Record<string, never>), level: String(request.getDataset()?.getElement("QueryRetrieveLevel") ?? ""), keys, instances: targets.length },
    });
  }

  private async runOn<R extends AnyResponse>(
    request: RetrieveRequest,
    kind: ResponseClass<R>,
    sink: StoreSink,
    targets: readonly RetrieveTarget[],
    counts: SubOperationCounts,
    moveOriginator?: { aeTitle: string; messageId: number },
  ): Promise<RunEnd> {
    const messageId = request.getMessageId();
    const end = await runSubOperations({
      archive: this.context.deps.archive,
      targets,
      sink,
      counts,
      isCancelled: () => this.cancelled.has(messageId) || this.peer.destroyed,
      onProgress: (progress) => {
        if (progress.remaining > 0) this.sendPending(request, this.progress(request, kind, progress));
      },
      moveOriginator,
      log: this.context.log,
    });
    this.cancelled.delete(messageId);
    return end;
  }

  /** Runs a handler; an unexpected error becomes a C000 failure response, never an exception in the library. */
  private async guard<R extends AnyResponse>(request: requests.CFindRequest | RetrieveRequest, callback: (responses: R[]) => void, kind: ResponseClass<R>, handle: () => Promise<R[]>): Promise<void> {
    let answers: R[];
    try {
      answers = await handle();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.context.log(`query/retrieve request from ${this.callingAeTitle} failed: ${message}`);
      answers = [this.failure(request, kind, UNABLE_TO_PROCESS, message)];
    }
    if (!this.peer.destroyed) callback(answers);
  }

  private response<R extends AnyResponse>(request: requests.CFindRequest | RetrieveRequest, kind: ResponseClass<R>, status: number): R {
    const response = kind.fromRequest(request as never) as R;
    response.setAffectedSopClassUid(request.getAffectedSopClassUid());
    response.setStatus(status);
    return response;
  }

  private failure<R extends AnyResponse>(request: requests.CFindRequest | RetrieveRequest, kind: ResponseClass<R>, status: number, reason: string): R {
    const response = this.response(request, kind, status);
    response.setErrorComment(errorComment(reason));
    return response;
  }

  private progress<R extends AnyResponse>(request: RetrieveRequest, kind: ResponseClass<R>, counts: SubOperationCounts): R {
    const response = this.response(request, kind, PENDING) as InstanceType<typeof CMoveResponse>;
    setCounts(response, counts, true);
    return response as unknown as R;
  }

  private final<R extends AnyResponse>(request: RetrieveRequest, kind: ResponseClass<R>, counts: SubOperationCounts, end: RunEnd | "unreachable"): R {
    const cancelled = end === "cancelled";
    const response = this.response(request, kind, finalStatus(counts, cancelled)) as InstanceType<typeof CMoveResponse>;
    // Remaining is only meaningful on a cancel (PS3.4 C.4.2.1.6); the failed instances are listed.
    setCounts(response, counts, cancelled);
    if (counts.failedUids.length > 0) {
      const syntax = request.getDataset()?.getTransferSyntaxUid() ?? IMPLICIT_VR_LITTLE_ENDIAN;
      const failed: DicomJsonDataset = { "00080058": { vr: "UI", Value: counts.failedUids } };
      response.setDataset(jsonDataset(failed, syntax));
    }
    return response as unknown as R;
  }
}

type ResponseClass<R> = { fromRequest(request: never): R };

function setCounts(response: InstanceType<typeof CMoveResponse>, counts: SubOperationCounts, withRemaining: boolean): void {
  if (withRemaining) response.setRemaining(counts.remaining);
  response.setCompleted(counts.completed);
  response.setFailures(counts.failed);
  response.setWarnings(counts.warning);
}

function countsOf(counts: SubOperationCounts) {
  return { completed: counts.completed, failed: counts.failed, warning: counts.warning, remaining: counts.remaining };
}

/** One context per SOP class and stored syntax; an uncompressed one also offers the other uncompressed syntax. */
function proposalsFor(targets: readonly RetrieveTarget[]): { sopClassUid: string; transferSyntaxUids: string[] }[] {
  const seen = new Map<string, { sopClassUid: string; transferSyntaxUids: string[] }>();
  for (const target of targets) {
    const stored = target.transferSyntaxUid;
    const uncompressed = UNCOMPRESSED.includes(stored);
    const key = `${target.sopClassUid}|${uncompressed ? "uncompressed" : stored}`;
    if (!seen.has(key)) seen.set(key, { sopClassUid: target.sopClassUid, transferSyntaxUids: uncompressed ? [stored, ...UNCOMPRESSED.filter((s) => s !== stored)] : [stored] });
  }
  // A-ASSOCIATE-RQ holds at most 128 presentation contexts (odd ids 1 to 255).
  return [...seen.values()].slice(0, 128);
}
