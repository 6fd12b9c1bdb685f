import { createContext, useContext } from 'react';
import type { SessionView } from '../../shared/accounts';

export const AdminSessionContext = createContext<SessionView | null>(null);

/** The signed-in staff member; only valid inside the admin shell, which guarantees a session. */
export function useAdminSession(): SessionView {
  const session = useContext(AdminSessionContext);
  if (!session) throw new Error('useAdminSession outside the admin shell');
  return session;
}
