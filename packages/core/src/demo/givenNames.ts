/**
 * Common given names with katakana readings, grouped by the generation that typically
 * carries them, so that a 60-year-old is a 恵子 rather than a 陽菜.
 */
export type NameEra = 'showa' | 'heisei' | 'reiwa';

export interface GivenName {
  kanji: string;
  kana: string;
  romaji: string;
  era: NameEra;
}

/** Born up to 1975 → showa names; 1976–1995 → heisei; later → reiwa-era fashions. */
export function eraOfBirthYear(year: number): NameEra {
  if (year <= 1975) return 'showa';
  if (year <= 1995) return 'heisei';
  return 'reiwa';
}

function parse(era: NameEra, raw: string): GivenName[] {
  return raw
    .split(/[|\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [kanji = '', kana = '', romaji = ''] = entry.split(' ');
      return { kanji, kana, romaji, era };
    });
}

export const FEMALE_GIVEN_NAMES: readonly GivenName[] = [
  ...parse(
    'showa',
    `恵子 ケイコ keiko|洋子 ヨウコ yoko|幸子 サチコ sachiko|京子 キョウコ kyoko|裕子 ユウコ yuko
     久美子 クミコ kumiko|由美子 ユミコ yumiko|直美 ナオミ naomi|真由美 マユミ mayumi|明美 アケミ akemi
     和子 カズコ kazuko|典子 ノリコ noriko|陽子 ヨウコ yoko|智子 トモコ tomoko|順子 ジュンコ junko
     美穂 ミホ miho|由美 ユミ yumi|恵美 エミ emi|真理子 マリコ mariko|さおり サオリ saori
     みゆき ミユキ miyuki|純子 ジュンコ junko|康子 ヤスコ yasuko|美香 ミカ mika`,
  ),
  ...parse(
    'heisei',
    `恵 メグミ megumi|愛 アイ ai|舞 マイ mai|彩 アヤ aya|麻衣 マイ mai
     千尋 チヒロ chihiro|美紀 ミキ miki|沙織 サオリ saori|香織 カオリ kaori|綾 アヤ aya
     友美 トモミ tomomi|智美 トモミ tomomi|麻美 アサミ asami|美咲 ミサキ misaki|瞳 ヒトミ hitomi
     愛美 マナミ manami|彩香 アヤカ ayaka|由佳 ユカ yuka|奈々 ナナ nana|明日香 アスカ asuka
     加奈子 カナコ kanako|理恵 リエ rie|優子 ユウコ yuko|亜美 アミ ami|沙耶 サヤ saya
     遥 ハルカ haruka|七海 ナナミ nanami|彩乃 アヤノ ayano|早紀 サキ saki|真央 マオ mao`,
  ),
  ...parse(
    'reiwa',
    `陽菜 ヒナ hina|結衣 ユイ yui|葵 アオイ aoi|さくら サクラ sakura|美羽 ミウ miu
     結菜 ユナ yuna|凛 リン rin|美月 ミヅキ mizuki|芽依 メイ mei|心春 コハル koharu
     杏 アン an|莉子 リコ riko|花音 カノン kanon|優奈 ユウナ yuna|彩花 アヤカ ayaka
     愛莉 アイリ airi|琴音 コトネ kotone|紗希 サキ saki|美優 ミユ miyu|柚希 ユズキ yuzuki
     日菜子 ヒナコ hinako|楓 カエデ kaede|菜々子 ナナコ nanako|穂乃香 ホノカ honoka|ひかり ヒカリ hikari
     真子 マコ mako|千夏 チナツ chinatsu|詩織 シオリ shiori`,
  ),
];

export const MALE_GIVEN_NAMES: readonly GivenName[] = [
  ...parse(
    'showa',
    `浩 ヒロシ hiroshi|誠 マコト makoto|隆 タカシ takashi|茂 シゲル shigeru|博 ヒロシ hiroshi
     明 アキラ akira|修 オサム osamu|正人 マサト masato|和彦 カズヒコ kazuhiko|哲也 テツヤ tetsuya
     健一 ケンイチ kenichi|伸一 シンイチ shinichi|秀樹 ヒデキ hideki|清 キヨシ kiyoshi|勉 ツトム tsutomu
     英樹 ヒデキ hideki|聡 サトシ satoshi|実 ミノル minoru|浩二 コウジ koji|正 タダシ tadashi
     和夫 カズオ kazuo|勝 マサル masaru|豊 ユタカ yutaka|進 ススム susumu`,
  ),
  ...parse(
    'heisei',
    `大輔 ダイスケ daisuke|拓也 タクヤ takuya|健太 ケンタ kenta|翔太 ショウタ shota|直樹 ナオキ naoki
     達也 タツヤ tatsuya|雄太 ユウタ yuta|和也 カズヤ kazuya|亮 リョウ ryo|剛 ツヨシ tsuyoshi
     健 ケン ken|大介 ダイスケ daisuke|慎也 シンヤ shinya|洋平 ヨウヘイ yohei|翔 ショウ sho
     智也 トモヤ tomoya|健太郎 ケンタロウ kentaro|裕太 ユウタ yuta|拓海 タクミ takumi|俊介 シュンスケ shunsuke
     隼人 ハヤト hayato|亮介 リョウスケ ryosuke|悠介 ユウスケ yusuke|康平 コウヘイ kohei|雄一 ユウイチ yuichi
     祐介 ユウスケ yusuke|真一 シンイチ shinichi|貴之 タカユキ takayuki|将太 ショウタ shota|圭 ケイ kei`,
  ),
  ...parse(
    'reiwa',
    `蓮 レン ren|湊 ミナト minato|大翔 ヒロト hiroto|悠真 ユウマ yuma|陽翔 ハルト haruto
     颯太 ソウタ sota|樹 イツキ itsuki|大和 ヤマト yamato|陸 リク riku|悠人 ユウト yuto
     海斗 カイト kaito|颯 ハヤテ hayate|蒼 アオイ aoi|奏太 カナタ kanata|陽向 ヒナタ hinata
     悠斗 ユウト yuto|朝陽 アサヒ asahi|瑛太 エイタ eita|優斗 ユウト yuto|晴 ハル haru
     結翔 ユイト yuito|新 アラタ arata|律 リツ ritsu|駿 シュン shun|琉生 ルイ rui
     大雅 タイガ taiga`,
  ),
];
