import type { DirectoryUser } from '../../shared/directory';
import type { Queryable } from '../db/db';

/** Id, user name and display name of every account of these offices (disabled ones too), by user name. */
export async function listDirectory(q: Queryable, offices: readonly string[] | 'all'): Promise<DirectoryUser[]> {
  const { rows } = await q.query<{ id: string; username: string; display_name: string }>(
    offices === 'all'
      ? 'SELECT id, username, display_name FROM users ORDER BY username'
      : 'SELECT id, username, display_name FROM users WHERE office_id = ANY($1::text[]) ORDER BY username',
    offices === 'all' ? [] : [[...offices]],
  );
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name }));
}
