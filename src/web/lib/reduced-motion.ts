import { useSyncExternalStore } from 'react';

/**
 * The person's "reduce motion" setting (系统设置 → 辅助功能 → 减弱动态效果): the console then opens
 * dialogs, menus and messages without zooming or sliding them (antd's `motion` token), and base.css
 * stops CSS transitions. Some older users and people with vestibular disorders set it; it follows a
 * change made while the page is open.
 */
const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(QUERY).matches,
    () => false,
  );
}
