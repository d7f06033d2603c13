/**
 * The starting knowledge base: common pre- and after-sales questions of a light-luxury apparel
 * shop, each with its standard reply and a few ways buyers ask it. Shops edit it through the API.
 */
export interface SeedArticle {
  readonly intent: string;
  readonly title: string;
  readonly answer: string;
  readonly questions: readonly string[];
}

export const KNOWLEDGE_SEED: readonly SeedArticle[] = [
  {
    intent: 'size-guide',
    title: '尺码怎么选',
    answer: '亲，每款详情页都有尺码表（胸围/腰围/衣长，单位厘米）。告诉我们身高体重，客服可帮您推荐；版型偏大的款式页面会注明建议拍小一码。',
    questions: ['尺码怎么选', '我穿什么码', '身高165体重50穿哪个码', '这款偏大还是偏小', '有尺码表吗', 'what size should I choose', 'size chart', '尺寸表', '帮我推荐尺码', '要拍大一码吗', '码数偏大偏小', 'which size fits me'],
  },
  {
    intent: 'size-exchange',
    title: '尺码不合适可以换吗',
    answer: '可以的，签收 7 天内吊牌完好、未洗涤即可申请换码，我们承担换货寄回的运费，收到退回商品后 24 小时内发出新尺码。',
    questions: ['尺码不合适能换吗', '可以换大一码吗', '换码要运费吗', '买小了想换', 'can I exchange for another size', '换码的运费', '换尺码多久寄出', '尺码拍错了想换', 'swap size'],
  },
  {
    intent: 'shipping-time',
    title: '什么时候发货',
    answer: '现货订单付款后 48 小时内发货（大促期间 72 小时内），预售款以详情页标注的发货时间为准。',
    questions: ['什么时候发货', '几天能发货', '今天下单什么时候发', '怎么还没发货', '多久发货', 'when will you ship', 'shipping time', '发货时效'],
  },
  {
    intent: 'shipping-carrier',
    title: '发什么快递',
    answer: '默认顺丰速运，江浙沪次日达，其他地区一般 2-3 天送达；暂不支持指定其他快递。',
    questions: ['发什么快递', '是顺丰吗', '能发京东快递吗', '用的哪家快递', 'which courier do you use', '换其他快递', '中通圆通韵达可以吗', 'ship with SF'],
  },
  {
    intent: 'shipping-remote',
    title: '偏远地区包邮吗',
    answer: '全国包邮；新疆、西藏、青海、港澳台及海外地区需补运费差价，下单前可联系客服确认。',
    questions: ['包邮吗', '新疆包邮吗', '西藏能发吗', '香港可以寄吗', '邮费多少', 'free shipping', 'do you ship overseas', '运费怎么收', '港澳台发货', '内蒙古宁夏运费'],
  },
  {
    intent: 'logistics-tracking',
    title: '物流查询',
    answer: '在订单详情点"查看物流"即可看到实时轨迹；如物流 48 小时没有更新，告诉我们订单号，我们立即联系快递核实。',
    questions: ['我的快递到哪了', '物流怎么不动了', '查一下物流', '快递单号是多少', '包裹到哪里了', 'where is my package', 'tracking number'],
  },
  {
    intent: 'return-policy',
    title: '支持七天无理由退货吗',
    answer: '支持七天无理由退换，吊牌完好、未穿着洗涤、不影响二次销售即可；贴身内搭与定制款除外，详情页会注明。',
    questions: ['支持七天无理由吗', '能退货吗', '不喜欢可以退吗', '退货有什么条件', '剪了吊牌还能退吗', 'can I return it', 'return policy', '退货条件', '穿过还能退吗'],
  },
  {
    intent: 'return-how',
    title: '怎么申请退货',
    answer: '在订单页点"申请售后"选择退货，填写原因后可预约上门取件，无需自己找快递；仓库签收后 24 小时内处理。',
    questions: ['怎么退货', '退货流程是什么', '退货地址是哪里', '能上门取件吗', '怎么申请售后', 'how do I return', 'return address', '退货操作', '退货怎么寄回', 'send it back', '寄回地址'],
  },
  {
    intent: 'return-shipping-fee',
    title: '退货运费谁承担',
    answer: '订单赠送运费险，退货运费由保险理赔，一般退款后 72 小时内到账；质量问题的退货运费由我们承担。',
    questions: ['退货运费谁出', '有运费险吗', '退货要自己付邮费吗', '运费险怎么赔', 'who pays return shipping'],
  },
  {
    intent: 'care-silk',
    title: '真丝怎么洗护',
    answer: '真丝建议干洗或 30℃ 以下冷水手洗，使用中性/真丝专用洗涤剂，不可拧干、不可暴晒，阴凉处平铺晾干，低温（约 110℃）垫布熨烫。',
    questions: ['真丝怎么洗', '真丝能机洗吗', '桑蚕丝衬衫怎么保养', '真丝可以熨烫吗', 'how to wash silk', 'silk care', '丝绸怎么洗'],
  },
  {
    intent: 'care-wool',
    title: '羊毛羊绒怎么护理',
    answer: '羊绒、羊毛建议干洗或冷水手洗后平铺晾干，不可挂晾；轻微起球属于纤维正常现象，可用起球器修剪；收纳时放防蛀片。',
    questions: ['羊绒大衣怎么洗', '羊毛衫起球怎么办', '针织衫会缩水吗', '羊绒怎么保养', 'how to care for cashmere', 'does wool pill', 'wash a cashmere sweater', '羊绒洗涤'],
  },
  {
    intent: 'fabric-composition',
    title: '面料成分',
    answer: '每款面料成分在详情页"商品参数"和吊牌水洗标上都有标注，例如真丝衬衫为 93% 桑蚕丝 7% 氨纶；需要检测报告可联系客服。',
    questions: ['是什么面料', '面料成分是什么', '含不含羊毛', '是纯棉的吗', '有检测报告吗', 'what is the fabric', 'material composition', '含棉量多少', '什么材质'],
  },
  {
    intent: 'promotion-coupon',
    title: '优惠券怎么使用',
    answer: '领取的优惠券在结算页自动抵扣（满足门槛时）；每笔订单限用一张店铺券，可与平台券叠加；优惠券过期后不可恢复。',
    questions: ['优惠券怎么用', '优惠券用不了', '能叠加优惠吗', '满减怎么算', '券在哪里领', 'how to use coupon', 'discount code not working', '券没有抵扣', '结算时优惠券'],
  },
  {
    intent: 'price-protection',
    title: '买贵了可以补差价吗',
    answer: '签收后 7 天内同款降价可申请价保，联系客服提供订单号即可补差价（秒杀、直播间专享价除外）。',
    questions: ['降价了能补差价吗', '有价保吗', '刚买就降价了', '买贵了怎么办', 'price protection', 'price dropped after I bought', '价保申请', '退差价', 'price difference'],
  },
  {
    intent: 'invoice',
    title: '怎么开发票',
    answer: '确认收货后在订单页"申请开票"，支持电子普通发票和增值税专用发票，抬头与税号填写后 1-3 个工作日开具。',
    questions: ['能开发票吗', '怎么开发票', '可以开专票吗', '发票抬头怎么改', 'can I get an invoice', '开票', '发票申请', '开票时间', '电子发票'],
  },
  {
    intent: 'authenticity',
    title: '是正品吗',
    answer: '本店为品牌官方旗舰店，所有商品均为品牌直供正品，支持专柜验货，每件附防伪吊牌可扫码验证。',
    questions: ['是正品吗', '保证正品吗', '和专柜一样吗', '怎么验证真伪', 'is it authentic', 'is this genuine', '防伪码', '辨别真假', '高仿', '防伪吊牌扫码'],
  },
  {
    intent: 'member-points',
    title: '会员积分怎么用',
    answer: '每消费 1 元得 1 积分（银卡 1.2 倍、金卡 1.5 倍），确认收货 7 天后到账，可在积分商城兑换礼品或抵现；积分次年年底过期。',
    questions: ['积分怎么用', '积分什么时候到账', '积分能抵现吗', '会员等级怎么升级', '积分会过期吗', 'how do points work', '积分有效期', '会员权益', '银卡金卡权益', '积分兑换'],
  },
  {
    intent: 'order-address',
    title: '怎么修改收货地址',
    answer: '未发货的订单可在订单页直接修改地址；已发货请联系客服，我们协助联系快递改派。',
    questions: ['怎么改地址', '地址填错了', '能修改收货地址吗', '换个地址收货', 'change shipping address', '改收货信息', '收件人写错', 'update delivery address', '发货前换地址'],
  },
  {
    intent: 'order-cancel',
    title: '怎么取消订单',
    answer: '未发货订单可在订单页直接取消，款项原路退回；已发货的订单可拒收或签收后申请退货。',
    questions: ['怎么取消订单', '不想要了能取消吗', '拍错了怎么取消', '取消订单怎么操作', 'cancel my order'],
  },
  {
    intent: 'restock',
    title: '缺货什么时候补',
    answer: '售罄的尺码可点"到货提醒"，补货后第一时间通知您；热销款一般 2-3 周补货，限量联名款售完即止不再补货。',
    questions: ['什么时候补货', '还会补货吗', '断码了怎么办', '没有我的尺码了', 'when will it be back in stock', '断货', '上架时间', '有货了通知我', '再上架'],
  },
  {
    intent: 'gift-packaging',
    title: '有礼盒包装吗',
    answer: '可以在下单备注"礼盒"，免费提供品牌礼盒、贺卡和手提袋，价格信息不会放在包裹里。',
    questions: ['有礼盒吗', '可以送礼包装吗', '能写贺卡吗', '送人的话包装怎么样', 'gift wrapping'],
  },
  {
    intent: 'presale',
    title: '预售什么时候发货',
    answer: '预售款按详情页标注的批次发货，定金不退但尾款可在付尾款前取消；提前到货会提前发出。',
    questions: ['预售什么时候发', '预售定金能退吗', '预售能提前发吗', '定金怎么付', 'pre-order shipping date', 'pre-order ship', '预售尾款', '预售和现货'],
  },
];
