/**
 * The hundred most common Japanese family names, in rough order of frequency, with their
 * katakana readings and a romanisation used only to make up e-mail addresses.
 */
export interface FamilyName {
  kanji: string;
  kana: string;
  romaji: string;
}

const RAW = `
佐藤 サトウ sato|鈴木 スズキ suzuki|高橋 タカハシ takahashi|田中 タナカ tanaka|伊藤 イトウ ito
渡辺 ワタナベ watanabe|山本 ヤマモト yamamoto|中村 ナカムラ nakamura|小林 コバヤシ kobayashi|加藤 カトウ kato
吉田 ヨシダ yoshida|山田 ヤマダ yamada|佐々木 ササキ sasaki|山口 ヤマグチ yamaguchi|松本 マツモト matsumoto
井上 イノウエ inoue|木村 キムラ kimura|林 ハヤシ hayashi|斎藤 サイトウ saito|清水 シミズ shimizu
山崎 ヤマザキ yamazaki|森 モリ mori|池田 イケダ ikeda|橋本 ハシモト hashimoto|阿部 アベ abe
石川 イシカワ ishikawa|山下 ヤマシタ yamashita|中島 ナカジマ nakajima|石井 イシイ ishii|小川 オガワ ogawa
前田 マエダ maeda|岡田 オカダ okada|長谷川 ハセガワ hasegawa|藤田 フジタ fujita|後藤 ゴトウ goto
近藤 コンドウ kondo|村上 ムラカミ murakami|遠藤 エンドウ endo|青木 アオキ aoki|坂本 サカモト sakamoto
斉藤 サイトウ saito|福田 フクダ fukuda|太田 オオタ ota|西村 ニシムラ nishimura|藤井 フジイ fujii
金子 カネコ kaneko|岡本 オカモト okamoto|藤原 フジワラ fujiwara|中野 ナカノ nakano|三浦 ミウラ miura
原田 ハラダ harada|中川 ナカガワ nakagawa|松田 マツダ matsuda|竹内 タケウチ takeuchi|小野 オノ ono
田村 タムラ tamura|中山 ナカヤマ nakayama|和田 ワダ wada|石田 イシダ ishida|森田 モリタ morita
上田 ウエダ ueda|原 ハラ hara|内田 ウチダ uchida|柴田 シバタ shibata|酒井 サカイ sakai
宮崎 ミヤザキ miyazaki|横山 ヨコヤマ yokoyama|高木 タカギ takagi|安藤 アンドウ ando|宮本 ミヤモト miyamoto
大野 オオノ ohno|小島 コジマ kojima|谷口 タニグチ taniguchi|今井 イマイ imai|工藤 クドウ kudo
高田 タカダ takada|増田 マスダ masuda|丸山 マルヤマ maruyama|杉山 スギヤマ sugiyama|村田 ムラタ murata
大塚 オオツカ otsuka|新井 アライ arai|小山 コヤマ koyama|平野 ヒラノ hirano|藤本 フジモト fujimoto
河野 コウノ kono|上野 ウエノ ueno|野口 ノグチ noguchi|武田 タケダ takeda|松井 マツイ matsui
千葉 チバ chiba|菅原 スガワラ sugawara|岩崎 イワサキ iwasaki|久保 クボ kubo|木下 キノシタ kinoshita
佐野 サノ sano|野村 ノムラ nomura|松尾 マツオ matsuo|市川 イチカワ ichikawa|菊地 キクチ kikuchi
`;

export const FAMILY_NAMES: readonly FamilyName[] = RAW.split(/[|\n]/)
  .map((entry) => entry.trim())
  .filter((entry) => entry.length > 0)
  .map((entry) => {
    const [kanji = '', kana = '', romaji = ''] = entry.split(' ');
    return { kanji, kana, romaji };
  });

/** Name frequencies fall off roughly as a power of rank (佐藤 is ~1.5%, rank 100 ~0.2%). */
export function familyNameWeight(rank: number): number {
  return 1 / Math.pow(rank + 8, 0.9);
}
