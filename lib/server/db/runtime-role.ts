import pg from "pg";

// Two database roles: the owner runs migrations and owns the tables; the server runs as a role
// with data rights only. A role that owns a table can ALTER it (disable its append-only
// triggers); a superuser can also SET session_replication_role = replica, which silences every
// trigger. The run-time role can do neither, so the legal trace stays append-only even for a
// compromised server process.

/** The run-time role the embedded cluster creates. An external database names its own in DATABASE_URL. */
export const EMBEDDED_RUNTIME_ROLE = "teleradio_app";

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates the login role, or sets its password again (the password file is the reference). Run as a superuser. */
export async function ensureRuntimeRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const verb = found.rowCount === 0 ? "CREATE" : "ALTER";
    await client.query(
      `${verb} ROLE ${client.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
  });
}

/**
 * Gives `role` what the server needs on the database `ownerUrl` names, after migrations (so
 * that the tables a migration just created are included): reading and writing rows, and only
 * appending to the tables whose triggers make them append-only. Nothing on the migrations'
 * own table. Idempotent; run as the owner at every start.
 */
export async function grantRuntimePrivileges(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const who = client.escapeIdentifier(role);
    const { rows } = await client.query<{ database: string; schema: string }>(`SELECT current_database() AS database, current_schema() AS schema`);
    const database = client.escapeIdentifier(rows[0]!.database);
    const schema = client.escapeIdentifier(rows[0]!.schema);
    // The trace tables: those the append_only_trace migration's function guards row by row.
    const appendOnly = await client.query<{ name: string }>(
      `SELECT DISTINCT c.relname AS name
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE p.proname = 'refuse_trace_rewrite' AND c.relnamespace = current_schema()::regnamespace AND (t.tgtype & 1) = 1`,
    );
    await client.query("BEGIN");
    try {
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${who}`);
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${who}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${who}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${who}`);
      await client.query(`REVOKE ALL ON TABLE ${schema}."_prisma_migrations" FROM ${who}`);
      for (const table of appendOnly.rows) {
        await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${schema}.${client.escapeIdentifier(table.name)} FROM ${who}`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

export interface RoleStanding {
  name: string;
  superuser: boolean;
  /** Owns the audit log: it could ALTER the table and disable its triggers. */
  ownsTables: boolean;
}

/** What the role a URL connects as could do to the trace, for the warning at start. */
export async function roleStanding(url: string): Promise<RoleStanding> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<RoleStanding>(
      `SELECT current_user AS name, r.rolsuper AS superuser,
              COALESCE((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c
                         WHERE c.relname = 'AuditLog' AND c.relnamespace = current_schema()::regnamespace), false) AS "ownsTables"
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return rows[0]!;
  });
}

/** The role a postgresql:// URL signs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
