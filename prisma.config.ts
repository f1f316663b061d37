import { defineConfig } from "prisma/config";

// Prisma 7 keeps connection URLs out of schema.prisma. Only CLI commands read this file;
// at run time the client connects through the pg driver adapter (lib/server/db.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
