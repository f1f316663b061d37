import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createCaller } from "../trpc/app-router";
import { signInWithPassword } from "./sign-in-with-password";

// Sign-in throttling as an attacker meets it: per account, per address, all at once or in turn.

const db = connectTestDb();
/** Each test its own address, so that the address counters of the others do not count. */
const newAddress = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;

describe("password sign-in", () => {
  it("after 30 wrong passwords sent at once, refuses the right one too (throttled), and audits each attempt", async () => {
    const user = await createUser(db, { role: "REFERRER" });
    const address = newAddress();
    // One instant for all: on a loaded machine the attempts would otherwise spread over more
    // than the first delay (1 s), and the sixth would rightly be checked.
    const instant = new Date();
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInWithPassword(db, { credentials: { email: user.email, password: `wrong-${i}` }, address }, () => instant)),
    );
    expect(attempts.filter((a) => !a.ok && a.reason === "INVALID")).toHaveLength(5);
    expect(attempts.every((a) => !a.ok)).toBe(true);
    const right = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address: newAddress() }, () => instant);
    expect(right).toMatchObject({ ok: false, reason: "THROTTLED" });
    const audit = await db.auditLog.groupBy({ by: ["action"], where: { detail: { path: ["email"], equals: user.email } }, _count: true });
    expect(Object.fromEntries(audit.map((row) => [row.action, row._count]))).toMatchObject({ SIGN_IN_FAILED: 5, SIGN_IN_THROTTLED: 26 });
  });

  it("locks the account at the tenth failure, even from ten addresses, and says so", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    let clock = Date.now();
    const later = () => new Date((clock += 70_000));
    for (let i = 0; i < 10; i++) {
      const outcome = await signInWithPassword(db, { credentials: { email: user.email, password: "nope" }, address: newAddress() }, later);
      expect(outcome).toEqual({ ok: false, reason: "INVALID" });
    }
    const right = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address: newAddress() }, later);
    expect(right).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(await db.auditLog.count({ where: { action: "SIGN_IN_LOCKED", entityId: user.id } })).toBe(1);
  });

  it("signs in with the right password below the limits, and forgets the account's failures then", async () => {
    const user = await createUser(db, { role: "REFERRER" });
    const address = newAddress();
    for (let i = 0; i < 3; i++) await signInWithPassword(db, { credentials: { email: user.email, password: "nope" }, address });
    expect(await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address })).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await db.signInThrottle.count({ where: { scope: "ACCOUNT", key: user.email } })).toBe(0);
  });

  it("throttles one address trying many accounts", async () => {
    const address = newAddress();
    const outcomes = [];
    for (let i = 0; i < 21; i++) outcomes.push(await signInWithPassword(db, { credentials: { email: `nobody.${i}.${address}@test.teleradio.fr`, password: "guess" }, address }));
    expect(outcomes.slice(0, 20).every((o) => !o.ok && o.reason === "INVALID")).toBe(true);
    expect(outcomes[20]).toMatchObject({ ok: false, reason: "THROTTLED" });
  });

  it("takes as long to refuse an unknown e-mail as a wrong password (no account enumeration by timing)", async () => {
    const user = await createUser(db, { role: "REFERRER" });
    const time = async (email: string) => {
      const start = performance.now();
      await signInWithPassword(db, { credentials: { email, password: "not-it" }, address: newAddress() });
      return performance.now() - start;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`nobody.${randomBytes(4).toString("hex")}@test.teleradio.fr`));
    }
    // Without the decoy hash an unknown e-mail answers from one index lookup, tens of times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it("answers malformed credentials as a failure, without a counter or an error", async () => {
    expect(await signInWithPassword(db, { credentials: { email: "not an e-mail", password: "" }, address: newAddress() })).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword(db, { credentials: null, address: newAddress() })).toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("blocked sign-ins, for the administrator", () => {
  it("are listed to an administrator only, who lifts one (audited) so that the right password works again", async () => {
    const user = await createUser(db, { role: "REFERRER" });
    const admin = await actorOf(db, (await createUser(db, { role: "ADMIN" })).id);
    const referrer = await actorOf(db, user.id);
    let clock = Date.now();
    const later = () => new Date((clock += 70_000));
    for (let i = 0; i < 10; i++) await signInWithPassword(db, { credentials: { email: user.email, password: "nope" }, address: newAddress() }, later);

    const locks = await createCaller({ db, actor: admin }).accounts.signInLocks();
    expect(locks.find((lock) => lock.key === user.email)).toMatchObject({ scope: "ACCOUNT", failures: 10, displayName: user.displayName });
    await expect(createCaller({ db, actor: referrer }).accounts.signInLocks()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCaller({ db, actor: referrer }).accounts.unlockSignIn({ scope: "ACCOUNT", key: user.email })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await createCaller({ db, actor: admin }).accounts.unlockSignIn({ scope: "ACCOUNT", key: user.email });
    expect(await db.auditLog.count({ where: { action: "SIGN_IN_UNLOCKED", actorId: admin.id, entityId: user.id } })).toBe(1);
    expect(await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address: newAddress() })).toMatchObject({ ok: true });
    await expect(createCaller({ db, actor: admin }).accounts.unlockSignIn({ scope: "ACCOUNT", key: user.email })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
