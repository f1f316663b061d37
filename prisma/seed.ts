// `npm run db:seed`: seeds the demo territory into DATABASE_URL, on request only.
import { createDbClient } from "../lib/server/db/client";
import { demoAccountsText, seedDemoTerritory } from "./seed-demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` seeds the embedded demo database by itself.)");
  process.exit(2);
}
const db = createDbClient(url, 2);
try {
  await seedDemoTerritory(db);
  console.log(demoAccountsText());
} finally {
  await db.$disconnect();
}
