import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import type { TemplateDefinition } from "@/lib/domain/reports/template-definition";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { errorShapeData } from "../../trpc/error-mapping";
import { listActiveTemplates } from "./list-active-templates";
import { saveTemplateVersion } from "./save-template-version";

const db = connectTestDb(6);

async function people() {
  const site = await createSite(db);
  const [admin, head, radiologist] = await Promise.all([
    createUser(db, { role: "ADMIN" }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
  ]);
  return { admin: await actorOf(db, admin.id), head: await actorOf(db, head.id), radiologist: await actorOf(db, radiologist.id) };
}

/** Codes are unique per test: the integration database is shared by the whole run. */
const newCode = () => `t_${randomUUID().slice(0, 8)}`;

function definition(findingsLabel = "Résultats"): TemplateDefinition {
  return {
    sections: [
      { id: "findings", title: "Résultats", fields: [{ id: "findings", label: findingsLabel, kind: "text", multiline: true, required: true }] },
      { id: "conclusion", title: "Conclusion", fields: [{ id: "conclusion", label: "Conclusion", kind: "text", required: true }] },
    ],
    conclusionFieldId: "conclusion",
  };
}

function input(code: string, expectedVersion: number | null, overrides: Partial<{ title: string; purpose: "REPORT" | "OPINION"; definition: TemplateDefinition }> = {}) {
  return { code, expectedVersion, title: "Scanner de test", purpose: "REPORT" as const, modality: "CT" as const, definition: definition(), ...overrides };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const data = errorShapeData(error as TRPCError);
  return { status: getHTTPStatusCodeFromError(error as TRPCError), ...data };
}

describe("template versions", () => {
  it("inserts version + 1 on each save, and refuses a stale editor with a conflict that writes nothing", async () => {
    const { admin } = await people();
    const asAdmin = createCaller({ db, actor: admin });
    const code = newCode();

    expect(await asAdmin.templates.save(input(code, null))).toMatchObject({ code, version: 1 });
    expect(await asAdmin.templates.save(input(code, 1, { title: "Scanner de test v2", definition: definition("Description") }))).toMatchObject({ code, version: 2 });

    // A second tab still on version 1, and a "new" template reusing the code: both conflict.
    expect(await failure(asAdmin.templates.save(input(code, 1, { title: "Perdu" })))).toMatchObject({ status: 409, appCode: "REPORT_CONFLICT", details: { code, latestVersion: 2 } });
    expect(await failure(asAdmin.templates.save(input(code, null)))).toMatchObject({ status: 409, appCode: "REPORT_CONFLICT" });

    const versions = await asAdmin.templates.versions({ code });
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [2, "Scanner de test v2"],
      [1, "Scanner de test"],
    ]);
    expect(versions[0]!.definition.sections[0]!.fields[0]).toMatchObject({ label: "Description" });
    expect(versions[1]!.definition.sections[0]!.fields[0]).toMatchObject({ label: "Résultats" });
    expect(versions[0]!.createdBy).toEqual({ id: admin.id, name: admin.displayName });

    const listed = (await asAdmin.templates.list()).find((t) => t.code === code);
    expect(listed).toMatchObject({ latestVersion: 2, versionCount: 2, title: "Scanner de test v2", active: true, purpose: "REPORT", modality: "CT", updatedBy: { id: admin.id } });

    const audit = await db.auditLog.findMany({ where: { action: "TEMPLATE_VERSION_SAVED", actorId: admin.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.detail)).toEqual([expect.objectContaining({ code, version: 1 }), expect.objectContaining({ code, version: 2, previousVersion: 1 })]);
  });

  it("lets exactly one of two editors who started from the same version win", async () => {
    const { admin, head } = await people();
    const code = newCode();
    await saveTemplateVersion({ db, actor: admin, input: input(code, null) });
    const results = await Promise.allSettled([
      saveTemplateVersion({ db, actor: admin, input: input(code, 1, { title: "Par l'administrateur" }) }),
      saveTemplateVersion({ db, actor: head, input: input(code, 1, { title: "Par le chef de service" }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect(lost?.reason).toMatchObject({ code: "REPORT_CONFLICT", details: { latestVersion: 2 } });
    expect(await db.reportTemplate.count({ where: { code } })).toBe(2);
  });

  it("answers a bad definition with 400 and the path of the field at fault, writing nothing", async () => {
    const { admin } = await people();
    const asAdmin = createCaller({ db, actor: admin });
    const code = newCode();
    const duplicate = definition();
    duplicate.sections[1]!.fields.push({ id: "findings", label: "Encore", kind: "yesno" });
    expect(await failure(asAdmin.templates.save(input(code, null, { definition: duplicate })))).toMatchObject({
      status: 400,
      fieldErrors: { "definition.sections.1.fields.1.id": "templates.validation.duplicateField" },
    });
    const badChoice = definition();
    badChoice.sections[0]!.fields.push({ id: "side", label: "Côté", kind: "choice", options: ["Droit", "Gauche"], default: "Les deux" });
    expect(await failure(asAdmin.templates.save(input(code, null, { definition: badChoice })))).toMatchObject({
      status: 400,
      fieldErrors: { "definition.sections.0.fields.1.default": "templates.validation.defaultNotAnOption" },
    });
    // The regulatory block's ids belong to the product: a template may not fake or shadow them.
    const shadowing = definition();
    shadowing.sections[0]!.fields.push({ id: "reg_dose", label: "Dose", kind: "number", unit: "mGy" });
    expect(await failure(asAdmin.templates.save(input(code, null, { definition: shadowing })))).toMatchObject({
      status: 400,
      fieldErrors: { "definition.sections.0.fields.1.id": "templates.validation.reservedId" },
    });
    expect(await failure(asAdmin.templates.save(input("Pas un code", null)))).toMatchObject({ status: 400, fieldErrors: { code: "validation.id" } });
    expect(await failure(asAdmin.templates.save(input(code, null, { title: " " })))).toMatchObject({ status: 400, fieldErrors: { title: "validation.required" } });
    expect(await failure(asAdmin.templates.save(input(code, null, { definition: { sections: [] } as unknown as TemplateDefinition })))).toMatchObject({ status: 400 });
    expect(await db.reportTemplate.count({ where: { code } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "TEMPLATE_VERSION_SAVED", actorId: admin.id } })).toBe(0);
  });

  it("is for administrators and department heads only", async () => {
    const { head, radiologist } = await people();
    const code = newCode();
    expect(await createCaller({ db, actor: head }).templates.save(input(code, null))).toMatchObject({ version: 1 });
    const asRadiologist = createCaller({ db, actor: radiologist });
    expect(await failure(asRadiologist.templates.list())).toMatchObject({ status: 403 });
    expect(await failure(asRadiologist.templates.versions({ code }))).toMatchObject({ status: 403 });
    expect(await failure(asRadiologist.templates.save(input(code, 1)))).toMatchObject({ status: 403 });
    expect(await failure(asRadiologist.templates.setActive({ code, active: false }))).toMatchObject({ status: 403 });
    await expect(saveTemplateVersion({ db, actor: radiologist, input: input(code, 1) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.reportTemplate.findMany({ where: { code }, select: { version: true, active: true } })).toEqual([{ version: 1, active: true }]);
    expect(await failure(createCaller({ db, actor: head }).templates.versions({ code: newCode() }))).toMatchObject({ status: 404 });
  });
});

describe("templates offered to the radiologist", () => {
  it("offers the latest version of each active code for the purpose; deactivating hides the code", async () => {
    const { admin } = await people();
    const asAdmin = createCaller({ db, actor: admin });
    const [report, opinion] = [newCode(), newCode()];
    await asAdmin.templates.save(input(report, null));
    const v2 = await asAdmin.templates.save(input(report, 1, { title: "Scanner v2" }));
    const avis = await asAdmin.templates.save(input(opinion, null, { purpose: "OPINION", title: "Avis de test" }));
    const mine = (summaries: { code: string }[]) => summaries.filter((s) => s.code === report || s.code === opinion);

    expect(mine(await listActiveTemplates(db, "REPORT"))).toEqual([{ id: v2.id, code: report, version: 2, title: "Scanner v2", purpose: "REPORT", modality: "CT" }]);
    expect(mine(await listActiveTemplates(db, "OPINION"))).toEqual([{ id: avis.id, code: opinion, version: 1, title: "Avis de test", purpose: "OPINION", modality: "CT" }]);

    expect(await asAdmin.templates.setActive({ code: report, active: false })).toEqual({ code: report, active: false });
    expect(mine(await listActiveTemplates(db, "REPORT"))).toEqual([]);
    expect(await db.reportTemplate.count({ where: { code: report, active: true } })).toBe(0);
    // A new version of a hidden code stays hidden until it is reactivated.
    const v3 = await asAdmin.templates.save(input(report, 2, { title: "Scanner v3" }));
    expect(mine(await listActiveTemplates(db, "REPORT"))).toEqual([]);
    expect((await asAdmin.templates.list()).find((t) => t.code === report)).toMatchObject({ active: false, latestVersion: 3 });
    await asAdmin.templates.setActive({ code: report, active: true });
    expect(mine(await listActiveTemplates(db, "REPORT"))).toEqual([{ id: v3.id, code: report, version: 3, title: "Scanner v3", purpose: "REPORT", modality: "CT" }]);

    const audit = await db.auditLog.findMany({ where: { action: "TEMPLATE_ACTIVE_CHANGED", actorId: admin.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.detail)).toEqual([
      expect.objectContaining({ code: report, active: false, before: true }),
      expect.objectContaining({ code: report, active: true, before: false }),
    ]);
    expect(await failure(asAdmin.templates.setActive({ code: newCode(), active: false }))).toMatchObject({ status: 404 });
  });
});
