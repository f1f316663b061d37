// The radiologist takes the bench's request through the product's own tRPC mutation, as the
// "Prendre" button does: since the image access rules, only the holder views its images.
import { Agent } from "node:http";
import { trpcMutation } from "./trpc-http";

export async function claimAsReader(baseUrl: string, readerCookie: string, requestId: string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  try {
    const claim = await trpcMutation({ baseUrl, agent, cookie: readerCookie }, { path: "requests.claim", input: { requestId } });
    if (!claim.ok) throw new Error(`the reader could not claim request ${requestId}: ${claim.error}`);
  } finally {
    agent.destroy();
  }
}
