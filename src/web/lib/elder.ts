import { useCallback, useSyncExternalStore } from 'react';

/**
 * 长辈版 (MIIT 适老化): a display preference, not personal data, so it may live in localStorage.
 * Shared by every mobile page and the login page through one tiny external store.
 */
const KEY = 'shijian.elderMode';
const listeners = new Set<() => void>();
let memory = false;

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return memory;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function setElderMode(on: boolean): void {
  memory = on;
  try {
    if (on) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    // Private mode without storage: the switch still works for this page view.
  }
  for (const listener of listeners) listener();
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((value: boolean) => setElderMode(value), []);
  return [on, set];
}
