import { describe, expect, it } from "vitest";
import { REQUEST_ACTIONS } from "../../request-state-machine";
import { outboundDecisionFor } from "./order-control";

describe("which acts the RIS hears about", () => {
  it("sends OK with the protocol, OC for a refusal and for the platform's cancellation", () => {
    expect(outboundDecisionFor("SEND_PROTOCOL", { cancelledByRis: false })).toEqual({ orderControl: "OK", carriesProtocol: true });
    expect(outboundDecisionFor("REFUSE_INDICATION", { cancelledByRis: false })).toEqual({ orderControl: "OC", carriesProtocol: false });
    expect(outboundDecisionFor("CANCEL", { cancelledByRis: false })).toEqual({ orderControl: "OC", carriesProtocol: false });
  });

  it("does not echo the RIS's own cancellation back to it", () => {
    expect(outboundDecisionFor("CANCEL", { cancelledByRis: true })).toBeNull();
  });

  it("sends nothing for the acts the volet does not carry", () => {
    const silent = REQUEST_ACTIONS.filter((action) => outboundDecisionFor(action, { cancelledByRis: false }) === null);
    expect(silent).toEqual(["REQUEST_INFO", "PROVIDE_INFO", "ACCEPT_INDICATION", "MODIFY_INDICATION", "RECEIVE_IMAGES", "COMPLETE_IMAGES", "START_READING", "SIGN", "DELIVER", "ACKNOWLEDGE"]);
  });
});
