import { useEffect } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * antd tables leave two things keyboard and screen-reader users trip over (axe: serious):
 * - a table with `scroll.x` scrolls sideways inside a div that cannot be focused, so the columns
 *   past the edge cannot be reached without a mouse: give that div a tab stop and a name;
 * - the hidden row antd uses to measure column widths (`aria-hidden`) repeats the header's
 *   buttons (sorters, filters, tooltips): take it out of the tab order (`inert`, tabindex -1).
 * antd offers no props for either inner element, so one observer fixes every table of the area.
 */
function fixTables(root: HTMLElement) {
  for (const row of root.querySelectorAll<HTMLElement>('.ant-table-measure-row')) {
    row.inert = true;
    for (const el of row.querySelectorAll<HTMLElement>(FOCUSABLE)) el.tabIndex = -1;
  }
  const scrollers = root.querySelectorAll<HTMLElement>('.ant-table-scroll-horizontal .ant-table-content, .ant-table-scroll-horizontal .ant-table-body');
  for (const el of scrollers) {
    if (el.hasAttribute('tabindex')) continue;
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', '表格（可左右滚动查看更多列）');
  }
}

export function useAccessibleTables() {
  useEffect(() => {
    let pending = 0;
    const run = () => {
      pending = 0;
      fixTables(document.body);
    };
    run();
    const observer = new MutationObserver(() => {
      if (!pending) pending = window.requestAnimationFrame(run);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      if (pending) window.cancelAnimationFrame(pending);
    };
  }, []);
}
