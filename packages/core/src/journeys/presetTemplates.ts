import type { TemplateCreate, TemplateVariant } from '@kayoi/contracts';

/**
 * Default texts of the lifecycle presets, one LINE text and one email template per message.
 * Only variables of the template context appear (docs/user/templates.md); salons edit them
 * after installing. Email HTML is built from the text so the two parts never disagree;
 * variables in HTML are escaped by the renderer.
 */

export interface PresetTemplates {
  readonly line: TemplateCreate;
  readonly email: TemplateCreate;
}

interface Texts {
  readonly line: string;
  readonly subject: string;
  readonly email: string;
}

function html(text: string): string {
  return text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const email = (t: Texts): TemplateVariant => ({ subject: t.subject, body: html(t.email), text: t.email });

function presetTemplates(name: string, ja: Texts, en: Texts): PresetTemplates {
  return {
    line: { name: `${name} (LINE)`, channel: 'line_text', ja: { body: ja.line }, en: { body: en.line } },
    email: { name: `${name} (メール)`, channel: 'email', ja: email(ja), en: email(en) },
  };
}

const JA_NAME = '{{ customer.name | default: "お客" }}様';
const EN_NAME = 'Dear {{ customer.name | default: "customer" }},';

export const presetTemplateTexts = {
  thank_you: presetTemplates(
    'ご来店お礼',
    {
      line: `${JA_NAME}\n本日は{{ shop.name }}にご来店いただきありがとうございました。{% if last_visit.service != blank %}{{ last_visit.service }}の仕上がりはいかがでしょうか。{% endif %}またのお越しをお待ちしております。`,
      subject: '本日はご来店ありがとうございました',
      email: `${JA_NAME}\n\n本日は{{ shop.name }}にご来店いただきありがとうございました。\n\nまたのお越しを心よりお待ちしております。`,
    },
    {
      line: `${EN_NAME}\nThank you for visiting {{ shop.name }} today. We hope you love your {{ last_visit.service | default: "new look" }}. See you again soon!`,
      subject: 'Thank you for your visit',
      email: `${EN_NAME}\n\nThank you for visiting {{ shop.name }} today.\n\nWe look forward to seeing you again.`,
    },
  ),
  aftercare_colour: presetTemplates(
    'カラー後のアフターケア',
    {
      line: `${JA_NAME}\nカラーから2日が経ちました。色持ちを良くするため、洗髪はぬるめのお湯で、カラー用シャンプーのご使用がおすすめです。気になる点があればお気軽にご返信ください。{{ shop.name }}`,
      subject: 'カラー後のお手入れのポイント',
      email: `${JA_NAME}\n\nカラーから2日が経ちました。色持ちを良くするため、洗髪はぬるめのお湯で、カラー用シャンプーのご使用がおすすめです。\n\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nIt has been two days since your colour. Rinse with lukewarm water and use a colour-safe shampoo to keep it vibrant. Reply any time with questions. {{ shop.name }}`,
      subject: 'Caring for your new colour',
      email: `${EN_NAME}\n\nIt has been two days since your colour. Rinse with lukewarm water and use a colour-safe shampoo to keep it vibrant.\n\n{{ shop.name }}`,
    },
  ),
  aftercare_perm: presetTemplates(
    'パーマ・縮毛矯正後のアフターケア',
    {
      line: `${JA_NAME}\n施術から2日が経ちました。ここからは普段どおりシャンプーしていただけます。乾かすときは根元から、毛先は握るように乾かすとスタイルが長持ちします。{{ shop.name }}`,
      subject: 'パーマ後のお手入れのポイント',
      email: `${JA_NAME}\n\n施術から2日が経ちました。ここからは普段どおりシャンプーしていただけます。乾かすときは根元から乾かすとスタイルが長持ちします。\n\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nIt has been two days since your treatment, so you can wash your hair as usual now. Dry from the roots to keep the style longer. {{ shop.name }}`,
      subject: 'Caring for your perm',
      email: `${EN_NAME}\n\nIt has been two days since your treatment, so you can wash your hair as usual now. Dry from the roots to keep the style longer.\n\n{{ shop.name }}`,
    },
  ),
  aftercare_general: presetTemplates(
    'ご来店後のアフターケア',
    {
      line: `${JA_NAME}\n先日はありがとうございました。その後スタイリングはいかがですか？ご不明な点があればこちらにご返信ください。{{ shop.name }}`,
      subject: 'その後のスタイルはいかがですか',
      email: `${JA_NAME}\n\n先日はありがとうございました。その後スタイリングはいかがですか？\n\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nThank you for your recent visit. How is your style settling in? Reply here with any questions. {{ shop.name }}`,
      subject: 'How is your new style?',
      email: `${EN_NAME}\n\nThank you for your recent visit. How is your style settling in?\n\n{{ shop.name }}`,
    },
  ),
  next_visit: presetTemplates(
    '次回来店のご案内',
    {
      line: `${JA_NAME}\n前回{{ last_visit.date }}のご来店から、そろそろお手入れの時期です。{% if next_visit.date %}{{ next_visit.date }}頃のご来店がおすすめです。{% endif %}ご予約をお待ちしております。{{ shop.name }}`,
      subject: 'そろそろ次回のご来店時期です',
      email: `${JA_NAME}\n\n前回{{ last_visit.date }}のご来店から、そろそろお手入れの時期です。\n\nご予約をお待ちしております。\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nIt is nearly time for your next visit (last time: {{ last_visit.date }}). We would love to see you again. {{ shop.name }}`,
      subject: 'Time for your next visit',
      email: `${EN_NAME}\n\nIt is nearly time for your next visit (last time: {{ last_visit.date }}).\n\nWe would love to see you again.\n{{ shop.name }}`,
    },
  ),
  birthday: presetTemplates(
    'お誕生日のお祝い',
    {
      line: `${JA_NAME}\nもうすぐお誕生日ですね。おめでとうございます！お誕生月にご来店の際は、このメッセージをご提示ください。ささやかな特典をご用意しています。{{ shop.name }}`,
      subject: 'お誕生日おめでとうございます',
      email: `${JA_NAME}\n\nもうすぐお誕生日ですね。おめでとうございます！\n\nお誕生月にご来店の際は、このメールをご提示ください。ささやかな特典をご用意しています。\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nYour birthday is coming up. Happy birthday! Show this message during your birthday month for a small gift from us. {{ shop.name }}`,
      subject: 'Happy birthday!',
      email: `${EN_NAME}\n\nYour birthday is coming up. Happy birthday!\n\nShow this email during your birthday month for a small gift from us.\n{{ shop.name }}`,
    },
  ),
  win_back: presetTemplates(
    'お久しぶりのご案内',
    {
      line: `${JA_NAME}\nご無沙汰しております。前回{{ last_visit.date }}のご来店以来、いかがお過ごしでしょうか。髪のお悩みなどあればお気軽にご相談ください。{{ shop.name }}`,
      subject: 'お久しぶりです',
      email: `${JA_NAME}\n\nご無沙汰しております。前回{{ last_visit.date }}のご来店以来、いかがお過ごしでしょうか。\n\nまたお会いできるのを楽しみにしております。\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nIt has been a while since your last visit on {{ last_visit.date }}. We miss you! Reply any time if we can help. {{ shop.name }}`,
      subject: 'We miss you',
      email: `${EN_NAME}\n\nIt has been a while since your last visit on {{ last_visit.date }}.\n\nWe hope to see you again soon.\n{{ shop.name }}`,
    },
  ),
  review_request: presetTemplates(
    'ご感想のお願い',
    {
      line: `${JA_NAME}\n昨日はありがとうございました。{% if last_visit.staff %}担当{{ last_visit.staff }}の{% endif %}施術はいかがでしたか？ご感想をこのメッセージへのご返信でお聞かせいただけると励みになります。{{ shop.name }}`,
      subject: 'ご感想をお聞かせください',
      email: `${JA_NAME}\n\n昨日はありがとうございました。施術はいかがでしたか？\n\nご感想をこのメールへのご返信でお聞かせいただけると励みになります。\n{{ shop.name }}`,
    },
    {
      line: `${EN_NAME}\nThank you for visiting yesterday. How was everything{% if last_visit.staff %} with {{ last_visit.staff }}{% endif %}? A quick reply with your thoughts means a lot to us. {{ shop.name }}`,
      subject: 'How was your visit?',
      email: `${EN_NAME}\n\nThank you for visiting yesterday. How was everything?\n\nA quick reply with your thoughts means a lot to us.\n{{ shop.name }}`,
    },
  ),
} as const satisfies Record<string, PresetTemplates>;

export type PresetTemplateKey = keyof typeof presetTemplateTexts;
