import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type { SyntheticInstance } from "../lib/dicom/synthetic";

/** Stores instances through STOW-RS with the page's session (a site's staff sending images). */
export async function stowInstances(page: Page, instances: readonly SyntheticInstance[]): Promise<void> {
  // Batches keep each request well under the server's body limit.
  for (let i = 0; i < instances.length; i += 25) {
    const boundary = `e2e-${randomBytes(8).toString("hex")}`;
    const parts: Buffer[] = [];
    for (const instance of instances.slice(i, i + 25)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(instance.bytes), Buffer.from("\r\n"));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await page.request.post("/dicomweb/studies", {
      headers: { "Content-Type": `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: "application/dicom+json" },
      data: Buffer.concat(parts),
    });
    expect(response.status(), await response.text()).toBe(200);
  }
}
