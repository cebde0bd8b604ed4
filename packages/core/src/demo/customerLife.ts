import { categorical, pick, type Rng } from '@kayoi/stats';
import type { Acquisition } from './acquisition.js';
import { attributeValues, drawCareProfile } from './attributes.js';
import { drawLatentBehaviour, simulateVisitDays } from './behaviour.js';
import { buildBasket } from './basket.js';
import { ageOn, civilOf, formatDay } from './calendar.js';
import { channelModel } from './channels.js';
import type { ShopClock } from './clock.js';
import { drawStartMinutes } from './clock.js';
import { drawConsents, preferredContact } from './consents.js';
import type { ContactBook } from './contacts.js';
import { drawHabits } from './habits.js';
import { drawNote } from './notes.js';
import { drawPayments } from './payments.js';
import { drawPerson } from './people.js';
import type { DayTable } from './seasonality.js';
import { staffAt, type StaffProfile } from './shop.js';
import type { DemoCustomer, DemoTruth, DemoVisit } from './types.js';

export interface CustomerLife {
  customer: DemoCustomer;
  truth: DemoTruth;
  /** Visits without their externalId, which is assigned once all visits are in time order. */
  visits: Omit<DemoVisit, 'externalId'>[];
  revenue: number;
}

export interface LifeContext {
  clocks: ReadonlyMap<string, DayTable>;
  shopClock: ShopClock;
  contacts: ContactBook;
}

/**
 * New customers are booked with whoever has room: juniors have the most free slots on the
 * portal, and the owner takes referrals personally.
 */
function assignStylist(rng: Rng, storeKey: string, channelKey: string): StaffProfile {
  const candidates = staffAt(storeKey);
  const weights = candidates.map((s) => {
    const base = s.bookingWeight[storeKey] ?? 0;
    if (channelKey === 'portal' && s.dropoutShift > 0.4) return base * 1.6;
    if (channelKey === 'referral' && s.role === 'owner') return base * 1.5;
    return base;
  });
  const chosen = candidates[categorical(rng, weights)];
  if (!chosen) throw new Error(`no stylists at ${storeKey}`);
  return chosen;
}

function stylistFor(rng: Rng, preferred: StaffProfile, storeKey: string, loyalty: number): StaffProfile {
  if (rng.next() < loyalty) return preferred;
  const others = staffAt(storeKey).filter((s) => s.key !== preferred.key);
  return others.length > 0 ? pick(rng, others) : preferred;
}

export function liveCustomerLife(
  rng: Rng,
  externalId: string,
  acquisition: Acquisition,
  ctx: LifeContext,
): CustomerLife {
  const model = channelModel(acquisition.channelKey);
  const clock = ctx.clocks.get(acquisition.storeKey);
  if (!clock) throw new Error(`no clock for ${acquisition.storeKey}`);
  const person = drawPerson(rng.fork('person'), acquisition.day, acquisition.storeKey, model, ctx.contacts);
  const care = drawCareProfile(rng.fork('care'), person.gender, person.ageAtFirstVisit);
  const stylist = assignStylist(rng.fork('stylist'), acquisition.storeKey, acquisition.channelKey);
  const latent = drawLatentBehaviour(rng.fork('latent'), model, stylist);
  const parentRng = rng.fork('parent');
  const parent =
    person.gender === 'female' &&
    person.ageAtFirstVisit >= 30 &&
    person.ageAtFirstVisit <= 46 &&
    parentRng.next() < 0.18;
  const habits = drawHabits(
    rng.fork('habits'),
    person.gender,
    person.ageAtFirstVisit,
    care,
    latent.spendMultiplier,
    parent,
  );
  const { days, churnedDay } = simulateVisitDays(rng.fork('visit-days'), acquisition.day, clock, latent);
  const consents = drawConsents(
    rng.fork('consents'),
    person.ageAtFirstVisit,
    person.email !== null,
    churnedDay !== null,
  );
  const contact = preferredContact(rng.fork('contact'), consents, person.email !== null, person.phone !== null);
  const birthMonth = civilOf(person.birthDay).month;

  let revenue = 0;
  const visits = days.map((day, visitIndex) => {
    const visitRng = rng.fork(`visit:${visitIndex}`);
    const civil = civilOf(day);
    const basket = buildBasket(visitRng, habits, {
      gender: person.gender,
      // The student price stops when they graduate, even if the tag stays on the karte.
      student: person.student && ageOn(person.birthDay, day) <= 22,
      visitIndex,
      month: civil.month,
      birthdayMonth: person.birthdayKnown && civil.month === birthMonth,
      lineFollower: consents.line === 'granted',
      channel: model,
      spendMultiplier: latent.spendMultiplier,
    });
    const lines = basket.items.reduce((sum, i) => sum + i.quantity * i.unitPrice - i.discount, 0);
    const total = lines - basket.discount;
    revenue += total;
    const staff = stylistFor(visitRng, stylist, acquisition.storeKey, visitIndex === 0 ? 1 : habits.sameStylist);
    const minutes = drawStartMinutes(visitRng, basket.durationMinutes, habits.timeOfDay, civil.weekday);
    return {
      customerExternalId: externalId,
      storeKey: acquisition.storeKey,
      staffKey: staff.key,
      startedAt: ctx.shopClock.instant(day, minutes),
      items: basket.items,
      discount: basket.discount,
      payments: drawPayments(visitRng, total, habits.payment),
    };
  });

  const tags: string[] = [];
  if (person.student) tags.push('学生');
  if (parent) tags.push('子連れ');
  if (care.allergy) tags.push('アレルギー注意');
  const customer: DemoCustomer = {
    externalId,
    familyName: person.family.kanji,
    givenName: person.given.kanji,
    familyNameKana: person.family.kana,
    givenNameKana: person.given.kana,
    email: person.email,
    phone: person.phone,
    gender: person.gender,
    birthday: person.birthdayKnown ? formatDay(person.birthDay) : null,
    postalCode: person.postalCode,
    area: person.area,
    channelKey: acquisition.channelKey,
    acquiredOn: formatDay(acquisition.day),
    homeStoreKey: acquisition.storeKey,
    preferredStaffKey: stylist.key,
    tags,
    notes: drawNote(rng.fork('note'), care.allergy, parent),
    attributes: attributeValues(rng.fork('attributes'), care, habits.colour > 0, contact),
    consents,
  };
  const truth: DemoTruth = {
    externalId,
    channelKey: acquisition.channelKey,
    visitRatePerYear: latent.visitRatePerYear,
    dropoutProbability: latent.dropoutProbability,
    churnedOn: churnedDay === null ? null : formatDay(churnedDay),
    spendMultiplier: latent.spendMultiplier,
  };
  return { customer, truth, visits, revenue };
}
