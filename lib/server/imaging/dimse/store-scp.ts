import "server-only";
import type { Socket } from "node:net";
import type { Writable } from "node:stream";
import type { ImageDeps } from "../runtime/image-deps";
import { DatasetCollector } from "./dataset-collector";
import type { ListenerLimits } from "./listener-limits";
import { PduFramedSocket } from "./pdu-framed-socket";
import {
  type association,
  CEchoResponse,
  CFindResponse,
  CStoreResponse,
  Dataset,
  PresentationContextResult,
  RejectReason,
  RejectResult,
  RejectSource,
  type requests,
  type responses,
  Scp,
  Status,
} from "./dimse-library";
import { isAddressAllowed, rangesOf } from "@/lib/domain/network/address-allow-list";
import { addressRefusalAuditor, type RefusalChannel } from "../senders/audit-address-refusal";
import { CANNOT_UNDERSTAND, failureAnswer, type StoreAnswer } from "./dimse-status";
import { type AeSender, findSenderByAe } from "./find-sender-by-ae";
import { decidePresentationContext, MODALITY_WORKLIST_FIND } from "./presentation-contexts";
import { answerWorklistFind, type FindContext, SOP_CLASS_NOT_SUPPORTED } from "../worklist/answer-worklist-find";
import { storeReceivedInstance } from "./store-received-instance";
import { QueryRetrieveScp } from "../query-retrieve/query-retrieve-scp";
import { CGetResponse, CMoveResponse } from "../query-retrieve/qr-dimse";
import { isQueryRetrieveSopClass } from "../query-retrieve/query-retrieve-sop-classes";

// One TCP connection, hence one association (PS3.8 9.1): the Storage and Verification SCP.
// dcmjs-dimse calls these methods from its PDU handler; each one answers through the
// library's callback and never throws, since an exception there would drop the connection.

export interface ScpContext {
  /** The called AE title this listener answers to. */
  aeTitle: string;
  deps: ImageDeps;
  log: (line: string) => void;
  /** Work the listener waits for when it closes; a rejection is logged, never left unhandled. */
  track: (task: Promise<void>) => void;
  limits: Pick<ListenerLimits, "maxPduBytes" | "associationTimeoutMs">;
  /** Which port the association came in on, for the audit of refusals. */
  channel: Extract<RefusalChannel, "DIMSE" | "DIMSE_TLS">;
}


/** The C-FIND services of this port, by affected SOP class (each accepted in presentation-contexts.ts). */
const FIND_HANDLERS: Record<string, typeof answerWorklistFind> = {
  [MODALITY_WORKLIST_FIND]: answerWorklistFind,
};

export class StoreScp extends Scp {
  private sender: AeSender | null = null;
  private callingAeTitle = "";
  private readonly datasets = new WeakMap<requests.CStoreRequest, DatasetCollector>();
  /**
   * C-STOREs (and C-FIND, C-MOVE, C-GET requests) of this association still being handled: the
   * release waits for them. Not named `pending`: the library keeps the requests it sent (C-GET's
   * C-STOREs) in an array of that name on the same object.
   */
  private readonly inProgress = new Set<Promise<void>>();
  /** Message IDs of the C-FINDs the peer cancelled (C-CANCEL) while they were answered. */
  private readonly cancelled = new Set<number>();
  /** Study Root C-FIND, C-MOVE and C-GET (query-retrieve/), once the association is accepted. */
  private queryRetrieve: QueryRetrieveScp | null = null;

  constructor(
    private readonly peer: Socket,
    private readonly context: ScpContext,
  ) {
    // The library reads whole PDUs from the framer, never the socket's reads themselves.
    const { maxPduBytes, associationTimeoutMs } = context.limits;
    const framed = new PduFramedSocket(peer, {
      maxPduBytes,
      onOversizedPdu: (declared) => context.log(`DICOM connection from ${peer.remoteAddress ?? "?"} aborted: a PDU of ${declared} bytes exceeds the ${maxPduBytes}-byte limit`),
    });
    super(framed as unknown as Socket);
    // ARTIM: a connection that has not completed its association request by then is closed.
    this.artim = setTimeout(() => {
      context.log(`DICOM connection from ${peer.remoteAddress ?? "?"} closed: no association request within ${associationTimeoutMs} ms`);
      peer.destroy();
    }, associationTimeoutMs);
    this.artim.unref();
    peer.once("close", () => clearTimeout(this.artim));
  }

