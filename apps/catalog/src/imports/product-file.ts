import { validatePlain, describeProblems } from '@shopops/contracts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CreateProductInput } from '../products/dto/create-product.input';

/** One product parsed from a file, or why its rows could not be read. */
export type ParsedProduct = { rows: number[]; code: string; input: CreateProductInput } | { rows: number[]; code: string | null; error: string };

export const CSV_COLUMNS = [
  'productCode',
  'title',
  'subtitle',
  'categoryCode',
  'brand',
  'keywords',
  'tags',
  'portfolioRole',
  'skuCode',
  'listPriceFen',
  'color',
  'size',
  'barcode',
  'weightGrams',
] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

const list = (value: string | undefined) =>
  value
    ? value
        .split('|')
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;
const int = (value: string | undefined) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN);
const text = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** CSV: one row per SKU, product fields on each row (the first row's win); `|` separates list items. */
export function parseProductCsv(content: string): ParsedProduct[] {
  let records: CsvRow[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    return [{ rows: [1], code: null, error: `not readable as CSV: ${(error as Error).message}` }];
  }
  const groups = new Map<string, { rows: number[]; records: CsvRow[] }>();
  const parsed: ParsedProduct[] = [];
  records.forEach((record, i) => {
    const row = i + 2;
    const code = text(record.productCode);
    if (!code) return parsed.push({ rows: [row], code: null, error: 'productCode is required' });
    const group = groups.get(code) ?? { rows: [], records: [] };
    group.rows.push(row);
    group.records.push(record);
    groups.set(code, group);
  });
  for (const [code, group] of groups) {
    const first = group.records[0];
    const plain = {
      code,
      title: text(first.title),
      subtitle: text(first.subtitle),
      categoryCode: text(first.categoryCode),
      brand: text(first.brand),
      keywords: list(first.keywords),
      tags: list(first.tags),
      portfolioRole: text(first.portfolioRole),
      skus: group.records.map((r) => ({
        code: text(r.skuCode),
        listPriceFen: int(r.listPriceFen),
        options: [...(text(r.color) ? [{ name: 'colour', value: text(r.color) }] : []), ...(text(r.size) ? [{ name: 'size', value: text(r.size) }] : [])],
        barcode: text(r.barcode),
        weightGrams: int(r.weightGrams),
      })),
    };
    parsed.push(checked(group.rows, code, withoutUndefined(plain)));
  }
  return parsed.sort((a, b) => a.rows[0] - b.rows[0]);
}

/** JSON: an array of createProduct inputs. */
export function parseProductJson(content: string): ParsedProduct[] {
  let items: unknown;
  try {
    items = JSON.parse(content);
  } catch (error) {
    return [{ rows: [1], code: null, error: `not valid JSON: ${(error as Error).message}` }];
  }
  if (!Array.isArray(items)) return [{ rows: [1], code: null, error: 'must be a JSON array of products' }];
  return items.map((item, i) => {
    const code = item && typeof item === 'object' && typeof (item as { code?: unknown }).code === 'string' ? (item as { code: string }).code : null;
    return checked([i + 1], code, item);
  });
}

function checked(rows: number[], code: string | null, plain: unknown): ParsedProduct {
  const result = validatePlain(CreateProductInput, plain);
  if (!result.ok) return { rows, code, error: describeProblems(result.problems) };
  const repeated = result.value.skus.map((s) => s.code).filter((c, i, all) => all.indexOf(c) !== i);
  if (repeated.length) return { rows, code, error: `SKU code repeated: ${[...new Set(repeated)].join(', ')}` };
  return { rows, code: code ?? result.value.code, input: result.value };
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface ExportProduct {
  code: string;
  title: string;
  subtitle: string | null;
  category_code: string | null;
  brand: string | null;
  keywords: string[];
  tags: string[];
  portfolio_role: string;
  skus: Array<{ code: string; list_price_fen: number; options: Array<{ name: string; value: string }>; barcode: string | null; weight_grams: number | null }>;
}

/** The same shape import reads, so an export can be edited and imported elsewhere. */
export function productsToCsv(products: ExportProduct[]): string {
  const option = (s: ExportProduct['skus'][number], name: string) => s.options.find((o) => o.name === name)?.value ?? '';
  return stringify(
    products.flatMap((p) =>
      p.skus.map((s) => [
        p.code,
        p.title,
        p.subtitle ?? '',
        p.category_code ?? '',
        p.brand ?? '',
        p.keywords.join('|'),
        p.tags.join('|'),
        p.portfolio_role,
        s.code,
        s.list_price_fen,
        option(s, 'colour'),
        option(s, 'size'),
        s.barcode ?? '',
        s.weight_grams ?? '',
      ]),
    ),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

export function productsToJson(products: ExportProduct[]): string {
  return JSON.stringify(
    products.map((p) =>
      withoutUndefined({
        code: p.code,
        title: p.title,
        subtitle: p.subtitle ?? undefined,
        categoryCode: p.category_code ?? undefined,
        brand: p.brand ?? undefined,
        keywords: p.keywords,
        tags: p.tags,
        portfolioRole: p.portfolio_role,
        skus: p.skus.map((s) => ({
          code: s.code,
          listPriceFen: s.list_price_fen,
          options: s.options,
          barcode: s.barcode ?? undefined,
          weightGrams: s.weight_grams ?? undefined,
        })),
      }),
    ),
  );
}
