// The part of simple-hl7 (the independent HL7 peer of the tests; it ships no types) the tests use:
// its MLLP server (outbound tests) and client (inbound tests), and its parser.
declare module "simple-hl7" {
  import type { Server, Socket } from "node:net";

  interface Hl7Segment {
    name: string;
    getField(index: number, repeatIndex?: number): string;
    getComponent(fieldIndex: number, componentIndex: number, subComponentIndex?: number): string;
    editField?(index: number, value: string): void;
    setField(index: number, value: string): void;
  }
  interface Hl7Header {
    getField(index: number): string;
    getComponent(fieldIndex: number, componentIndex: number): string;
  }
  interface Hl7Message {
    header: Hl7Header;
    segments: Hl7Segment[];
    getSegment(name: string): Hl7Segment;
    getSegments(name: string): Hl7Segment[];
    addSegment(name: string, ...fields: (string | string[])[]): Hl7Segment;
    toString(): string;
  }
  interface TcpRequest {
    msg: Hl7Message;
    raw: string;
  }
  interface TcpResponse {
    ack: Hl7Message;
    end(): void;
  }
  interface TcpServer {
    start(port: number, encoding?: string): void;
    stop(): void;
    server: Server;
  }
  interface TcpClient {
    client?: Socket;
    connect(callback: (error?: Error) => void): void;
    send(message: string | { toString(): string }, callback: (error: Error | null, ack: Hl7Message) => void): void;
    close(): void;
  }
  const hl7: {
    Parser: new (options?: { segmentSeperator?: string }) => { parse(text: string): Hl7Message };
    Server: {
      createTcpServer(handler: (error: unknown, req: TcpRequest, res: TcpResponse) => void): TcpServer;
      createTcpClient(options: { host: string; port: number; keepalive?: boolean }): TcpClient;
    };
  };
  export default hl7;
}
