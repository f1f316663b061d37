import "server-only";
import { connect, type Socket } from "node:net";
import { PresentationContextResult, Scp } from "../dimse/dimse-library";
import type { StoreSink } from "./run-sub-operations";
import { Association, type CStoreRequest } from "./qr-dimse";
import type { AcceptedStoreContext } from "./sub-operations";

// Where C-STORE sub-operations go: back on the peer's own association (C-GET), or on an
// association the archive opens to a registered move destination (C-MOVE).
//
// dcmjs-dimse 0.3.3 has no public way to send a request on an association it did not open, nor
// to open one without a fixed list of requests sent at once (its Client): both are done on its
// Network base class (which Scp extends) through sendRequests() and its events, as its own
// Client does. The library also keeps every request it sent in `pending`, with its data set,
// for the life of the association; each one is dropped once answered, or a retrieve of a large
// study would hold all of it in memory.

type StoreRequest = InstanceType<typeof CStoreRequest>;
type LibraryAssociation = InstanceType<typeof Association>;
interface NetworkInternals {
  pending: unknown[];
  sendRequests(request: StoreRequest): void;
}

function acceptedContexts(association: LibraryAssociation, scpRoleRequired: boolean): AcceptedStoreContext[] {
  return association
    .getPresentationContexts()
    .map(({ context }) => context)
    .filter((context) => context.getResult() === PresentationContextResult.Accept)
    // On a C-GET the peer must have offered the SCP role for the storage classes (PS3.7 D.3.3.4);
    // a peer that left role selection out is taken at its word that it can receive.
    .filter((context) => !scpRoleRequired || context.getProviderRole() !== false)
    .map((context) => ({ abstractSyntaxUid: context.getAbstractSyntaxUid(), transferSyntaxUid: context.getAcceptedTransferSyntaxUid() ?? "" }));
}

function sendAndAwait(network: NetworkInternals, socket: Socket, request: StoreRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error("the association closed before the C-STORE response"));
    if (socket.destroyed) return onClose();
    socket.once("close", onClose);
    request.on("response", (response: { getStatus(): number }) => {
      socket.off("close", onClose);
      const index = network.pending.indexOf(request);
      if (index >= 0) network.pending.splice(index, 1);
      resolve(response.getStatus());
    });
    network.sendRequests(request);
  });
}

/** C-GET: the C-STOREs go back to the peer on its association, on the storage contexts it offered. */
export function peerAssociationSink(scp: InstanceType<typeof Scp>, association: LibraryAssociation, socket: Socket): StoreSink {
  const network = scp as unknown as NetworkInternals;
  return {
    accepted: () => acceptedContexts(association, true),
    store: (request) => sendAndAwait(network, socket, request),
  };
}

export interface MoveTarget {
  aeTitle: string;
  host: string;
  port: number;
}

export interface OpenedStoreAssociation extends StoreSink {
  /** A-RELEASE, then the connection closed; never rejects. */
  release(): Promise<void>;
}

/** `refused`: the peer answered and rejected the association for good (A-ASSOCIATE-RJ, permanent); otherwise it was not reached, did not answer, or rejected it for now (transient). */
export type StoreAssociationOpening = { ok: true; association: OpenedStoreAssociation } | { ok: false; reason: string; refused: boolean };

/**
 * C-MOVE: an association from the archive (calling AE = its own title) to the destination, with one
 * presentation context per SOP class and stored transfer syntax; the uncompressed ones also offer
 * the other uncompressed syntax, which the library converts to.
 */
export function openStoreAssociation(args: {
  target: MoveTarget;
  callingAeTitle: string;
  proposals: readonly { sopClassUid: string; transferSyntaxUids: readonly string[] }[];
  timeoutMs: number;
}): Promise<StoreAssociationOpening> {
  const { target, callingAeTitle, proposals, timeoutMs } = args;
  const association = new Association(callingAeTitle, target.aeTitle);
  for (const proposal of proposals) {
    const id = association.addPresentationContext(proposal.sopClassUid);
    for (const syntax of proposal.transferSyntaxUids) association.addTransferSyntaxToPresentationContext(id, syntax);
  }
  const socket = connect({ host: target.host, port: target.port });
  socket.setNoDelay(true);
  const network = new Scp(socket, { connectTimeout: timeoutMs, associationTimeout: timeoutMs, pduTimeout: timeoutMs });
  const internals = network as unknown as NetworkInternals;
  return new Promise((resolve) => {
    let settled = false;
    const fail = (reason: string, refused = false) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ ok: false, reason, refused });
    };
    network.on("connect", () => network.sendAssociationRequest(association));
    network.on("associationRejected", (rejection: { result: number; source: number; reason: number }) =>
      // Result 2 is "rejected (transient)": a busy PACS (too many associations) that asks to come back later.
      fail(`association rejected (result ${rejection.result}, source ${rejection.source}, reason ${rejection.reason})`, rejection.result !== 2),
    );
    // A timeout or a malformed PDU: the library aborts but leaves the socket open; closing it ends
    // a C-STORE waiting for its response (sendAndAwait) instead of leaving the C-MOVE hanging.
    network.on("networkError", (error: Error) => {
      fail(error.message);
      socket.destroy();
    });
    network.on("close", () => fail("connection closed"));
    network.on("associationAccepted", (accepted: LibraryAssociation) => {
      if (settled) return;
      settled = true;
      resolve({
        ok: true,
        association: {
          accepted: () => acceptedContexts(accepted, false),
          store: (request) => sendAndAwait(internals, socket, request),
          release: () =>
            new Promise<void>((done) => {
              if (socket.destroyed) return done();
              const timer = setTimeout(() => socket.destroy(), timeoutMs);
              socket.once("close", () => {
                clearTimeout(timer);
                done();
              });
              network.on("associationReleaseResponse", () => socket.end());
              network.sendAssociationReleaseRequest();
            }),
        },
      });
    });
  });
}
