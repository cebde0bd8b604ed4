import type { AttributeDefinitionCreate, AttributeValue, Gender } from '@kayoi/contracts';
import { categorical, pick, type Rng } from '@kayoi/stats';

/** The karte fields a salon keeps beyond the standard profile; values are the option values. */
export const ATTRIBUTE_DEFINITIONS: readonly AttributeDefinitionCreate[] = [
  {
    key: 'hair_type',
    label: '髪質',
    type: 'single_choice',
    options: [
      { value: 'normal', label: '普通' },
      { value: 'fine', label: '細い' },
      { value: 'thick', label: '太い' },
      { value: 'curly', label: 'くせ毛' },
      { value: 'damaged', label: 'ダメージ' },
    ],
    position: 0,
  },
  {
    key: 'scalp',
    label: '頭皮',
    type: 'single_choice',
    options: [
      { value: 'normal', label: '普通' },
      { value: 'dry', label: '乾燥' },
      { value: 'oily', label: '脂性' },
      { value: 'sensitive', label: '敏感' },
    ],
    position: 1,
  },
  { key: 'allergies', label: 'アレルギー', type: 'text', options: [], position: 2 },
  {
    key: 'preferred_contact',
    label: '希望連絡方法',
    type: 'single_choice',
    options: [
      { value: 'line', label: 'LINE' },
      { value: 'email', label: 'メール' },
      { value: 'phone', label: '電話' },
    ],
    position: 3,
  },
  { key: 'colour_history', label: 'カラー履歴あり', type: 'boolean', options: [], position: 4 },
];

export type HairType = 'normal' | 'fine' | 'thick' | 'curly' | 'damaged';
export type Scalp = 'normal' | 'dry' | 'oily' | 'sensitive';

const HAIR_TYPES: readonly HairType[] = ['normal', 'fine', 'thick', 'curly', 'damaged'];
const SCALPS: readonly Scalp[] = ['normal', 'dry', 'oily', 'sensitive'];

/** Allergies worth a warning on the karte; the first one rules out ordinary hair colour. */
export const DYE_ALLERGY = 'ジアミン（カラー剤）でかぶれた経験あり';
const OTHER_ALLERGIES = ['ラテックス', '香料に敏感', '金属アレルギー（ピアス・ヘアピン）', 'アルコール消毒で赤くなる'];

/** The hair and scalp the stylist sees, whether or not it has been written down. */
export interface CareProfile {
  hairType: HairType;
  scalp: Scalp;
  allergy: string | null;
  hairTypeRecorded: boolean;
  scalpRecorded: boolean;
}

export function drawCareProfile(rng: Rng, gender: Gender, age: number): CareProfile {
  const hairWeights = gender === 'male' ? [45, 10, 25, 18, 2] : [33, 20, 9, 20, 18];
  // Scalp trouble comes with age; oily scalps are more often men's.
  const scalpWeights = [50, 14 + age * 0.15, gender === 'male' ? 26 : 14, 12];
  const allergic = rng.next() < 0.05;
  return {
    hairType: HAIR_TYPES[categorical(rng, hairWeights)] ?? 'normal',
    scalp: SCALPS[categorical(rng, scalpWeights)] ?? 'normal',
    allergy: allergic ? (rng.next() < 0.45 ? DYE_ALLERGY : pick(rng, OTHER_ALLERGIES)) : null,
    hairTypeRecorded: rng.next() < 0.85,
    scalpRecorded: rng.next() < 0.65,
  };
}

export type PreferredContact = 'line' | 'email' | 'phone';

/** Not every field is filled in for every customer, as in any real karte. */
export function attributeValues(
  rng: Rng,
  care: CareProfile,
  colours: boolean,
  preferredContact: PreferredContact | null,
): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  if (care.hairTypeRecorded) values.hair_type = care.hairType;
  if (care.scalpRecorded) values.scalp = care.scalp;
  if (care.allergy) values.allergies = care.allergy;
  if (preferredContact && rng.next() < 0.75) values.preferred_contact = preferredContact;
  if (rng.next() < 0.75) values.colour_history = colours;
  return values;
}
