// `npm run db:migrate`: applies pending migrations to an external server, as the owner
// (DATABASE_OWNER_URL, else DATABASE_URL), then grants DATABASE_URL's role its run-time rights.
import { applyMigrations } from "../../lib/server/db/apply-migrations";
import { grantRuntimePrivileges, roleOfUrl } from "../../lib/server/db/runtime-role";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` applies migrations to the embedded database by itself.)");
  process.exit(2);
}
const ownerUrl = process.env.DATABASE_OWNER_URL ?? url;
const applied = await applyMigrations(ownerUrl);
console.log(applied.length > 0 ? `applied: ${applied.join(", ")}` : "database is up to date");
if (roleOfUrl(ownerUrl) !== roleOfUrl(url)) {
  await grantRuntimePrivileges(ownerUrl, roleOfUrl(url));
  console.log(`granted the run-time rights to ${roleOfUrl(url)}`);
}
