import "server-only";
import type pg from "pg";

// Bulk-load settings of the history generator, as pg_restore does it: secondary indexes are
// built once after the rows are in (maintaining a random-keyed b-tree row by row costs more
// than sorting once), and foreign-key checks are skipped when the role may, since every
// reference points at rows the same transaction wrote (the integration test checks them).
// Everything happens inside the generator's transaction: a failure restores the indexes.

export interface DroppedIndex {
  name: string;
  definition: string;
}

/** Drops the indexes of `tables` that back no constraint; returns what to build again. */
export async function dropSecondaryIndexes(client: pg.ClientBase, tables: readonly string[]): Promise<DroppedIndex[]> {
  const { rows } = await client.query<DroppedIndex>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables.map((table) => `"${table}"`)],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return rows;
}

export async function recreateIndexes(client: pg.ClientBase, indexes: readonly DroppedIndex[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
}

/**
 * Skips triggers, foreign-key checks included, for this session (superusers only, such as the
 * embedded PostgreSQL's). Returns false when the role may not: the load then checks them.
 */
export async function skipTriggersIfAllowed(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ allowed: boolean }>(`SELECT rolsuper AS allowed FROM pg_roles WHERE rolname = current_user`);
  if (!rows[0]?.allowed) return false;
  await client.query(`SET session_replication_role = replica`);
  return true;
}

export async function restoreTriggers(client: pg.ClientBase): Promise<void> {
  await client.query(`SET session_replication_role = DEFAULT`);
}
