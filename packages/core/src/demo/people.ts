import type { Gender } from '@kayoi/contracts';
import { bernoulli, categorical, createWeightedPicker, normal, pick, type Rng } from '@kayoi/stats';
import { civilOf, ageOn } from './calendar.js';
import type { ChannelModel } from './channels.js';
import type { ContactBook } from './contacts.js';
import { FAMILY_NAMES, familyNameWeight, type FamilyName } from './familyNames.js';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, eraOfBirthYear, type GivenName, type NameEra } from './givenNames.js';
import { FARTHER_SHARE, fartherNeighbourhoods, neighbourhoodsOf, type Neighbourhood } from './places.js';

/** Who a customer is, before anything about their hair or their visits. */
export interface Person {
  gender: Gender;
  /** Drawn for everyone (age drives names and menus); `birthdayKnown` says if the shop has it. */
  birthDay: number;
  birthdayKnown: boolean;
  ageAtFirstVisit: number;
  family: FamilyName;
  given: GivenName;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  area: string | null;
  student: boolean;
}

const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'unspecified'];
/** Salon customers are about three-quarters women. */
const GENDER_WEIGHTS = [0.75, 0.235, 0.005, 0.01];

const pickFamily = createWeightedPicker(FAMILY_NAMES, (_, rank) => familyNameWeight(rank));

const ERAS: readonly NameEra[] = ['showa', 'heisei', 'reiwa'];

function byEra(list: readonly GivenName[]): ReadonlyMap<NameEra, readonly GivenName[]> {
  return new Map(ERAS.map((era) => [era, list.filter((n) => n.era === era)]));
}
const FEMALE_BY_ERA = byEra(FEMALE_GIVEN_NAMES);
const MALE_BY_ERA = byEra(MALE_GIVEN_NAMES);

function pickGiven(rng: Rng, gender: Gender, birthYear: number): GivenName {
  const female = gender === 'female' || (gender !== 'male' && rng.next() < 0.5);
  // Mostly a name of their generation; some parents were a generation ahead of or behind the
  // fashion, but nobody born in 1970 is called 陽菜.
  let era = ERAS.indexOf(eraOfBirthYear(birthYear));
  if (rng.next() < 0.15) era = Math.min(ERAS.length - 1, Math.max(0, era + (rng.next() < 0.5 ? -1 : 1)));
  const names = (female ? FEMALE_BY_ERA : MALE_BY_ERA).get(ERAS[era] ?? 'heisei');
  return pick(rng, names && names.length > 0 ? names : female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
}

function pickNeighbourhood(rng: Rng, storeKey: string): Neighbourhood {
  const list = rng.next() < FARTHER_SHARE ? fartherNeighbourhoods() : neighbourhoodsOf(storeKey);
  const index = categorical(
    rng,
    list.map((n) => n.weight),
  );
  const chosen = list[index];
  if (!chosen) throw new Error(`no neighbourhoods for ${storeKey}`);
  return chosen;
}

export function drawPerson(
  rng: Rng,
  firstDay: number,
  storeKey: string,
  channel: ChannelModel,
  contacts: ContactBook,
): Person {
  const gender = GENDERS[categorical(rng, GENDER_WEIGHTS)] ?? 'female';
  // Men who come to a salon skew a little older than women who find it through a portal.
  const meanAge = channel.meanAge + (gender === 'male' ? 3 : 0);
  const age = Math.round(Math.min(67, Math.max(18, normal(rng, meanAge, 10.5))));
  const birthDay = firstDay - Math.round(age * 365.2425) - rng.int(0, 364);
  const birthYear = civilOf(birthDay).year;
  const ageAtFirstVisit = ageOn(birthDay, firstDay);
  const family = pickFamily(rng);
  const given = pickGiven(rng, gender, birthYear);
  const place = pickNeighbourhood(rng, storeKey);
  const postalKnown = rng.next() < 0.85;
  const areaKnown = postalKnown || rng.next() < 0.5;
  // E-mail is about half overall, a little more common among people of working age.
  const emailShare = ageAtFirstVisit < 25 ? 0.42 : ageAtFirstVisit < 55 ? 0.53 : 0.45;
  return {
    gender,
    birthDay,
    birthdayKnown: bernoulli(rng, 0.88),
    ageAtFirstVisit,
    family,
    given,
    email: rng.next() < emailShare ? contacts.email(rng, given.romaji, family.romaji, birthYear) : null,
    phone: rng.next() < 0.9 ? contacts.phone(rng) : null,
    postalCode: postalKnown ? place.postalCode : null,
    area: areaKnown ? place.area : null,
    student: ageAtFirstVisit <= 22 && rng.next() < 0.7,
  };
}
