import { useEffect } from 'react';

const PRODUCT = '实践 · 新时代文明实践平台';

export function useTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} - ${PRODUCT}` : PRODUCT;
  }, [title]);
}

export const PRODUCT_NAME = PRODUCT;
