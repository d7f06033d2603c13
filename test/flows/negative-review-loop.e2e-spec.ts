import { createClient, graphql } from '@shopops/client';
import { createSkus, eventually, GatewayClient, sendWebhook, supplierWithCleanRecord, tokenFor } from '@shopops/testing';

const SupplierGrades = graphql(`
  query NegativeReviewSupplierGrades {
    suppliers {
      code
      grade
      qualityPassRate
    }
  }
`);
const OpenReviewIncidents = graphql(`
  query NegativeReviewOpenIncidents {
    reviewIncidents(status: "OPEN") {
      scopeKey
      negativeReviews
      contactTasks {
        id
      }
    }
  }
`);
const SkuView = graphql(`
  query NegativeReviewSkuView($c: String!) {
    sku(code: $c) {
      product {
        code
      }
      reviewHealth {
        negative30d
        topComplaint
        inIncident
      }
      stock {
        onHand
      }
    }
  }
`);

/**
 * The negative-review loop across customer service and inventory, driven by signed review
 * webhooks: a spike opens an incident and an alert, the quality issue reaches the SKU's supplier
 * and lowers its grade, and the SKU shows its health through the federated graph.
 */
describe('negative-review loop', () => {
  const gateway = new GatewayClient();
  const api = (role: 'operator' | 'cs_agent') =>
    createClient({ url: `${gateway.baseUrl}/graphql`, headers: () => ({ authorization: `Bearer ${tokenFor(role)}` }) });
  const operator = api('operator');

  it('turns a spike of quality complaints into an incident, a quality issue, a lower supplier grade and a visible SKU health', async () => {
    const [sku] = await createSkus(gateway, 1, 59900, 'NRL');
    // One on-time delivery of 100 units: the supplier starts with a clean record.
    const supplier = await supplierWithCleanRecord(gateway, sku, { name: '桐乡毛衫厂', unitCostFen: 20000 });
    const gradeOf = async () => (await operator.request(SupplierGrades)).suppliers.find((s) => s.code === supplier)!;
    expect(await gradeOf()).toMatchObject({ grade: 'A', qualityPassRate: 1 });

    for (let i = 1; i <= 6; i++) {
      const response = await sendWebhook(gateway.baseUrl, 'douyin', {
        type: 'review.created',
        data: {
          reviewId: `NRL-${sku}-${i}`,
          orderId: `DY-${sku}-${i}`,
          skuCode: sku,
          buyer: { platformUserId: `dy_nrl_${sku}_${i}` },
          rating: 1,
          text: `质量太差，洗一次就起球缩水 (${i})`,
          images: [],
          createdAt: new Date().toISOString(),
        },
      });
      expect(response.status).toBe(202);
    }

    // Customer service: an incident with a contact task per reviewer.
    const incident = await eventually(
      async () => (await api('cs_agent').request(OpenReviewIncidents)).reviewIncidents.find((x) => sku.startsWith(x.scopeKey)),
      (x) => x !== undefined && x.negativeReviews === 6,
      { what: 'the incident' },
    );
    expect(incident!.contactTasks).toHaveLength(6);
    // Inventory: the quality issue counts against the supplier, whose grade drops.
    const graded = await eventually(gradeOf, (s) => s.qualityPassRate !== null && s.qualityPassRate < 1, { what: 'the supplier to be regraded' });
    expect(graded.qualityPassRate!).toBeLessThan(1);
    // The SKU, through the gateway: catalog's product, customer service's review health, inventory's stock.
    const view = await operator.request(SkuView, { c: sku });
    expect(view.sku?.reviewHealth).toEqual({ negative30d: 6, topComplaint: 'product-quality', inIncident: true });
    expect(view.sku?.stock.onHand).toBe(100);
  }, 120_000);
});
