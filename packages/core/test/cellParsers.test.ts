import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  areaFromAddress,
  parseConsent,
  parseCount,
  parseGender,
  parseItemKind,
  parseLocalDate,
  parseLocalDateTime,
  parsePaymentMethod,
  parseTime,
  parseYen,
  splitList,
  type Parsed,
} from '../src/imports/cellParsers.js';

function table<T>(name: string, parse: (text: string) => Parsed<T>, rows: [string, Parsed<T>][]) {
  describe(name, () => {
    for (const [text, expected] of rows) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(parse(text), expected);
      });
    }
  });
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = <T>(code: string): Parsed<T> => ({ ok: false, code }) as Parsed<T>;

table('parseYen', parseYen, [
  ['5500', ok(5500)],
  ['¥5,500', ok(5500)],
  ['￥5,500', ok(5500)],
  ['5500円', ok(5500)],
  ['5,500 円', ok(5500)],
  ['５，５００', ok(5500)],
  ['￥５，５００円', ok(5500)],
  ['0', ok(0)],
  ['999999999', ok(999999999)],
  ['-500', err('INVALID_AMOUNT')],
  ['▲500', err('INVALID_AMOUNT')],
  ['5500.0', err('INVALID_AMOUNT')],
  ['5,500.5', err('INVALID_AMOUNT')],
  ['1000000000', err('INVALID_AMOUNT')],
  ['円', err('INVALID_AMOUNT')],
  ['', err('INVALID_AMOUNT')],
  ['abc', err('INVALID_AMOUNT')],
]);

table('parseCount', parseCount, [
  ['1', ok(1)],
  ['３', ok(3)],
  ['2個', ok(2)],
  ['999', ok(999)],
  ['0', err('INVALID_QUANTITY')],
  ['1000', err('INVALID_QUANTITY')],
  ['1.5', err('INVALID_QUANTITY')],
  ['-1', err('INVALID_QUANTITY')],
]);

const day = (year: number, month: number, d: number, hour = 0, minute = 0, second = 0) =>
  ok({ year, month, day: d, hour, minute, second });

table('parseLocalDateTime', parseLocalDateTime, [
  ['2024/3/5', day(2024, 3, 5)],
  ['2024/03/05', day(2024, 3, 5)],
  ['2024-03-05', day(2024, 3, 5)],
  ['2024.3.5', day(2024, 3, 5)],
  ['2024年3月5日', day(2024, 3, 5)],
  ['２０２４／３／５', day(2024, 3, 5)],
  ['20240305', day(2024, 3, 5)],
  ['2024/3/5 14:30', day(2024, 3, 5, 14, 30)],
  ['2024-03-05T09:05:07', day(2024, 3, 5, 9, 5, 7)],
  ['2024/2/29', day(2024, 2, 29)],
  ['2024/02/30', err('INVALID_DATE')],
  ['2023/2/29', err('INVALID_DATE')],
  ['2024/4/31', err('INVALID_DATE')],
  ['2024/13/1', err('INVALID_DATE')],
  ['2024/0/1', err('INVALID_DATE')],
  ['20241305', err('INVALID_DATE')],
  ['1899/12/31', err('INVALID_DATE')],
  ['24/3/5', err('INVALID_DATE')],
  ['R6/3/5', err('INVALID_DATE')],
  ['3/5/2024', err('INVALID_DATE')],
  ['', err('INVALID_DATE')],
  ['2024/3/5 24:00', err('INVALID_TIME')],
  ['2024/3/5 12:60', err('INVALID_TIME')],
]);

table('parseLocalDate', parseLocalDate, [
  ['2024/3/5', ok('2024-03-05')],
  ['2024年12月25日', ok('2024-12-25')],
  ['19900401', ok('1990-04-01')],
  ['2024/02/30', err('INVALID_DATE')],
]);

