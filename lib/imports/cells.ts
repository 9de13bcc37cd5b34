import { FORMULA_CELL } from './read';

/** One problem in one row, as the report shows it: the file's line, the column's header, why. */
export type Issue = { line: number; column: string; message: string };

export type ColumnDef = {
  key: string;
  /** the header in the file and in the template */
  header: string;
  required: boolean;
  /** a value for the template's example row */
  example: string;
  /** other headers the ordering system or an old template may use */
  aliases?: string[];
};

/** Headers compare without spaces and with full-width brackets made half-width: 金额（元） = 金额(元). */
export const normaliseHeader = (h: string) =>
  h
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

const EXCEL_SCIENTIFIC = /^\d+(\.\d+)?E\+\d+$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

const formulaMessage = (v: string) => `以“${v[0] === '\t' ? '制表符' : v[0]}”开头，疑似公式；请去掉开头的符号，或把单元格改为纯文本后再导入`;

/**
 * Reads one row's cells by column key, collecting an Issue for each bad cell. Each reader returns
 * undefined for a bad or (optional and) empty cell; a row with any issue is not imported.
 */
export class RowReader {
  readonly issues: Issue[] = [];

  constructor(
    readonly line: number,
    private readonly cells: string[],
    private readonly index: Map<string, number>,
    private readonly headers: Map<string, string>,
  ) {}

  has(key: string) {
    return this.index.has(key);
  }

  raw(key: string): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (this.cells[i] ?? '');
  }

  fail(key: string, message: string) {
    this.issues.push({ line: this.line, column: this.headers.get(key) ?? key, message });
    return undefined;
  }

  private present(key: string, required: boolean): string | undefined {
    const v = this.raw(key);
    if (v === FORMULA_CELL) return this.fail(key, '单元格是公式且没有计算结果，请复制后“选择性粘贴为数值”再导入');
    if (v === '') return required ? this.fail(key, '不能为空') : undefined;
    return v;
  }

  text(key: string, opts: { required?: boolean; max: number; pattern?: RegExp; patternMessage?: string }): string | undefined {
    const v = this.present(key, opts.required ?? true);
    if (v === undefined) return undefined;
    if (opts.pattern) {
      if (EXCEL_SCIENTIFIC.test(v)) return this.fail(key, `被 Excel 显示成了科学计数法（${v}），请把该列设为文本格式后重新保存`);
      if (!opts.pattern.test(v)) return this.fail(key, FORMULA_START.test(v) ? formulaMessage(v) : (opts.patternMessage ?? '格式不正确'));
      return v;
    }
    if (FORMULA_START.test(v)) return this.fail(key, formulaMessage(v));
    if (v.length > opts.max) return this.fail(key, `不能超过 ${opts.max} 个字`);
    return v;
  }

  private number(key: string, v: string): number | undefined {
    const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v) ? v.replace(/,/g, '') : v;
    if (!/^[+-]?\d+(\.\d+)?$/.test(plain)) {
      if (/^[=@]/.test(v) || (/^[+-]/.test(v) && !/^[+-][\d.]/.test(v))) return this.fail(key, formulaMessage(v));
      return this.fail(key, `应为数字，不能是“${v.length > 20 ? `${v.slice(0, 20)}…` : v}”`);
    }
    return Number(plain);
  }

  int(key: string, opts: { required?: boolean; min?: number; max: number; unit?: string }): number | undefined {
    const v = this.present(key, opts.required ?? true);
    if (v === undefined) return undefined;
    const n = this.number(key, v);
    if (n === undefined) return undefined;
    const unit = opts.unit ?? '';
    if (n < 0 && (opts.min ?? 0) >= 0) return this.fail(key, '不能为负数');
    if (!Number.isInteger(n)) return this.fail(key, `应为整数${unit ? `（${unit}）` : ''}`);
    if (opts.min !== undefined && n < opts.min) return this.fail(key, `不能小于 ${opts.min}${unit}`);
    if (n > opts.max) return this.fail(key, `数值过大：不能超过 ${opts.max.toLocaleString('en-US')}${unit}`);
    return n;
  }

  /** 元 with up to two decimals → integer 分. */
  money(key: string, opts: { required?: boolean; max: number; positive?: boolean }): number | undefined {
    const v = this.present(key, opts.required ?? true);
    if (v === undefined) return undefined;
    const n = this.number(key, v);
    if (n === undefined) return undefined;
    if (n < 0) return this.fail(key, '不能为负数');
    if (opts.positive && n === 0) return this.fail(key, '应大于 0');
    if (!/^[+]?[\d,]+(\.\d{1,2})?$/.test(v)) return this.fail(key, '金额最多保留两位小数（元）');
    if (n > opts.max) return this.fail(key, `数值过大：不能超过 ${opts.max.toLocaleString('en-US')} 元`);
    return Math.round(n * 100);
  }

  date(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.present(key, opts.required ?? true);
    if (v === undefined) return undefined;
    const d = parseDay(v);
    if (d === 'bad' && FORMULA_START.test(v)) return this.fail(key, formulaMessage(v));
    if (d === 'bad') return this.fail(key, `“${v}”不是有效日期，应为 YYYY-MM-DD，如 2026-11-05`);
    if (d === 'range') return this.fail(key, `日期 ${v} 超出范围（2000–2099 年）`);
    return d;
  }

  /** A month as its first day; accepts 2026-11, 2026/11, 202611 or any day in it. */
  month(key: string): string | undefined {
    const v = this.present(key, true);
    if (v === undefined) return undefined;
    const m = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(v);
    const d = m ? parseDay(`${m[1]}-${m[2]}-01`) : parseDay(v);
    if (d === 'bad' && FORMULA_START.test(v)) return this.fail(key, formulaMessage(v));
    if (d === 'bad') return this.fail(key, `“${v}”不是有效月份，应为 YYYY-MM，如 2026-11`);
    if (d === 'range') return this.fail(key, `月份 ${v} 超出范围（2000–2099 年）`);
    return `${d.slice(0, 7)}-01`;
  }

  /** One of the listed words; `shown` are the words the message offers (the first synonyms). */
  choice<T extends string>(key: string, options: Record<string, T>, opts: { required?: boolean; shown?: string[] } = {}): T | undefined {
    const v = this.present(key, opts.required ?? true);
    if (v === undefined) return undefined;
    const hit = Object.hasOwn(options, v) ? options[v] : undefined;
    if (hit === undefined && FORMULA_START.test(v)) return this.fail(key, formulaMessage(v));
    if (hit === undefined) return this.fail(key, `“${v}”不是可选值，应为：${(opts.shown ?? Object.keys(options)).join('、')}`);
    return hit;
  }

  flag(key: string): boolean | undefined {
    const v = this.choice(key, YES_NO, { required: false, shown: ['是', '否'] });
    return v === undefined ? undefined : v === 'yes';
  }
}

const YES_NO: Record<string, 'yes' | 'no'> = { 是: 'yes', 否: 'no', Y: 'yes', N: 'no', y: 'yes', n: 'no', '1': 'yes', '0': 'no', TRUE: 'yes', FALSE: 'no' };

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or 2026年11月5日, optionally with a time Excel added. */
export function parseDay(v: string): string | 'bad' | 'range' {
  const s = v.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return 'bad';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'bad';
  if (y < 2000 || y > 2099) return 'range';
  return date.toISOString().slice(0, 10);
}
