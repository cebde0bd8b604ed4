export interface NewCustomerValues {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  phone: string;
}

const PHONE = /^[+0-9０-９()（）\-‐－ー― ]+$/;
const KANA = /^[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f\s\u3000]+$/;

/**
 * What was typed into the search, carried into the new-customer form: a stylist who searched
 * "ヤマダ" or "090…" and found no one should not have to type it again.
 */
export function prefillFrom(typed: string): NewCustomerValues {
  const values: NewCustomerValues = { familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', phone: '' };
  const text = typed.trim();
  if (text === '') return values;
  if (PHONE.test(text) && /[0-9０-９]/.test(text)) return { ...values, phone: text };
  const [family = '', ...given] = text.split(/[\s\u3000]+/);
  if (KANA.test(text)) return { ...values, familyNameKana: family, givenNameKana: given.join(' ') };
  return { ...values, familyName: family, givenName: given.join(' ') };
}
