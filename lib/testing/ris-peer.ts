import { once } from "node:events";
import type { AddressInfo } from "node:net";
import hl7 from "simple-hl7";

// The site's RIS as the tests' independent peer: simple-hl7's MLLP server. It keeps every message
// it received (parsed by simple-hl7, as a RIS's engine would read it) and answers as told:
// AA, AE/AR with an ERR segment, or nothing at all (a RIS that hangs).

export type PeerAnswer = { code: "AA" } | { code: "AE" | "AR"; error: string; location: string } | { code: "SILENT" };

export interface RisPeer {
  port: number;
  received: ReturnType<InstanceType<typeof hl7.Parser>["parse"]>[];
  answer: PeerAnswer;
  stop(): Promise<void>;
}

/** On a free port, or on `port` (a RIS that comes back where it was). */
export async function startRisPeer(port = 0): Promise<RisPeer> {
  const peer = { answer: { code: "AA" } as PeerAnswer, received: [] as RisPeer["received"] };
  const server = hl7.Server.createTcpServer((error, req, res) => {
    if (error) return;
    peer.received.push(req.msg);
    const answer = peer.answer;
    if (answer.code === "SILENT") return;
    if (answer.code !== "AA") {
      res.ack.getSegment("MSA").setField(1, answer.code);
      res.ack.addSegment("ERR", "", answer.location, "207^Application internal error^HL70357", "E", "", "", "", answer.error);
    }
    res.end();
  });
  server.start(port);
  if (!server.server.listening) await once(server.server, "listening");
  return Object.assign(peer, {
    port: (server.server.address() as AddressInfo).port,
    // Stops listening; the platform closes its own connections after each exchange.
    stop: () => Promise.resolve(server.stop()),
  }) as RisPeer;
}
