import type { ThemeConfig } from 'antd';

export const BRAND = '#c7000b';

/**
 * antd's default secondary greys (45 % black) fall below the 4.5:1 contrast WCAG AA asks for;
 * darker greys keep descriptions, placeholders and table captions readable.
 */
export const adminTheme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorLink: BRAND,
    colorInfo: '#1d4ed8',
    colorError: '#c7000b',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    colorBgLayout: '#f5f6f8',
    borderRadius: 6,
    fontSize: 14,
    fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Segoe UI", sans-serif',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f5f6f8',
      headerHeight: 56,
      headerPadding: '0 24px',
      triggerBg: '#ffffff',
      triggerColor: '#1f2329',
    },
    Menu: { itemSelectedBg: '#fff1f0', itemSelectedColor: BRAND, itemBorderRadius: 6 },
    Table: { headerBg: '#f7f8fa' },
  },
};
