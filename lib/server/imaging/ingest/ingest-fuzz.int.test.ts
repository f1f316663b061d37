import { describe, expect, it } from "vitest";
import { chestRadiograph, ctHeadSeries, mrSeries, type SyntheticPatient } from "@/lib/dicom/synthetic";
import { createSite } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import type { IngestSource } from "../runtime/image-deps";
import { ingestInstance } from "./ingest-instance";

// The ingest path fed 1,000 mutated files made from the generated ones: each is either
// stored or refused with a reason, none crashes the process, none parses for over 2 s.

const db = connectTestDb();
const deps = testImageDeps(db, { timeoutMs: 2000 });
const MUTANTS = 1000;

/** A small deterministic PRNG (mulberry32): the same mutants on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(source: Uint8Array, next: () => number): Uint8Array {
  const bytes = new Uint8Array(source);
  const pick = (limit: number) => Math.floor(next() * limit);
  switch (pick(6)) {
    case 0: {
      // Flip bytes in the header, where lengths, VRs and tags live.
      for (let i = 0, n = 1 + pick(8); i < n; i++) bytes[pick(Math.min(bytes.length, 2048))] = pick(256);
      return bytes;
    }
    case 1:
      // Truncate anywhere.
      return bytes.subarray(0, pick(bytes.length));
    case 2: {
      // Claim a huge length in a random element length field.
      const at = 132 + pick(Math.min(bytes.length - 140, 1500));
      new DataView(bytes.buffer).setUint32(at, 0xfffffff0 - pick(1000), true);
      return bytes;
    }
    case 3: {
      // Drop a slice out of the middle.
      const start = pick(Math.min(bytes.length, 4096));
      const end = start + pick(512);
      return new Uint8Array([...bytes.subarray(0, start), ...bytes.subarray(end)]);
    }
    case 4: {
      // Insert a run of nested sequence starts (FFFE,E000 items with undefined length).
      const at = 132 + pick(Math.min(bytes.length - 132, 1500));
      const bomb = new Uint8Array(8 * (1 + pick(400)));
      for (let i = 0; i < bomb.length; i += 8) bomb.set([0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff], i);
      return new Uint8Array([...bytes.subarray(0, at), ...bomb, ...bytes.subarray(at)]);
    }
    default: {
      // Random bytes anywhere in the file.
      for (let i = 0, n = 1 + pick(64); i < n; i++) bytes[pick(bytes.length)] = pick(256);
      return bytes;
    }
  }
}

describe("ingest fuzzing", () => {
  it(`stores or refuses each of ${MUTANTS} mutated files, without a crash or a parse over 2 s`, { timeout: 600_000 }, async () => {
    const site = await createSite(db);
    const source: IngestSource = { channel: "STOW", siteId: site.id, senderLabel: "fuzz", actorId: null };
    const patient: SyntheticPatient = { familyName: "FUZZ", givenName: "TEST", birthDate: "19700101", sex: "O", patientId: "FUZZ-1" };
    const seeds = [
      ...ctHeadSeries({ seed: "fuzz-ct", patient, slices: 3, size: 64 }),
      ...ctHeadSeries({ seed: "fuzz-ct-rle", patient, slices: 2, size: 64, transferSyntax: "rle" }),
      ...mrSeries({ seed: "fuzz-mr", patient, slices: 2, size: 32 }),
      chestRadiograph({ seed: "fuzz-dx", patient, size: 128 }),
    ].map((instance) => instance.bytes);

    const next = random(20261123);
    const outcomes = { stored: 0, "already-stored": 0, refused: 0 };
    const codes = new Map<string, number>();
    let slowest = 0;
    for (let i = 0; i < MUTANTS; i++) {
      const mutant = mutate(seeds[i % seeds.length]!, next);
      const started = performance.now();
      const outcome = await ingestInstance(deps, source, mutant);
      slowest = Math.max(slowest, performance.now() - started);
      outcomes[outcome.status]++;
      if (outcome.status === "refused") {
        codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
        expect(outcome.message.length).toBeGreaterThan(0);
      }
    }
    console.log(`fuzz: ${JSON.stringify(outcomes)}, refusals ${JSON.stringify(Object.fromEntries(codes))}, slowest ingest ${slowest.toFixed(0)} ms`);
    expect(outcomes.stored + outcomes["already-stored"] + outcomes.refused).toBe(MUTANTS);
    expect(codes.get("PARSE_TIMEOUT") ?? 0).toBe(0);
    // Each stored instance is whole: its index row points at a file of the recorded size.
    const stored = await db.dicomInstance.findMany({ where: { senderLabel: "fuzz" }, select: { storageKey: true, sizeBytes: true } });
    for (const row of stored) expect((await deps.archive.get(row.storageKey)).length).toBe(row.sizeBytes);
  });
});
