// The part of simple-hl7 (an HL7 v2 library with an MLLP client, no types shipped) the HL7 tests
// use as the independent peer of the listener.
declare module "simple-hl7" {
  import type { Socket } from "node:net";
  interface ParsedSegment {
    name: string;
    getField(index: number): string;
    getComponent(field: number, component: number): string;
  }
  interface ParsedMessage {
    header: ParsedSegment;
    segments: ParsedSegment[];
    getSegment(name: string): ParsedSegment | undefined;
    getSegments(name: string): ParsedSegment[];
    log(): string;
  }
  interface TcpClient {
    client?: Socket;
    connect(callback: (error?: Error) => void): void;
    send(message: string | { toString(): string }, callback: (error: Error | null, ack: ParsedMessage) => void): void;
    close(): void;
  }
  const hl7: {
    Server: { createTcpClient(options: { host: string; port: number; keepalive?: boolean }): TcpClient };
    Parser: new (options?: { segmentSeperator?: string }) => { parse(text: string): ParsedMessage };
  };
  export default hl7;
}
