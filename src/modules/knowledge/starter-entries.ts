// A starter FAQ for a clothing and electronics shop, written the way a knowledge editor would: the demo seed loads
// it and the assist evaluation (npm run eval:assist) measures retrieval against it.
import type { ProblemType } from '../../shared/assist.js';

export interface StarterEntry {
  key: string;
  problemType: ProblemType;
  category: string;
  question: string;
  phrasings: string[];
  answer: string;
}

export const starterFaq: readonly StarterEntry[] = [
  {
    key: 'return_policy',
    problemType: 'return_exchange',
    category: '退换货',
    question: '如何申请7天无理由退货？',
    phrasings: ['收到货不想要了可以退吗', '怎么退货', '退货流程是什么', '不喜欢能退吗', '七天无理由退货'],
    answer:
      '签收后7天内、商品吊牌完好不影响二次销售即可申请无理由退货：打开“我的订单”→选择订单→“申请售后”→“退货退款”，按页面提示寄回即可。',
  },
  {
    key: 'exchange_size',
    problemType: 'return_exchange',
    category: '退换货',
    question: '尺码不合适可以换货吗？',
    phrasings: ['买小了能换大一码吗', '尺码不对怎么换', '换货怎么操作', '想换个颜色', '换码'],
    answer:
      '可以换货。在“我的订单”中申请售后→“换货”，选择新的尺码或颜色，寄回原商品后我们会在收到当天发出新商品，换货运费由我们承担一次。',
  },
  {
    key: 'return_shipping_fee',
    problemType: 'return_exchange',
    category: '退换货',
    question: '退货的运费谁承担？',
    phrasings: ['退货运费谁出', '寄回来要自己付邮费吗', '有没有运费险', '退货邮费能报销吗'],
    answer:
      '质量问题退货运费由我们承担；无理由退货运费由您承担，订单如含运费险，退货后运费险会自动理赔到您的账户。',
  },
  {
    key: 'refund_time',
    problemType: 'refund',
    category: '退款',
    question: '退款多久能到账？',
    phrasings: ['退款什么时候到', '钱多久退回来', '退款进度怎么查', '申请退款了还没收到钱'],
    answer:
      '仓库签收退货后1个工作日内审核退款，原路退回：余额即时到账，银行卡1–3个工作日，信用卡以发卡行为准。可在“售后详情”查看退款进度。',
  },
  {
    key: 'ship_time',
    problemType: 'shipping',
    category: '物流',
    question: '下单后多久发货？',
    phrasings: ['什么时候发货', '今天下单今天能发吗', '几天内发货', '怎么还没发货', '发货时间'],
    answer: '现货商品当天16:00前付款当天发出，之后付款次日发出；预售商品以商品页写明的发货时间为准。',
  },
  {
    key: 'delivery_time',
    problemType: 'shipping',
    category: '物流',
    question: '发什么快递，几天能到？',
    phrasings: ['默认什么快递', '能发顺丰吗', '快递一般几天到', '多久能收到货', '可以指定快递吗'],
    answer:
      '默认发中通/圆通，江浙沪一般1–2天、其他地区2–4天送达；需要顺丰可在下单时选择顺丰（补差价），偏远地区时效会稍长。',
  },
  {
    key: 'tracking',
    problemType: 'shipping',
    category: '物流',
    question: '怎么查询物流信息？',
    phrasings: ['物流到哪了', '快递单号在哪看', '查物流', '物流一直不更新怎么办', '我的包裹到哪里了'],
    answer:
      '在“我的订单”→订单详情→“查看物流”可看到快递单号和实时轨迹。若物流超过48小时未更新，请把订单号发给我们，我们帮您联系快递核实。',
  },
  {
    key: 'shipping_region',
    problemType: 'shipping',
    category: '物流',
    question: '偏远地区和港澳台包邮吗？',
    phrasings: ['新疆西藏包邮吗', '能寄到香港吗', '哪些地区不包邮', '海外能发货吗'],
    answer:
      '全国大部分地区满99元包邮；新疆、西藏、青海、内蒙古等偏远地区需补运费10元；港澳台及海外暂不支持配送。',
  },
  {
    key: 'change_address',
    problemType: 'order_change',
    category: '订单',
    question: '下单后可以修改收货地址吗？',
    phrasings: ['地址填错了怎么办', '改地址', '怎么修改收货人电话', '能换个收货地址吗'],
    answer:
      '订单未发货前可在订单详情点“修改地址”自行修改；已发货的订单请把订单号和新地址发给我们，我们尝试联系快递改派（不保证成功）。',
  },
  {
    key: 'cancel_order',
    problemType: 'order_change',
    category: '订单',
    question: '怎么取消订单？',
    phrasings: ['不想要了能取消订单吗', '拍错了怎么取消', '取消订单后钱怎么退', '订单还能撤销吗'],
    answer:
      '未发货订单可在订单详情点“取消订单”，款项原路退回；已发货订单无法取消，可在签收后申请退货，或拒收包裹后申请退款。',
  },
  {
    key: 'invoice_request',
    problemType: 'invoice',
    category: '发票',
    question: '怎么开发票？',
    phrasings: ['能开发票吗', '电子发票在哪里下载', '发票怎么申请', '补开发票', '下单时忘记开发票了'],
    answer:
      '我们提供电子普通发票：在订单详情点“申请开票”填写抬头和税号，确认收货后24小时内开具，可在订单详情下载，也会发送到您的邮箱。',
  },
  {
    key: 'invoice_company',
    problemType: 'invoice',
    category: '发票',
    question: '可以开公司抬头或增值税专用发票吗？',
    phrasings: ['能开专票吗', '发票抬头写公司', '增值税专用发票怎么开', '需要公司发票报销'],
    answer:
      '可以开公司抬头的电子普票；增值税专用发票请提供公司名称、税号、地址电话、开户行及账号，审核后7个工作日内寄出纸质专票。',
  },
  {
    key: 'size_guide',
    problemType: 'product',
    category: '商品',
    question: '尺码怎么选？',
    phrasings: ['身高170体重65穿什么码', '我该买多大码', '尺码表在哪', '衣服偏大还是偏小', '码数推荐'],
    answer:
      '商品详情页“尺码表”有每个尺码的胸围、衣长等数据，按平时尺码选择即可；把身高体重发给我们，我们给您推荐具体尺码。',
  },
  {
    key: 'authenticity',
    problemType: 'product',
    category: '商品',
    question: '商品是正品吗？',
    phrasings: ['是不是正品', '保真吗', '有没有防伪', '是官方授权的吗', '会不会是假货'],
    answer: '本店所有商品均为品牌官方授权正品，支持专柜验货，每件商品附防伪吊牌，假一赔十。',
  },
  {
    key: 'restock',
    problemType: 'product',
    category: '商品',
    question: '缺货的商品什么时候补货？',
    phrasings: ['什么时候有货', '断码了还会补吗', '售罄了还有吗', '到货通知怎么设置'],
    answer: '热门商品一般7–15天补货，具体以仓库到货为准；在商品页点“到货通知”，补货后会第一时间提醒您。',
  },
  {
    key: 'warranty',
    problemType: 'after_sale',
    category: '售后',
    question: '电子产品怎么保修？',
    phrasings: ['坏了能修吗', '保修多久', '耳机没声音了怎么保修', '质保期是多久', '去哪里维修'],
    answer:
      '电子产品享受1年质保：质保期内非人为损坏免费维修或更换。请在订单中申请售后→“维修”，附上故障照片或视频，寄回检测即可。',
  },
  {
    key: 'payment_methods',
    problemType: 'payment',
    category: '支付',
    question: '支持哪些付款方式？',
    phrasings: ['能用花呗吗', '可以信用卡支付吗', '支持分期付款吗', '能货到付款吗', '微信支付可以吗'],
    answer: '支持支付宝、微信支付、银行卡和信用卡；满300元可用花呗分期（3/6/12期）；暂不支持货到付款。',
  },
  {
    key: 'coupon_use',
    problemType: 'promotion',
    category: '优惠活动',
    question: '优惠券怎么使用？',
    phrasings: ['优惠券用不了', '领的券在哪里', '满减怎么算', '优惠码怎么用', '券为什么不能叠加'],
    answer:
      '下单结算时会自动选择可用的最优优惠券；券有使用门槛和有效期，店铺券与平台券可叠加，同类店铺券每单限用一张。',
  },
  {
    key: 'price_protect',
    problemType: 'promotion',
    category: '优惠活动',
    question: '买完降价了可以补差价吗？',
    phrasings: ['刚买就降价了', '价格保护', '保价多少天', '降价退差价吗'],
    answer:
      '本店支持7天价格保护：签收前后7天内同款同规格降价（不含秒杀、赠品和优惠券差异），联系客服提供订单号即可退还差价。',
  },
  {
    key: 'member_points',
    problemType: 'account',
    category: '会员',
    question: '会员积分怎么获得和使用？',
    phrasings: ['积分怎么用', '积分能抵现吗', '怎么成为会员', '会员有什么优惠', '积分什么时候过期'],
    answer:
      '每消费1元得1积分，确认收货后到账；100积分可抵1元，下单时勾选使用；积分有效期至次年年底；会员生日月享9折。',
  },
];
