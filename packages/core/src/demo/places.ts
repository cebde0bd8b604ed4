/**
 * Where customers live: neighbourhoods around each store (real postal codes and
 * municipalities), weighted by how many salon customers a store plausibly draws from each.
 */
export interface Neighbourhood {
  postalCode: string;
  /** Municipality, as stored in the customer's area field. */
  area: string;
  weight: number;
}

const OMOTESANDO: readonly Neighbourhood[] = [
  { postalCode: '150-0001', area: '渋谷区', weight: 14 }, // 神宮前
  { postalCode: '107-0062', area: '港区', weight: 10 }, // 南青山
  { postalCode: '107-0061', area: '港区', weight: 7 }, // 北青山
  { postalCode: '150-0002', area: '渋谷区', weight: 8 }, // 渋谷
  { postalCode: '151-0053', area: '渋谷区', weight: 7 }, // 代々木
  { postalCode: '150-0013', area: '渋谷区', weight: 6 }, // 恵比寿
  { postalCode: '150-0022', area: '渋谷区', weight: 4 }, // 恵比寿南
  { postalCode: '107-0052', area: '港区', weight: 4 }, // 赤坂
  { postalCode: '106-0032', area: '港区', weight: 4 }, // 六本木
  { postalCode: '154-0024', area: '世田谷区', weight: 7 }, // 三軒茶屋
  { postalCode: '154-0001', area: '世田谷区', weight: 5 }, // 池尻
  { postalCode: '155-0031', area: '世田谷区', weight: 5 }, // 北沢
  { postalCode: '153-0061', area: '目黒区', weight: 6 }, // 中目黒
  { postalCode: '153-0051', area: '目黒区', weight: 3 }, // 上目黒
  { postalCode: '160-0022', area: '新宿区', weight: 4 }, // 新宿
];

const KICHIJOJI: readonly Neighbourhood[] = [
  { postalCode: '180-0004', area: '武蔵野市', weight: 12 }, // 吉祥寺本町
  { postalCode: '180-0003', area: '武蔵野市', weight: 9 }, // 吉祥寺南町
  { postalCode: '180-0002', area: '武蔵野市', weight: 7 }, // 吉祥寺東町
  { postalCode: '180-0001', area: '武蔵野市', weight: 7 }, // 吉祥寺北町
  { postalCode: '180-0006', area: '武蔵野市', weight: 5 }, // 中町
  { postalCode: '181-0013', area: '三鷹市', weight: 8 }, // 下連雀
  { postalCode: '181-0001', area: '三鷹市', weight: 7 }, // 井の頭
  { postalCode: '181-0012', area: '三鷹市', weight: 4 }, // 上連雀
  { postalCode: '167-0042', area: '杉並区', weight: 7 }, // 西荻北
  { postalCode: '167-0051', area: '杉並区', weight: 5 }, // 荻窪
  { postalCode: '166-0003', area: '杉並区', weight: 3 }, // 高円寺南
  { postalCode: '177-0051', area: '練馬区', weight: 4 }, // 関町北
  { postalCode: '184-0004', area: '小金井市', weight: 3 }, // 本町
];

/** Customers who come from farther away: commuters who pass through on the way to work. */
const FARTHER: readonly Neighbourhood[] = [
  { postalCode: '157-0062', area: '世田谷区', weight: 3 }, // 南烏山
  { postalCode: '164-0001', area: '中野区', weight: 3 }, // 中野
  { postalCode: '170-0013', area: '豊島区', weight: 2 }, // 東池袋
  { postalCode: '135-0061', area: '江東区', weight: 2 }, // 豊洲
  { postalCode: '211-0004', area: '川崎市中原区', weight: 2 }, // 新丸子東
  { postalCode: '182-0024', area: '調布市', weight: 2 }, // 布田
  { postalCode: '190-0012', area: '立川市', weight: 1 }, // 曙町
];

const BY_STORE: Readonly<Record<string, readonly Neighbourhood[]>> = {
  'store-1': OMOTESANDO,
  'store-2': KICHIJOJI,
};

/** Share of a store's customers who live outside its neighbourhood list. */
export const FARTHER_SHARE = 0.08;

export function neighbourhoodsOf(storeKey: string): readonly Neighbourhood[] {
  return BY_STORE[storeKey] ?? [];
}

export function fartherNeighbourhoods(): readonly Neighbourhood[] {
  return FARTHER;
}
