import { createContext, useContext } from 'react';

import type { ObhutClient } from '../data/client';

export const ClientContext = createContext<ObhutClient | null>(null);

export function useClient(): ObhutClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside a logged-in session');
  return client;
}
