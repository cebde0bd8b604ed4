import type { CatalogItemCreate } from '@kayoi/contracts';

/**
 * The menu, tax-included yen as Tokyo salons print them. Service costs are chemicals and
 * consumables per treatment; product costs are wholesale (about 40% of the shelf price).
 * The basket builder refers to items by these names, so a rename is a one-place change.
 */
export const MENU = {
  cut: 'カット',
  mensCut: 'メンズカット',
  studentCut: '学生カット',
  kidsCut: 'キッズカット（小学生以下）',
  fringeCut: '前髪カット',
  colour: 'カラー',
  cutColour: 'カット＋カラー',
  retouch: 'リタッチカラー',
  highlight: 'ハイライト',
  perm: 'パーマ',
  cutPerm: 'カット＋パーマ',
  straightening: '縮毛矯正',
  cutStraightening: 'カット＋縮毛矯正',
  treatment: 'トリートメント',
  intensiveTreatment: '集中トリートメント',
  headSpa: 'ヘッドスパ（30分）',
  longHeadSpa: 'ヘッドスパ（50分）',
  hairSet: 'ヘアセット',
  shampoo: 'サロンシャンプー 300ml',
  homeTreatment: 'ホームケアトリートメント 250g',
  oil: 'スタイリングオイル 100ml',
  mist: 'ヘアミスト 150ml',
  wax: 'ヘアワックス 80g',
} as const;

export type MenuKey = keyof typeof MENU;

function service(
  name: string,
  category: string,
  price: number,
  cost: number,
  durationMinutes: number,
): CatalogItemCreate {
  return { kind: 'service', name, category, price, cost, durationMinutes };
}

function product(name: string, price: number, cost: number): CatalogItemCreate {
  return { kind: 'product', name, category: '店販', price, cost, durationMinutes: null };
}

export const CATALOG: readonly CatalogItemCreate[] = [
  service(MENU.cut, 'カット', 5_500, 150, 60),
  service(MENU.mensCut, 'カット', 4_950, 120, 45),
  service(MENU.studentCut, 'カット', 4_400, 150, 60),
  service(MENU.kidsCut, 'カット', 3_300, 80, 30),
  service(MENU.fringeCut, 'カット', 1_100, 30, 15),
  service(MENU.colour, 'カラー', 7_700, 1_100, 90),
  service(MENU.cutColour, 'カラー', 12_100, 1_250, 120),
  service(MENU.retouch, 'カラー', 5_500, 800, 60),
  service(MENU.highlight, 'カラー', 4_400, 700, 45),
  service(MENU.perm, 'パーマ', 8_800, 900, 90),
  service(MENU.cutPerm, 'パーマ', 13_200, 1_050, 150),
  service(MENU.straightening, '縮毛矯正', 16_500, 2_000, 180),
  service(MENU.cutStraightening, '縮毛矯正', 20_900, 2_150, 210),
  service(MENU.treatment, 'トリートメント', 3_300, 550, 30),
  service(MENU.intensiveTreatment, 'トリートメント', 5_500, 1_100, 45),
  service(MENU.headSpa, 'ヘッドスパ', 4_400, 300, 30),
  service(MENU.longHeadSpa, 'ヘッドスパ', 6_600, 450, 50),
  service(MENU.hairSet, 'セット', 5_500, 200, 45),
  product(MENU.shampoo, 3_520, 1_410),
  product(MENU.homeTreatment, 3_850, 1_540),
  product(MENU.oil, 3_080, 1_230),
  product(MENU.mist, 2_640, 1_060),
  product(MENU.wax, 2_420, 970),
];

const BY_NAME = new Map(CATALOG.map((item) => [item.name, item]));

export function priceOf(key: MenuKey): number {
  return BY_NAME.get(MENU[key])?.price ?? 0;
}

export function durationOf(key: MenuKey): number {
  return BY_NAME.get(MENU[key])?.durationMinutes ?? 0;
}