  private readonly artim: NodeJS.Timeout;

  override associationRequested(requested: association.Association): void {
    this.context.track(this.negotiate(requested));
  }

  private async negotiate(requested: association.Association): Promise<void> {
    clearTimeout(this.artim);
    const callingAeTitle = requested.getCallingAeTitle().trim();
    const calledAeTitle = requested.getCalledAeTitle().trim();
    const from = `${callingAeTitle || "(empty)"} at ${this.peer.remoteAddress ?? "?"}`;
    if (calledAeTitle !== this.context.aeTitle) {
      this.reject(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeNotRecognized);
      this.context.log(`association from ${from} rejected: called AE title "${calledAeTitle}" is not ${this.context.aeTitle}`);
      return;
    }
    let sender: AeSender | null;
    try {
      sender = await findSenderByAe(this.context.deps.db, callingAeTitle);
    } catch (error) {
      this.reject(RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.TemporaryCongestion);
      this.context.log(`association from ${from} rejected: sender lookup failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!sender) {
      this.reject(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeNotRecognized);
      this.context.log(`association from ${from} rejected: calling AE title not recognized`);
      return;
    }
    // Once per association, never per instance: the list was read with the sender.
    const address = this.peer.remoteAddress ?? "";
    if (!isAddressAllowed(rangesOf(sender.allowedNetworks), address)) {
      // The same answer as an unknown AE title: a peer at the wrong address learns nothing about
      // which titles are registered.
      this.reject(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeNotRecognized);
      this.context.log(`association from ${from} rejected: address not on the allow-list of sender "${sender.label}"`);
      const refusal = { senderId: sender.id, siteId: sender.siteId, channel: this.context.channel, address, presentedAs: callingAeTitle };
      this.context.track(
        addressRefusalAuditor.record(this.context.deps.db, refusal, (error) =>
          this.context.log(`audit of the refused association from ${from} not written: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
      return;
    }
    this.sender = sender;
    this.callingAeTitle = callingAeTitle;
    this.queryRetrieve = new QueryRetrieveScp(this, requested, this.peer, sender, callingAeTitle, { ...this.context, run: (task) => this.runPending(task) });
    for (const { context } of requested.getPresentationContexts()) {
      const decision = decidePresentationContext(context.getAbstractSyntaxUid(), context.getTransferSyntaxUids());
      if (decision.accept) context.setResult(PresentationContextResult.Accept, decision.transferSyntaxUid);
      else if (decision.reason === "abstract-syntax") context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
      else context.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
    }
    // The largest P-DATA-TF PDU we accept. dcmjs-dimse would announce the smaller of its own
    // limit and the peer's receive limit, which is a different direction (PS3.8 D.1) and often
    // only 16 KB.
    const peerReceiveLimit = requested.getMaxPduLength();
    requested.setMaxPduLength(this.context.limits.maxPduBytes);
    this.sendAssociationAccept();
    // From here on the library reads the same field as the limit of what it sends: C-GET's
    // C-STOREs must fit the peer's PDUs (PS3.8 D.1), not ours.
    requested.setMaxPduLength(peerReceiveLimit);
  }

  private reject(result: number, source: number, reason: number): void {
    this.sendAssociationReject(result, source, reason);
    // The peer should close on A-ASSOCIATE-RJ (PS3.8 7.1.1.7); end() still flushes the PDU first.
    this.peer.end();
  }

  override associationReleaseRequested(): void {
    const release = Promise.allSettled([...this.inProgress]).then(() => this.sendAssociationReleaseResponse());
    this.context.track(release);
  }

  override cEchoRequest(request: requests.CEchoRequest, callback: (response: responses.CEchoResponse) => void): void {
    const response = CEchoResponse.fromRequest(request);
    response.setStatus(Status.Success);
    callback(response);
  }

  override createStoreWritableStream(context: association.PresentationContext, request: requests.CStoreRequest): Writable {
    const accepted = context.getResult() === PresentationContextResult.Accept ? (context.getAcceptedTransferSyntaxUid() ?? null) : null;
    const collector = new DatasetCollector(accepted, this.context.deps.maxInstanceBytes);
    this.datasets.set(request, collector);
    return collector;
  }

  override createDatasetFromStoreWritableStream(
    _writable: Writable,
    context: association.PresentationContext,
    callback: (dataset: InstanceType<typeof Dataset>) => void,
  ): void {
    // An empty placeholder: the library would parse the whole data set with dcmjs here, and
    // nothing reads it. The bytes stay in the collector, looked up by request.
    callback(new Dataset({}, context.getAcceptedTransferSyntaxUid()));
  }

  override cStoreRequest(request: requests.CStoreRequest, callback: (response: responses.CStoreResponse) => void): void {
    const dataset = this.datasets.get(request);
    this.datasets.delete(request);
    const respond = (answer: StoreAnswer): void => {
      const response = CStoreResponse.fromRequest(request);
      response.setStatus(answer.status);
      if (answer.errorComment !== null) response.setErrorComment(answer.errorComment);
      callback(response);
    };
    if (!this.sender || !dataset) {
      respond(failureAnswer(CANNOT_UNDERSTAND, "C-STORE outside an accepted association"));
      return;
    }
    const received = {
      callingAeTitle: this.callingAeTitle,
      sender: this.sender,
      sopClassUid: request.getAffectedSopClassUid(),
      sopInstanceUid: request.getAffectedSopInstanceUid(),
      dataset,
    };
    this.runPending(storeReceivedInstance(this.context.deps, received, this.context.log).then(respond));
  }

  override cFindRequest(request: requests.CFindRequest, callback: (responses: responses.CFindResponse[]) => void): void {
    if (this.queryRetrieve && isQueryRetrieveSopClass(request.getAffectedSopClassUid())) {
      this.queryRetrieve.find(request, callback);
      return;
    }
    const messageId = request.getMessageId();
    const handler = FIND_HANDLERS[request.getAffectedSopClassUid()];
    const context: FindContext = {
      deps: this.context.deps,
      caller: this.sender
        ? { senderId: this.sender.id, siteId: this.sender.siteId, callingAeTitle: this.callingAeTitle, address: this.peer.remoteAddress ?? "", channel: this.context.channel }
        : null,
      isCancelled: () => this.cancelled.has(messageId),
      log: this.context.log,
    };
    if (!handler) {
      // Not reached in practice: a SOP class without a handler is refused at association.
      const response = CFindResponse.fromRequest(request);
      response.setStatus(SOP_CLASS_NOT_SUPPORTED);
      callback([response]);
      return;
    }
    this.runPending(handler(request, callback, context).finally(() => this.cancelled.delete(messageId)));
  }

  override cMoveRequest(request: requests.CMoveRequest, callback: (responses: responses.CMoveResponse[]) => void): void {
    if (this.queryRetrieve) this.queryRetrieve.move(request, callback);
    else callback([outsideAssociation(CMoveResponse.fromRequest(request))]);
  }

  override cGetRequest(request: requests.CGetRequest, callback: (responses: responses.CGetResponse[]) => void): void {
    if (this.queryRetrieve) this.queryRetrieve.get(request, callback);
    else callback([outsideAssociation(CGetResponse.fromRequest(request))]);
  }

  /** Work the release waits for (PS3.8 7.2: the peer releases once it has every answer). */
  private runPending(task: Promise<void>): void {
    this.inProgress.add(task);
    this.context.track(task.finally(() => this.inProgress.delete(task)));
  }

  override cCancelRequest(request: requests.CCancelRequest): void {
    // C-STORE and C-ECHO are answered once; a C-FIND not yet answered ends with Cancel, a C-MOVE
    // or C-GET before its next sub-operation.
    this.cancelled.add(request.getMessageIdBeingRespondedTo());
    this.queryRetrieve?.cancel(request);
  }

  override abort(): void {
    // On A-ABORT the acceptor closes the transport (PS3.8 9.2, AA-3); DCMTK waits 30 s for it.
    // C-STOREs already received still finish: nothing in them needs the socket.
    this.peer.destroy();
  }
}

/** A C-MOVE or C-GET on a connection whose association was never accepted: refused, with the reason. */
function outsideAssociation<R extends { setStatus(status: number): void; setErrorComment(comment: string): void }>(response: R): R {
  response.setStatus(CANNOT_UNDERSTAND);
  response.setErrorComment("request outside an accepted association");
  return response;
}
