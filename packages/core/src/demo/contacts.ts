import { categorical, pick, type Rng } from '@kayoi/stats';

const HOBBY_WORDS = [
  'cafe',
  'neko',
  'sakura',
  'piano',
  'travel',
  'camera',
  'yoga',
  'run',
  'umi',
  'hana',
  'momo',
  'sora',
];
const EMAIL_DOMAINS = ['example.com', 'example.jp'];
const MOBILE_PREFIXES = ['090', '080', '070'];

/**
 * Makes up phone numbers and e-mail addresses and keeps them unique across the dataset, so
 * that imports which match customers on contacts see one customer per address. E-mail is
 * only ever on the reserved example domains; phone numbers are random and never texted.
 */
export class ContactBook {
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();

  phone(rng: Rng): string {
    for (;;) {
      const prefix = MOBILE_PREFIXES[categorical(rng, [0.45, 0.4, 0.15])] ?? '090';
      const candidate = prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(candidate)) {
        this.phones.add(candidate);
        return candidate;
      }
    }
  }

  email(rng: Rng, given: string, family: string, birthYear: number): string {
    const yy = String(birthYear % 100).padStart(2, '0');
    const forms = [
      `${given}.${family}${yy}`,
      `${family}.${given}`,
      `${given}${family.charAt(0)}${rng.int(1, 999)}`,
      `${given}_${pick(rng, HOBBY_WORDS)}`,
      `${family}${given.charAt(0)}${yy}`,
    ];
    const local = pick(rng, forms);
    const domain = rng.next() < 0.6 ? EMAIL_DOMAINS[0] : EMAIL_DOMAINS[1];
    let candidate = `${local}@${domain}`;
    for (let n = 2; this.emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    this.emails.add(candidate);
    return candidate;
  }
}
