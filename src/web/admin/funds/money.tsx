import { Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { formatYuan, type ParseOptions, parseYuan } from '../../../shared/rules/money';

/** A form rule: the text must be a yuan amount with at most two decimals (see shared/rules/money.ts). */
export function yuanRules(required: string, opts: ParseOptions = {}): Rule[] {
  return [
    { required: true, message: required },
    {
      validator: async (_rule, value: string | undefined) => {
        if (value === undefined || value === '') return;
        const r = parseYuan(value, opts);
        if (!r.ok) throw new Error(r.error);
      },
    },
  ];
}

/** The fen of a validated yuan field. */
export function fenOf(value: string, opts: ParseOptions = {}): number {
  const r = parseYuan(value, opts);
  if (!r.ok) throw new Error(r.error);
  return r.fen;
}

/** A yuan text input: decimal keyboard on phones, "元" after the number. */
export function YuanInput(props: { value?: string; onChange?: (e: React.ChangeEvent<HTMLInputElement>) => void; id?: string; placeholder?: string }) {
  return <Input {...props} inputMode="decimal" autoComplete="off" suffix="元" placeholder={props.placeholder ?? '如 1234.50'} style={{ maxWidth: 260 }} />;
}

/** An amount in yuan, right-aligned digits; red (and marked) when `danger`. */
export function Yuan({ fen, danger, strong }: { fen: number; danger?: boolean; strong?: boolean }) {
  return (
    <Typography.Text type={danger ? 'danger' : undefined} strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatYuan(fen)}
    </Typography.Text>
  );
}
