import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/support/db';

/**
 * `db/schema.ts` is written by hand next to frozen migrations; nothing else stops the two from
 * drifting (a column added in a migration but typed nowhere, a nullable column typed as required).
 * This reads the interfaces with the TypeScript compiler and compares them with what the migrations
 * actually built, on SQLite and on PostgreSQL.
 */
interface Column {
  nullable: boolean;
  primaryKey?: boolean;
}
type Tables = Map<string, Map<string, Column>>;

function declaredTables(): Tables {
  const file = path.resolve(__dirname, 'schema.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const tables: Tables = new Map();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const tableName = member.name.getText(source);
    const typeName = member.type.getText(source);
    const table = interfaces.get(typeName);
    if (!table) throw new Error(`schema.ts: ${tableName} names ${typeName}, which is not declared`);
    const columns = new Map<string, Column>();
    for (const col of table.members) {
      if (!ts.isPropertySignature(col) || !col.type) continue;
      const text = col.type.getText(source);
      columns.set(col.name.getText(source), { nullable: /\bnull\b/.test(text) || Boolean(col.questionToken) });
    }
    tables.set(tableName, columns);
  }
  return tables;
}

describe('db/schema.ts matches the migrated database', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let built: Tables;
  beforeAll(async () => {
    db = await freshDb();
    built = new Map();
    for (const t of await db.handle.db.introspection.getTables()) {
      if (t.isView || t.name.startsWith('kysely_')) continue;
      const keys = new Set<string>();
      if (db.handle.dialect === 'sqlite') {
        const info = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${t.name})`.execute(db.handle.db);
        for (const r of info.rows) if (r.pk > 0) keys.add(r.name);
      }
      built.set(t.name, new Map(t.columns.map((c) => [c.name, { nullable: c.isNullable, primaryKey: keys.has(c.name) }])));
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('declares exactly the tables the migrations create', () => {
    expect([...declaredTables().keys()].sort()).toEqual([...built.keys()].sort());
  });

  it('declares every column of every table, with the nullability the database enforces', () => {
    const drift: string[] = [];
    for (const [table, columns] of declaredTables()) {
      const actual = built.get(table);
      if (!actual) continue;
      for (const [name, col] of columns) {
        const real = actual.get(name);
        if (!real) drift.push(`${table}.${name}: declared, not in the database`);
        // A column the database may leave null must be typed `| null`. SQLite reports a non-integer
        // primary key as nullable (a quirk it keeps for compatibility); the app never writes null there.
        else if (real.nullable && !col.nullable && !real.primaryKey) {
          drift.push(`${table}.${name}: nullable in the database, typed as required`);
        } else if (!real.nullable && col.nullable) drift.push(`${table}.${name}: NOT NULL in the database, typed as nullable`);
      }
      for (const name of actual.keys()) if (!columns.has(name)) drift.push(`${table}.${name}: in the database, not declared`);
    }
    expect(drift).toEqual([]);
  });
});
