import type { RequestAction } from "../../request-state-machine";

// Which acts of the workflow the site's RIS hears about, and how (ANS Volet Téléradiologie,
// flow 3, ORU^R01). The volet carries the remote radiologist's decision only: accepted with the
// imaging protocol (OK) or refused (OC, reason optional). A cancellation by the platform after
// the order came in is also an OC: the RIS must stop waiting for an exam that will not be read.
// The report itself travels by the CDA-in-HL7 (MDM) volet, out of this one.

export type OutboundOrderControl = "OK" | "OC";

export interface OutboundDecision {
  orderControl: OutboundOrderControl;
  /** OK carries the protocol in OBX; OC may carry the reason in ORC-16. */
  carriesProtocol: boolean;
}

/**
 * The message an act sends to the RIS, or null when the volet has none for it. Accepting or
 * modifying the indication sends nothing yet: the OK goes with the protocol, which the volet
 * requires in it. A cancellation the RIS asked for itself (ORM CA) is not echoed back.
 */
export function outboundDecisionFor(action: RequestAction, options: { cancelledByRis: boolean }): OutboundDecision | null {
  switch (action) {
    case "SEND_PROTOCOL":
      return { orderControl: "OK", carriesProtocol: true };
    case "REFUSE_INDICATION":
      return { orderControl: "OC", carriesProtocol: false };
    case "CANCEL":
      return options.cancelledByRis ? null : { orderControl: "OC", carriesProtocol: false };
    case "REQUEST_INFO":
    case "PROVIDE_INFO":
    case "ACCEPT_INDICATION":
    case "MODIFY_INDICATION":
    case "RECEIVE_IMAGES":
    case "COMPLETE_IMAGES":
    case "START_READING":
    case "SIGN":
    case "DELIVER":
    case "ACKNOWLEDGE":
      return null;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
