import { describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { withProfileLanguage } from "../../auth/profile-language-cookie";
import { getOwnLanguage } from "./get-own-language";
import { setOwnLanguage } from "./set-own-language";

// The language a user picks is theirs on every workstation: saved on the profile, audited
// once per change, and handed to the browser as the locale cookie at sign-in.

const db = connectTestDb();

describe("own interface language", () => {
  it("is saved on the profile, audited once per real change, and set as the browser's cookie at sign-in", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const actor = await actorOf(db, user.id);
    expect(await getOwnLanguage({ db, actor })).toEqual({ language: null });
    const signInAnswer = () => new Response(null, { status: 200, headers: { "Set-Cookie": "next-auth.session-token=x; Path=/" } });
    // Never chosen: the sign-in answer is left as it is.
    expect((await withProfileLanguage(signInAnswer(), db, user.id)).headers.getSetCookie()).toEqual(["next-auth.session-token=x; Path=/"]);

    expect(await setOwnLanguage({ db, actor, language: "en" })).toEqual({ language: "en", changed: true });
    expect(await setOwnLanguage({ db, actor, language: "en" })).toEqual({ language: "en", changed: false });
    expect(await getOwnLanguage({ db, actor })).toEqual({ language: "en" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "LANGUAGE_CHANGED" } })).toBe(1);

    const cookies = (await withProfileLanguage(signInAnswer(), db, user.id)).headers.getSetCookie();
    expect(cookies).toEqual(["next-auth.session-token=x; Path=/", "locale=en; Path=/; Max-Age=31536000; SameSite=Lax"]);
  });

  it("refuses a language the interface does not have, at the database too", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    await expect(db.user.update({ where: { id: user.id }, data: { uiLanguage: "de" } })).rejects.toThrow();
  });
});
