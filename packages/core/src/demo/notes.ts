import { pick, type Rng } from '@kayoi/stats';
import { DYE_ALLERGY } from './attributes.js';

/** The kind of things stylists write on a karte so the next stylist knows. */
const NOTES = [
  '前髪は眉上が好み。',
  'シャンプーは弱めの力加減を希望。',
  '施術中は会話少なめ希望。雑誌をお渡しする。',
  '首が弱いのでシャンプー台の角度に注意。',
  'ヘアドネーションに興味あり。31cm以上伸ばし中。',
  '次回は明るめのカラーを検討中。',
  '白髪が気になり始めたとのこと。ハイライトで馴染ませる提案をした。',
  '平日夕方の来店が多い。仕事帰り。',
  '結婚式の予定あり。ヘアセットの相談を受けた。',
  '犬を飼っている。トイプードルの話題で盛り上がる。',
  '乾燥が気になるとのこと。ホームケアのオイルを提案。',
  '毛量が多く、すきすぎると広がるので注意。',
  'つむじが二つあるので分け目に注意。',
  '駐車場の場所を毎回確認される。',
  '香りの強い商品は苦手。',
  'アイロンを毎日使用。ダメージケアを継続中。',
  '転勤の可能性ありとのこと。',
  '妊娠中。薬剤は控えめに、体勢に配慮。',
];

export function drawNote(rng: Rng, allergy: string | null, parent: boolean): string | null {
  if (allergy === DYE_ALLERGY) return 'カラー剤でかぶれた経験あり。パッチテスト必須。ノンジアミン剤を検討。';
  if (parent && rng.next() < 0.4) return 'お子様（小学生）と一緒に来店されることが多い。';
  return rng.next() < 0.12 ? pick(rng, NOTES) : null;
}