table('parseTime', parseTime, [
  ['14:30', ok({ hour: 14, minute: 30, second: 0 })],
  ['9:05:00', ok({ hour: 9, minute: 5, second: 0 })],
  ['１４：３０', ok({ hour: 14, minute: 30, second: 0 })],
  ['14時30分15秒', ok({ hour: 14, minute: 30, second: 15 })],
  ['0:00', ok({ hour: 0, minute: 0, second: 0 })],
  ['24:00', err('INVALID_TIME')],
  ['12:60', err('INVALID_TIME')],
  ['12:30:60', err('INVALID_TIME')],
  ['2pm', err('INVALID_TIME')],
]);

table('parseGender', parseGender, [
  ['女性', ok('female')],
  ['女', ok('female')],
  ['F', ok('female')],
  ['Ｆ', ok('female')],
  ['Female', ok('female')],
  ['男性', ok('male')],
  ['男', ok('male')],
  ['MALE', ok('male')],
  ['その他', ok('other')],
  ['不明', ok('unspecified')],
  ['未回答', ok('unspecified')],
  ['-', ok('unspecified')],
  ['？', err('INVALID_GENDER')],
]);

table('parseConsent', parseConsent, [
  ['可', ok('granted')],
  ['希望', ok('granted')],
  ['Yes', ok('granted')],
  ['OPT IN', ok('granted')],
  ['○', ok('granted')],
  ['1', ok('granted')],
  ['不可', ok('withdrawn')],
  ['希望しない', ok('withdrawn')],
  ['停止', ok('withdrawn')],
  ['×', ok('withdrawn')],
  ['0', ok('withdrawn')],
  ['maybe', err('INVALID_CONSENT')],
]);

table('parsePaymentMethod', parsePaymentMethod, [
  ['現金', ok('cash')],
  ['カード', ok('card')],
  ['クレジットカード', ok('card')],
  ['Credit Card', ok('card')],
  ['PayPay', ok('qr')],
  ['ＱＲ', ok('qr')],
  ['QRコード', ok('qr')],
  ['電子マネー', ok('qr')],
  ['プリペイド', ok('prepaid')],
  ['回数券', ok('prepaid')],
  ['ポイント', ok('points')],
  ['その他', ok('other')],
  ['ツケ', err('INVALID_PAYMENT_METHOD')],
]);

table('parseItemKind', parseItemKind, [
  ['施術', ok('service')],
  ['技術', ok('service')],
  ['Service', ok('service')],
  ['店販', ok('product')],
  ['物販', ok('product')],
  ['RETAIL', ok('product')],
  ['その他', err('INVALID_ITEM_KIND')],
]);

describe('areaFromAddress', () => {
  const cases: [string, string | null][] = [
    ['東京都渋谷区神宮前1-2-3', '渋谷区'],
    ['東京都中央区銀座4-6-16', '中央区'],
    ['東京都八王子市旭町1-1', '八王子市'],
    ['東京都府中市宮町1-1', '府中市'],
    ['神奈川県横浜市港北区日吉1-1', '横浜市港北区'],
    ['神奈川県川崎市川崎区駅前本町', '川崎市川崎区'],
    ['大阪府大阪市北区梅田1-1', '大阪市北区'],
    ['大阪府堺市堺区南瓦町', '堺市堺区'],
    ['京都府京都市左京区下鴨', '京都市左京区'],
    ['北海道札幌市中央区北1条西2丁目', '札幌市中央区'],
    ['福岡県北九州市小倉北区城内', '北九州市小倉北区'],
    ['和歌山県和歌山市七番丁', '和歌山市'],
    ['埼玉県川口市本町', '川口市'],
    ['千葉県市川市八幡', '市川市'],
    ['長野県北佐久郡軽井沢町軽井沢', '北佐久郡軽井沢町'],
    ['渋谷区神宮前1-2-3', '渋谷区'],
    ['東京都', null],
    ['', null],
  ];
  for (const [address, area] of cases) {
    it(`${JSON.stringify(address)} → ${JSON.stringify(area)}`, () => {
      assert.equal(areaFromAddress(address), area);
    });
  }
});

describe('splitList', () => {
  it('splits on , 、 / | ; and ；, trims and drops empties', () => {
    assert.deepEqual(splitList('VIP、紹介 / 学生|カラー;パーマ；,,'), ['VIP', '紹介', '学生', 'カラー', 'パーマ']);
    assert.deepEqual(splitList('  '), []);
  });
});
