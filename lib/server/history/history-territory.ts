import "server-only";
import type pg from "pg";
import { BACKUP_POOL, POOL_SIZES } from "./history-rota";
import type { Rng } from "./history-sql";
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, HISTORY_AGREEMENTS, HISTORY_SITES, MALE_GIVEN_NAMES, STAFF_NAMES } from "./history-territory-model";

// Sites, agreements (SiteGroup), people and reading privileges of the generated territory.
// Ids are derived from the seed with the same SQL expressions the request plans use, so a
// request names its site, requester and reader without looking them up.

export const HISTORY_EMAIL_DOMAIN = "historique.teleradio.test";

export interface TerritoryCounts {
  sites: number;
  groups: number;
  referrers: number;
  radiographers: number;
  radiologists: number;
  privileges: number;
  /** The department head's account, to look at the dashboards of the generated data. */
  headEmail: string;
}

interface UserRow {
  kind: string;
  a: number;
  b: number;
  email: string;
  displayName: string;
  role: string;
  siteIndex: number | null;
}

/** Seed 1 keeps plain codes; other seeds suffix them so several histories can coexist. */
function suffixOf(seed: number): { code: string; mail: string; name: string } {
  return seed === 1 ? { code: "", mail: "", name: "" } : { code: `-${seed}`, mail: `.${seed}`, name: ` (${seed})` };
}

function staffRows(seed: number): UserRow[] {
  const suffix = suffixOf(seed);
  const rows: UserRow[] = [];
  let person = 0;
  const civilName = () => {
    const n = person++;
    const given = n % 2 === 0 ? FEMALE_GIVEN_NAMES[n % FEMALE_GIVEN_NAMES.length] : MALE_GIVEN_NAMES[n % MALE_GIVEN_NAMES.length];
    return `${given} ${FAMILY_NAMES[(n * 7) % FAMILY_NAMES.length]}`;
  };
  HISTORY_SITES.forEach((site, s) => {
    const code = site.code.toLowerCase();
    for (let k = 0; k < site.referrers; k++) {
      rows.push({ kind: "ref", a: s, b: k, email: `urgences.${code}.${k + 1}${suffix.mail}@${HISTORY_EMAIL_DOMAIN}`, displayName: `Dr ${civilName()}`, role: "REFERRER", siteIndex: s });
    }
    for (let k = 0; k < site.radiographers; k++) {
      rows.push({ kind: "mer", a: s, b: k, email: `manip.${code}.${k + 1}${suffix.mail}@${HISTORY_EMAIL_DOMAIN}`, displayName: `${civilName()} (MERM)`, role: "RADIOGRAPHER", siteIndex: s });
    }
  });
  let radiologist = 0;
  POOL_SIZES.forEach((size, pool) => {
    for (let index = 0; index < size; index++) {
      const name = STAFF_NAMES[radiologist % STAFF_NAMES.length] ?? "Radiologue";
      rows.push({ kind: "rad", a: pool, b: index, email: `radio.${radiologist + 1}${suffix.mail}@${HISTORY_EMAIL_DOMAIN}`, displayName: `Dr ${name}`, role: "RADIOLOGIST", siteIndex: null });
      radiologist++;
    }
  });
  rows.push({ kind: "head", a: 0, b: 0, email: `chef.service${suffix.mail}@${HISTORY_EMAIL_DOMAIN}`, displayName: `Pr Marc Lefèvre${suffix.name}`, role: "DEPARTMENT_HEAD", siteIndex: null });
  return rows;
}

export async function insertTerritory(client: pg.ClientBase, rng: Rng, args: { seed: number; passwordHash: string; createdAt: Date }): Promise<TerritoryCounts> {
  const suffix = suffixOf(args.seed);
  const groups = HISTORY_AGREEMENTS.map((agreement, g) => ({ g, name: `${agreement.name}${suffix.name}` }));
  await client.query(
    `INSERT INTO "SiteGroup" ("id", "name") SELECT ${rng.uuid("'group'", "x.g")}, x.name FROM jsonb_to_recordset($1::jsonb) AS x(g int, name text)`,
    [JSON.stringify(groups)],
  );
  const sites = HISTORY_SITES.map((site, s) => ({ s, g: site.agreement, code: `${site.code}${suffix.code}`, name: `${site.name}${suffix.name}`, informs: site.informsPatient }));
  await client.query(
    `INSERT INTO "Site" ("id", "code", "name", "kind", "createdAt", "autoAssign", "patientInformationPolicy", "groupId")
     SELECT ${rng.uuid("'site'", "x.s")}, x.code, x.name, 'HOSPITAL', $2, false,
            (CASE WHEN x.informs THEN 'REQUIRED' ELSE 'NOT_REQUIRED' END)::"PatientInformationPolicy", ${rng.uuid("'group'", "x.g")}
       FROM jsonb_to_recordset($1::jsonb) AS x(s int, g int, code text, name text, informs boolean)`,
    [JSON.stringify(sites), args.createdAt],
  );
  const users = staffRows(args.seed);
  await client.query(
    `INSERT INTO "User" ("id", "email", "displayName", "role", "siteId", "passwordHash", "active", "createdAt")
     SELECT ${rng.uuid("x.kind", "x.a", "x.b")}, x.email, x.display_name, x.role::"Role",
            CASE WHEN x.site_index IS NULL THEN NULL ELSE ${rng.uuid("'site'", "x.site_index")} END, $2, true, $3
       FROM jsonb_to_recordset($1::jsonb) AS x(kind text, a int, b int, email text, display_name text, role text, site_index int)`,
    [JSON.stringify(users.map((u) => ({ kind: u.kind, a: u.a, b: u.b, email: u.email, display_name: u.displayName, role: u.role, site_index: u.siteIndex }))), args.passwordHash, args.createdAt],
  );
  // An agreement's pool reads for its sites; the backups read for every site.
  const privileges = users
    .filter((u) => u.kind === "rad")
    .flatMap((u) => HISTORY_SITES.flatMap((site, s) => (u.a === BACKUP_POOL || site.agreement === u.a ? [{ a: u.a, b: u.b, s }] : [])));
  await client.query(
    `INSERT INTO "ReadingPrivilege" ("id", "userId", "siteId", "createdAt")
     SELECT ${rng.uuid("'privilege'", "x.a", "x.b", "x.s")}, ${rng.uuid("'rad'", "x.a", "x.b")}, ${rng.uuid("'site'", "x.s")}, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(a int, b int, s int)`,
    [JSON.stringify(privileges), args.createdAt],
  );
  const count = (role: string) => users.filter((u) => u.role === role).length;
  return {
    sites: sites.length,
    groups: groups.length,
    referrers: count("REFERRER"),
    radiographers: count("RADIOGRAPHER"),
    radiologists: count("RADIOLOGIST"),
    privileges: privileges.length,
    headEmail: users.find((u) => u.role === "DEPARTMENT_HEAD")?.email ?? "",
  };
}
