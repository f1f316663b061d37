import { io as connect, type Socket } from "socket.io-client";
import { SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";

export interface OpenTab {
  socket: Socket;
  /** Every hint the tab heard, in order. */
  hints: SequencedHint[];
  welcome: Welcome;
}

/**
 * A browser tab's socket connected to one instance (or the balancer) with a session cookie,
 * WebSocket only as the tests' balancer carries it: resolved once welcomed, collecting its
 * hints. The caller closes `socket`.
 */
export async function openTab(baseUrl: string, cookie: string): Promise<OpenTab> {
  const socket = connect(baseUrl, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, reconnection: false });
  const hints: SequencedHint[] = [];
  socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => hints.push(hint));
  try {
    const welcome = await new Promise<Welcome>((resolve, reject) => {
      socket.once(SOCKET_EVENTS.welcome, resolve);
      socket.once("connect_error", reject);
    });
    return { socket, hints, welcome };
  } catch (error) {
    socket.close();
    throw error;
  }
}
