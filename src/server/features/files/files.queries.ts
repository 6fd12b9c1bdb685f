import type { FilesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertFile(db: DbOrTrx, row: FilesTable) {
  return db.insertInto('files').values(row).execute();
}

export function getFile(db: DbOrTrx, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getFiles(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as FilesTable[]);
  return db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
}
