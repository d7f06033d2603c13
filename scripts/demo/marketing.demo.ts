import { graphql } from '@shopops/client';
import { expectResult, shopDay, shopMidnight, shopTime, type DemoContext } from './demo-context';
import { AD_CAMPAIGNS, DEMO_DAYS, DEMO_EXPERIMENT, HERO_COMPANION, HERO_SKU, type ShopHistory } from './shop-history';

const PAID_SOURCES = ['paid_search', 'feed', 'display', 'affiliate', 'kol', 'live'] as const;
const SPEND_ROWS_PER_REQUEST = 200;

const ImportAdSpend = graphql(`
  mutation DemoImportAdSpend($rows: [AdSpendInput!]!) {
    importAdSpend(rows: $rows)
  }
`);
const SetBudgetPlan = graphql(`
  mutation DemoSetBudgetPlan($input: BudgetPlanInput!) {
    setBudgetPlan(input: $input) {
      budgetFen
    }
  }
`);
const DefineExperiment = graphql(`
  mutation DemoDefineExperiment($input: ExperimentInput!) {
    defineExperiment(input: $input) {
      plannedUnitsPerVariant
    }
  }
`);
const CreatePromotion = graphql(`
  mutation DemoCreatePromotion($input: PromotionInput!) {
    createPromotion(input: $input) {
      __typename
      ... on PromotionConflictError {
        message
      }
      ... on PriceHonestyError {
        skuCode
        wasPriceFen
        lowestPriceFen
      }
    }
  }
`);

/** Daily ad spend per paid source and campaign, the main-image test and a coming flash sale. */
export async function seedMarketing(ctx: DemoContext, history: ShopHistory): Promise<void> {
  const rows = Array.from({ length: DEMO_DAYS }, (_, daysAgo) => {
    const day = shopDay(shopMidnight(ctx.now, daysAgo));
    const double11 = history.peakDay >= 0 && daysAgo >= history.peakDay && daysAgo <= history.peakDay + 10;
    return PAID_SOURCES.map((source) => ({
      day,
      source,
      campaign: source === 'paid_search' ? (double11 ? 'double11' : AD_CAMPAIGNS[0]) : double11 ? 'double11' : AD_CAMPAIGNS[1],
      spendFen: Math.round((source === 'paid_search' ? 120_000 : 60_000) * (double11 ? 2.5 : 1) * (0.7 + 0.6 * ctx.random())),
    }));
  }).flat();
  for (let i = 0; i < rows.length; i += SPEND_ROWS_PER_REQUEST)
    await ctx.request(ImportAdSpend, { rows: rows.slice(i, i + SPEND_ROWS_PER_REQUEST) }, 'operator');
  // Each month's campaigns have a plan, so budgets and operators' scorecards have figures: budget
  // the month's spend give or take a fifth, a GMV target of five times it.
  const planned = new Map<string, { month: string; source: string; campaign: string; spendFen: number }>();
  for (const row of rows) {
    const key = `${row.day.slice(0, 7)}/${row.source}/${row.campaign}`;
    const plan = planned.get(key) ?? { month: row.day.slice(0, 7), source: row.source, campaign: row.campaign, spendFen: 0 };
    plan.spendFen += row.spendFen;
    planned.set(key, plan);
  }
  for (const plan of planned.values()) {
    const budgetFen = Math.round(plan.spendFen * (0.8 + 0.4 * ctx.random()));
    await ctx.request(
      SetBudgetPlan,
      { input: { month: plan.month, source: plan.source, campaign: plan.campaign, budgetFen, gmvTargetFen: budgetFen * 5 } },
      'operator',
    );
  }
  await ctx.request(
    DefineExperiment,
    {
      input: {
        key: DEMO_EXPERIMENT,
        name: '主图：棚拍 vs 街拍',
        metric: 'payment',
        baselineRate: 0.03,
        minimumDetectableEffect: 0.005,
        variants: [
          { name: 'studio', weight: 1 },
          { name: 'street', weight: 1 },
        ],
      },
    },
    'operator',
  );
  // The evening after tomorrow: a two-hour flash sale on the best seller and its scarf.
  const startsAt = shopMidnight(ctx.now, -2) + 20 * 3_600_000;
  const sale = await ctx.request(
    CreatePromotion,
    {
      input: {
        code: 'DEMO-FLASH-20',
        name: '晚八点秒杀',
        kind: 'FLASH_SALE',
        skuCodes: [HERO_SKU, HERO_COMPANION],
        startsAt: shopTime(startsAt),
        endsAt: shopTime(startsAt + 2 * 3_600_000),
        percentOff: 30,
        perBuyerLimit: 1,
        quantityCap: 50,
      },
    },
    'operator',
  );
  expectResult('flash sale', sale.createPromotion, 'Promotion');
  ctx.log(`marketing: ${rows.length} days × sources of ad spend, ${planned.size} campaign plans, experiment ${DEMO_EXPERIMENT}, flash sale DEMO-FLASH-20`);
}
