// Name parts for synthetic Japanese organisations and people. Every part carries its reading,
// so a composed name's フリガナ is the concatenation of its parts' readings. Following the
// 法人番号公表サイト convention, the reading of an organisation omits the legal-form word
// (株式会社, 一般社団法人, …): 株式会社東洋精機 → トウヨウセイキ.
import type { Rng } from './rng.ts';
import { Weighted } from './rng.ts';

export type Part = readonly [ja: string, kana: string];

const p = (ja: string, kana: string): Part => [ja, kana];
/** Katakana words are their own reading. */
const k = (word: string): Part => [word, word];

// ---------------------------------------------------------------- organisation name parts

export const PLACE_PARTS: readonly Part[] = [
  p('東洋', 'トウヨウ'), p('日本', 'ニホン'), p('大和', 'ヤマト'), p('関東', 'カントウ'), p('関西', 'カンサイ'),
  p('東京', 'トウキョウ'), p('大阪', 'オオサカ'), p('北海道', 'ホッカイドウ'), p('九州', 'キュウシュウ'),
  p('中部', 'チュウブ'), p('北陸', 'ホクリク'), p('東北', 'トウホク'), p('四国', 'シコク'), p('湘南', 'ショウナン'),
  p('富士', 'フジ'), p('瀬戸内', 'セトウチ'), p('信州', 'シンシュウ'), p('横浜', 'ヨコハマ'), p('名古屋', 'ナゴヤ'),
  p('京都', 'キョウト'), p('神戸', 'コウベ'), p('広島', 'ヒロシマ'), p('仙台', 'センダイ'), p('札幌', 'サッポロ'),
  p('福岡', 'フクオカ'), p('東海', 'トウカイ'), p('阪神', 'ハンシン'), p('京浜', 'ケイヒン'), p('房総', 'ボウソウ'),
  p('常磐', 'ジョウバン'), p('北越', 'ホクエツ'), p('南海', 'ナンカイ'), p('西日本', 'ニシニホン'),
  p('東日本', 'ヒガシニホン'), p('新潟', 'ニイガタ'), p('武蔵', 'ムサシ'), p('相模', 'サガミ'), p('三河', 'ミカワ'),
  p('尾張', 'オワリ'), p('播磨', 'ハリマ'), p('筑紫', 'ツクシ'), p('肥後', 'ヒゴ'), p('薩摩', 'サツマ'),
  p('出雲', 'イズモ'), p('吉備', 'キビ'), p('伊予', 'イヨ'), p('土佐', 'トサ'), p('琉球', 'リュウキュウ'),
  p('会津', 'アイヅ'), p('甲斐', 'カイ'), p('越後', 'エチゴ'), p('多摩', 'タマ'), p('城南', 'ジョウナン'),
  p('城北', 'ジョウホク'), p('岡崎', 'オカザキ'), p('浜松', 'ハママツ'), p('尼崎', 'アマガサキ'), p('姫路', 'ヒメジ'),
  p('長野', 'ナガノ'), p('静岡', 'シズオカ'), p('岐阜', 'ギフ'), p('奈良', 'ナラ'), p('金沢', 'カナザワ'),
];

export const ABSTRACT_PARTS: readonly Part[] = [
  p('太陽', 'タイヨウ'), p('明和', 'メイワ'), p('昭和', 'ショウワ'), p('大成', 'タイセイ'), p('新日本', 'シンニホン'),
  p('共栄', 'キョウエイ'), p('協和', 'キョウワ'), p('三和', 'サンワ'), p('旭', 'アサヒ'), p('朝日', 'アサヒ'),
  p('第一', 'ダイイチ'), p('中央', 'チュウオウ'), p('東邦', 'トウホウ'), p('日進', 'ニッシン'), p('興和', 'コウワ'),
  p('双葉', 'フタバ'), p('青葉', 'アオバ'), p('若葉', 'ワカバ'), p('光', 'ヒカリ'), p('大同', 'ダイドウ'),
  p('三光', 'サンコウ'), p('日東', 'ニットウ'), p('日興', 'ニッコウ'), p('丸和', 'マルワ'), p('平和', 'ヘイワ'),
  p('千代田', 'チヨダ'), p('八洲', 'ヤシマ'), p('弘進', 'コウシン'), p('栄光', 'エイコウ'), p('永和', 'エイワ'),
  p('豊和', 'ホウワ'), p('正和', 'セイワ'), p('泰平', 'タイヘイ'), p('大栄', 'ダイエイ'), p('日栄', 'ニチエイ'),
  p('東和', 'トウワ'), p('北辰', 'ホクシン'), p('明治', 'メイジ'), p('大正', 'タイショウ'), p('瑞穂', 'ミズホ'),
  p('白鳥', 'シラトリ'), p('桜', 'サクラ'), p('菱和', 'リョウワ'), p('信和', 'シンワ'), p('高砂', 'タカサゴ'),
  p('宝', 'タカラ'), p('金剛', 'コンゴウ'), p('不二', 'フジ'), p('扇', 'オウギ'), p('三星', 'ミツボシ'),
  p('曙', 'アケボノ'), p('暁', 'アカツキ'), p('黎明', 'レイメイ'), p('創和', 'ソウワ'), p('新興', 'シンコウ'),
  p('近代', 'キンダイ'), p('国際', 'コクサイ'), p('総合', 'ソウゴウ'), p('昭栄', 'ショウエイ'), p('共立', 'キョウリツ'),
  p('大新', 'ダイシン'), p('富国', 'フコク'), p('明星', 'ミョウジョウ'), p('美和', 'ミワ'), p('和光', 'ワコウ'),
  p('三協', 'サンキョウ'), p('丸一', 'マルイチ'), p('山一', 'ヤマイチ'), p('一心', 'イッシン'), p('誠心', 'セイシン'),
  p('新光', 'シンコウ'), p('大光', 'ダイコウ'), p('鳳', 'オオトリ'), p('清和', 'セイワ'), p('松葉', 'マツバ'),
];

export const KATAKANA_PARTS: readonly Part[] = [
  'サンライズ', 'グローバル', 'ネクスト', 'アクティブ', 'クリエイト', 'フューチャー', 'リンク', 'エコー', 'ライフ',
  'アーク', 'ユニオン', 'アルファ', 'オメガ', 'プライム', 'ブライト', 'スマート', 'ビジョン', 'フロンティア',
  'ハーモニー', 'パシフィック', 'アトラス', 'コスモ', 'ステラ', 'ノヴァ', 'ルミナス', 'エバー', 'グリーン', 'ブルー',
  'シルバー', 'ゴールド', 'オリオン', 'ペガサス', 'フェニックス', 'ミライ', 'テラ', 'アース', 'スカイ', 'ユニバーサル',
  'インター', 'トラスト', 'ベスト', 'ファースト', 'リード', 'ウィズ', 'キューブ', 'ソレイユ', 'アイリス', 'エール',
  'ルート', 'コア', 'ネオ', 'ゼスト', 'ライズ', 'ポラリス', 'シグマ', 'デルタ', 'アクア', 'ノース', 'サウス',
].map(k);

/** Business words by JSIC major group (the company's industry). */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly Part[]>> = {
  A: [p('農園', 'ノウエン'), k('ファーム'), p('林業', 'リンギョウ'), p('牧場', 'ボクジョウ'), p('農産', 'ノウサン'), k('アグリ')],
  B: [p('水産', 'スイサン'), p('漁業', 'ギョギョウ'), k('マリン'), p('養殖', 'ヨウショク')],
  C: [p('鉱業', 'コウギョウ'), p('砕石', 'サイセキ'), p('資源開発', 'シゲンカイハツ'), p('石灰', 'セッカイ')],
  D: [
    p('建設', 'ケンセツ'), p('工務店', 'コウムテン'), p('土木', 'ドボク'), p('建工', 'ケンコウ'), p('設備', 'セツビ'),
    p('電設', 'デンセツ'), k('ハウジング'), p('興業', 'コウギョウ'), p('住建', 'ジュウケン'), p('塗装', 'トソウ'),
    p('防水', 'ボウスイ'), p('建設工業', 'ケンセツコウギョウ'), p('組', 'グミ'),
  ],
  E: [
    p('工業', 'コウギョウ'), p('製作所', 'セイサクショ'), p('精機', 'セイキ'), p('電機', 'デンキ'), p('化学', 'カガク'),
    p('製薬', 'セイヤク'), p('食品', 'ショクヒン'), p('金属', 'キンゾク'), p('鉄工所', 'テッコウショ'), p('機械', 'キカイ'),
    p('電子', 'デンシ'), p('産業', 'サンギョウ'), p('印刷', 'インサツ'), p('製菓', 'セイカ'), p('繊維', 'センイ'),
    p('樹脂', 'ジュシ'), p('塗料', 'トリョウ'), p('工機', 'コウキ'), p('精密', 'セイミツ'), p('酒造', 'シュゾウ'),
    p('製紙', 'セイシ'), p('硝子', 'ガラス'), p('製鋼', 'セイコウ'), p('技研', 'ギケン'), k('メタル'), p('化成', 'カセイ'),
    p('光学', 'コウガク'), p('精工', 'セイコウ'), p('重工業', 'ジュウコウギョウ'), p('電工', 'デンコウ'),
  ],
  F: [p('電力', 'デンリョク'), k('ガス'), k('エネルギー'), p('熱供給', 'ネツキョウキュウ'), p('水道サービス', 'スイドウサービス')],
  G: [
    k('システムズ'), k('ソフト'), p('情報システム', 'ジョウホウシステム'), k('ネットワークス'), k('テクノロジーズ'),
    k('データ'), p('放送', 'ホウソウ'), p('通信', 'ツウシン'), k('ソリューションズ'), k('デジタル'), k('ソフトウェア'),
    k('テック'), p('情報サービス', 'ジョウホウサービス'), k('コミュニケーションズ'), k('メディア'),
  ],
  H: [
    p('運輸', 'ウンユ'), p('物流', 'ブツリュウ'), p('交通', 'コウツウ'), p('運送', 'ウンソウ'), p('海運', 'カイウン'),
    k('ロジスティクス'), k('バス'), k('タクシー'), p('倉庫', 'ソウコ'), p('急送', 'キュウソウ'), k('エクスプレス'),
  ],
  I: [
    p('商事', 'ショウジ'), p('商店', 'ショウテン'), p('物産', 'ブッサン'), p('通商', 'ツウショウ'), p('販売', 'ハンバイ'),
    k('ストアー'), p('薬局', 'ヤッキョク'), k('トレーディング'), p('商会', 'ショウカイ'), p('石油', 'セキユ'),
    p('書店', 'ショテン'), p('電器', 'デンキ'), p('自動車販売', 'ジドウシャハンバイ'), k('マート'), p('酒販', 'シュハン'),
  ],
  J: [
    k('ファイナンス'), p('証券', 'ショウケン'), p('保険サービス', 'ホケンサービス'), k('キャピタル'), k('リース'),
    p('銀行', 'ギンコウ'), k('カード'), p('信販', 'シンパン'), k('アセットマネジメント'), p('損害保険', 'ソンガイホケン'),
  ],
  K: [
    p('不動産', 'フドウサン'), p('地所', 'ジショ'), p('住宅', 'ジュウタク'), k('エステート'), k('ビル'), k('ホーム'),
    p('土地', 'トチ'), p('開発', 'カイハツ'), k('レジデンス'), p('都市開発', 'トシカイハツ'),
  ],
  L: [
    p('研究所', 'ケンキュウジョ'), k('コンサルティング'), p('設計', 'セッケイ'), p('総合研究所', 'ソウゴウケンキュウジョ'),
    p('技研', 'ギケン'), k('デザイン'), p('測量', 'ソクリョウ'), p('建築設計事務所', 'ケンチクセッケイジムショ'),
    p('技術コンサルタント', 'ギジュツコンサルタント'), p('広告', 'コウコク'), k('パートナーズ'),
  ],
  M: [
    k('ホテル'), p('旅館', 'リョカン'), k('フーズ'), p('観光', 'カンコウ'), k('ダイニング'), p('食堂', 'ショクドウ'),
    p('飯店', 'ハンテン'), k('キッチン'),
  ],
  N: [
    k('トラベル'), k('クリーニング'), p('美容', 'ビヨウ'), k('レジャー'), p('観光', 'カンコウ'), p('興産', 'コウサン'),
    k('スポーツ'), k('ウェディング'), p('旅行', 'リョコウ'), p('葬祭', 'ソウサイ'), k('ゴルフ'),
  ],
  O: [p('学院', 'ガクイン'), p('教育', 'キョウイク'), k('アカデミー'), k('ゼミナール'), p('進学会', 'シンガクカイ'), k('スクール')],
  P: [
    k('メディカル'), k('ケア'), p('福祉サービス', 'フクシサービス'), k('ヘルスケア'), p('介護サービス', 'カイゴサービス'),
    k('ライフケア'), p('調剤薬局', 'チョウザイヤッキョク'),
  ],
  Q: [k('サービス'), p('協同サービス', 'キョウドウサービス')],
  R: [
    k('サービス'), p('警備保障', 'ケイビホショウ'), k('ビルメンテナンス'), p('人材センター', 'ジンザイセンター'),
    k('スタッフ'), k('ビジネスサービス'), p('環境サービス', 'カンキョウサービス'), p('清掃', 'セイソウ'), p('整備', 'セイビ'),
    k('リサイクル'), p('技術サービス', 'ギジュツサービス'),
  ],
  T: [p('企画', 'キカク'), p('産業', 'サンギョウ'), k('エンタープライズ')],
};
export const GENERIC_WORDS: readonly Part[] = [p('産業', 'サンギョウ'), p('企画', 'キカク'), p('興業', 'コウギョウ'), k('サービス'), p('商事', 'ショウジ')];

export const SUBSIDIARY_WORDS: readonly Part[] = [
  k('システムズ'), k('サービス'), p('物流', 'ブツリュウ'), k('エンジニアリング'), k('ビジネスサポート'), k('テクノ'),
  p('販売', 'ハンバイ'), p('不動産', 'フドウサン'), k('ロジスティクス'), k('ソリューションズ'), k('ファイナンス'),
  p('製造', 'セイゾウ'), k('アソシエイツ'), p('東日本', 'ヒガシニホン'), p('西日本', 'ニシニホン'), k('テクノサービス'),
];

const TOPIC_PARTS: readonly Part[] = [
  p('情報サービス', 'ジョウホウサービス'), p('建設業', 'ケンセツギョウ'), p('食品衛生', 'ショクヒンエイセイ'),
  p('観光', 'カンコウ'), p('物流', 'ブツリュウ'), p('不動産', 'フドウサン'), p('環境', 'カンキョウ'),
  p('医療機器', 'イリョウキキ'), p('半導体', 'ハンドウタイ'), p('電子部品', 'デンシブヒン'),
  p('自動車部品', 'ジドウシャブヒン'), p('水産', 'スイサン'), p('林業', 'リンギョウ'),
  p('中小企業', 'チュウショウキギョウ'), p('地域振興', 'チイキシンコウ'), p('防災', 'ボウサイ'),
  p('人材育成', 'ジンザイイクセイ'), p('国際交流', 'コクサイコウリュウ'), p('再生可能エネルギー', 'サイセイカノウエネルギー'),
  p('介護', 'カイゴ'), k('デジタル'), p('鉄鋼', 'テッコウ'), p('化学工業', 'カガクコウギョウ'), p('繊維', 'センイ'),
  p('印刷', 'インサツ'), p('海運', 'カイウン'), p('商工', 'ショウコウ'), p('技術士', 'ギジュツシ'), p('保育', 'ホイク'),
  k('スポーツ'), p('文化', 'ブンカ'), p('産業技術', 'サンギョウギジュツ'), p('健康', 'ケンコウ'), p('交通安全', 'コウツウアンゼン'),
];
const ASSOCIATION_WORDS: readonly Part[] = [
  p('協会', 'キョウカイ'), p('協議会', 'キョウギカイ'), p('連合会', 'レンゴウカイ'), p('振興会', 'シンコウカイ'),
  p('工業会', 'コウギョウカイ'), p('学会', 'ガッカイ'), p('研究会', 'ケンキュウカイ'), p('機構', 'キコウ'),
];
const FOUNDATION_WORDS: readonly Part[] = [
  p('財団', 'ザイダン'), p('研究所', 'ケンキュウジョ'), k('センター'), p('研究センター', 'ケンキュウセンター'),
  p('基金', 'キキン'), p('協会', 'キョウカイ'), p('研究機構', 'ケンキュウキコウ'),
];
const NATIONAL_PREFIXES: readonly Part[] = [p('日本', 'ニホン'), p('全国', 'ゼンコク'), p('全日本', 'ゼンニホン')];
const KAI_WORDS: readonly Part[] = [p('会', 'カイ')];
const WELFARE_WORDS: readonly Part[] = [
  p('会', 'カイ'), p('福祉会', 'フクシカイ'), p('厚生会', 'コウセイカイ'), p('慈恵会', 'ジケイカイ'), p('愛育会', 'アイイクカイ'),
];
const SCHOOL_WORDS: readonly Part[] = [p('学園', 'ガクエン'), p('学院', 'ガクイン'), p('大学', 'ダイガク'), p('学舎', 'ガクシャ')];
const LAW_FIRM_WORDS: readonly Part[] = [
  p('法律事務所', 'ホウリツジムショ'), p('総合法律事務所', 'ソウゴウホウリツジムショ'), p('綜合法律事務所', 'ソウゴウホウリツジムショ'),
];
const NPO_WORDS: readonly Part[] = [
  k('ネットワーク'), p('支援センター', 'シエンセンター'), p('の会', 'ノカイ'), k('フォーラム'),
  p('まちづくりセンター', 'マチヅクリセンター'), p('子ども育成会', 'コドモイクセイカイ'), p('環境保全会', 'カンキョウホゼンカイ'),
];
const LABOUR_BANK_REGIONS: readonly Part[] = [
  p('北海道', 'ホッカイドウ'), p('東北', 'トウホク'), p('中央', 'チュウオウ'), p('新潟県', 'ニイガタケン'), p('長野県', 'ナガノケン'),
  p('静岡県', 'シズオカケン'), p('北陸', 'ホクリク'), p('東海', 'トウカイ'), p('近畿', 'キンキ'), p('中国', 'チュウゴク'),
  p('四国', 'シコク'), p('九州', 'キュウシュウ'), p('沖縄県', 'オキナワケン'),
];
const FOREIGN_SUFFIXES: readonly Part[] = [
  k('・インク'), k('・コーポレーション'), k('・リミテッド'), k('・エルエルシー'), k('・ゲーエムベーハー'), k('・ピーティーイー・リミテッド'),
];

// ---------------------------------------------------------------- people

export type GivenName = { ja: string; kana: string; era: 'old' | 'mid' | 'young' };
const g = (era: GivenName['era'], list: string): GivenName[] =>
  list.split(' ').map((pair) => {
    const [ja, kana] = pair.split(':') as [string, string];
    return { ja, kana, era };
  });

// Frequency order (most common first); weighted by rank when picked.
export const FAMILY_NAMES: readonly Part[] = (
  '佐藤:サトウ 鈴木:スズキ 高橋:タカハシ 田中:タナカ 伊藤:イトウ 渡辺:ワタナベ 山本:ヤマモト 中村:ナカムラ 小林:コバヤシ ' +
  '加藤:カトウ 吉田:ヨシダ 山田:ヤマダ 佐々木:ササキ 山口:ヤマグチ 松本:マツモト 井上:イノウエ 木村:キムラ 林:ハヤシ ' +
  '斎藤:サイトウ 清水:シミズ 山崎:ヤマザキ 森:モリ 池田:イケダ 橋本:ハシモト 阿部:アベ 石川:イシカワ 山下:ヤマシタ ' +
  '中島:ナカジマ 石井:イシイ 小川:オガワ 前田:マエダ 岡田:オカダ 長谷川:ハセガワ 藤田:フジタ 後藤:ゴトウ 近藤:コンドウ ' +
  '村上:ムラカミ 遠藤:エンドウ 青木:アオキ 坂本:サカモト 斉藤:サイトウ 福田:フクダ 太田:オオタ 西村:ニシムラ 藤井:フジイ ' +
  '金子:カネコ 岡本:オカモト 藤原:フジワラ 中野:ナカノ 三浦:ミウラ 原田:ハラダ 中川:ナカガワ 松田:マツダ 竹内:タケウチ ' +
  '小野:オノ 田村:タムラ 中山:ナカヤマ 和田:ワダ 石田:イシダ 森田:モリタ 上田:ウエダ 原:ハラ 内田:ウチダ 柴田:シバタ ' +
  '酒井:サカイ 宮崎:ミヤザキ 横山:ヨコヤマ 高木:タカギ 安藤:アンドウ 宮本:ミヤモト 大野:オオノ 小島:コジマ 谷口:タニグチ ' +
  '今井:イマイ 工藤:クドウ 高田:タカダ 増田:マスダ 丸山:マルヤマ 杉山:スギヤマ 村田:ムラタ 大塚:オオツカ 新井:アライ ' +
  '小山:コヤマ 平野:ヒラノ 藤本:フジモト 河野:コウノ 上野:ウエノ 野口:ノグチ 武田:タケダ 松井:マツイ 千葉:チバ ' +
  '岩崎:イワサキ 菅原:スガワラ 木下:キノシタ 久保:クボ 佐野:サノ 野村:ノムラ 松尾:マツオ 市川:イチカワ 菊地:キクチ ' +
  '杉本:スギモト 古川:フルカワ 大西:オオニシ 島田:シマダ 水野:ミズノ 桜井:サクライ 高野:タカノ 渡部:ワタナベ 吉川:ヨシカワ ' +
  '山内:ヤマウチ 西田:ニシダ 飯田:イイダ 菊池:キクチ 西川:ニシカワ 小松:コマツ 北村:キタムラ 安田:ヤスダ 五十嵐:イガラシ ' +
  '川口:カワグチ 平田:ヒラタ 関:セキ 中田:ナカタ 久保田:クボタ 服部:ハットリ 東:アズマ 岩田:イワタ 土屋:ツチヤ ' +
  '川村:カワムラ 本田:ホンダ 辻:ツジ 大橋:オオハシ 比嘉:ヒガ 金城:キンジョウ 早川:ハヤカワ 荒木:アラキ 星野:ホシノ'
)
  .split(' ')
  .map((pair) => pair.split(':') as unknown as Part);

export const MALE_GIVEN: readonly GivenName[] = [
  ...g('old', '誠:マコト 浩:ヒロシ 隆:タカシ 健一:ケンイチ 和彦:カズヒコ 博之:ヒロユキ 修:オサム 勉:ツトム 茂:シゲル 明:アキラ 正樹:マサキ 哲也:テツヤ 聡:サトシ 直樹:ナオキ 淳:ジュン 秀樹:ヒデキ 幸雄:ユキオ 剛:ツヨシ 浩二:コウジ 俊彦:トシヒコ'),
  ...g('mid', '大輔:ダイスケ 拓也:タクヤ 翔太:ショウタ 健太:ケンタ 達也:タツヤ 亮:リョウ 雄一:ユウイチ 和也:カズヤ 直人:ナオト 翔:ショウ 大樹:ダイキ 健:ケン 裕介:ユウスケ 慎也:シンヤ 拓海:タクミ 恭平:キョウヘイ 俊介:シュンスケ 優太:ユウタ 隼人:ハヤト 一樹:カズキ'),
  ...g('young', '蓮:レン 悠真:ユウマ 陽翔:ハルト 大翔:ヒロト 湊:ミナト 颯太:ソウタ 悠斗:ユウト 陸:リク 樹:イツキ 奏太:カナタ 海斗:カイト 大和:ヤマト 航:ワタル 蒼:アオイ 朝陽:アサヒ 律:リツ 陽太:ヨウタ 瑛太:エイタ 湧太:ユウタ 晴:ハル'),
];
export const FEMALE_GIVEN: readonly GivenName[] = [
  ...g('old', '恵子:ケイコ 裕子:ユウコ 直美:ナオミ 久美子:クミコ 由美:ユミ 洋子:ヨウコ 真由美:マユミ 幸子:サチコ 明美:アケミ 京子:キョウコ 智子:トモコ 純子:ジュンコ 陽子:ヨウコ 典子:ノリコ 美穂:ミホ 和子:カズコ 節子:セツコ 貴子:タカコ 早苗:サナエ 理恵:リエ'),
  ...g('mid', '愛:アイ 彩:アヤ 麻衣:マイ 美咲:ミサキ 恵:メグミ 舞:マイ 沙織:サオリ 香織:カオリ 奈々:ナナ 優子:ユウコ 瞳:ヒトミ 友美:トモミ 真美:マミ 千尋:チヒロ 彩香:アヤカ 明日香:アスカ 遥:ハルカ 萌:モエ 詩織:シオリ 亜美:アミ'),
  ...g('young', '陽菜:ヒナ 結衣:ユイ 美桜:ミオ さくら:サクラ 葵:アオイ 凛:リン 結菜:ユイナ 芽依:メイ 莉子:リコ 花音:カノン 七海:ナナミ 美月:ミヅキ 彩花:アヤカ 心春:コハル ひかり:ヒカリ 紬:ツムギ 澪:ミオ 杏:アン 楓:カエデ 日和:ヒヨリ'),
];

const familyPicker = new Weighted(FAMILY_NAMES.map((name, i) => [name, 1 / Math.pow(i + 1, 0.6)] as const));

export function pickFamilyName(rng: Rng): Part {
  return familyPicker.pick(rng);
}

function eraOf(birthYear: number): GivenName['era'] {
  if (birthYear <= 1975) return 'old';
  if (birthYear <= 1995) return 'mid';
  return 'young';
}

export function pickGivenName(rng: Rng, gender: 'female' | 'male' | 'other' | null, birthYear: number): GivenName {
  const list = gender === 'female' ? FEMALE_GIVEN : gender === 'male' ? MALE_GIVEN : rng.chance(0.5) ? FEMALE_GIVEN : MALE_GIVEN;
  const era = eraOf(birthYear);
  // Mostly names of the person's generation, sometimes any.
  const pool = rng.chance(0.85) ? list.filter((n) => n.era === era) : list;
  return rng.pick(pool);
}

// ---------------------------------------------------------------- legal forms

/** core: the name without the legal-form word; brand: the part a group's subsidiaries reuse (東洋 of 東洋精機). */
export type NameResult = { name: string; kana: string; core: Part; brand?: Part };

export type LegalFormStyle =
  | 'company'
  | 'tokurei_yugen'
  | 'mutual'
  | 'shinkin'
  | 'credit_coop'
  | 'labour_bank'
  | 'audit'
  | 'law_firm'
  | 'medical'
  | 'school'
  | 'welfare'
  | 'consumer_coop'
  | 'consumer_coop_federation'
  | 'npo'
  | 'association'
  | 'foundation'
  | 'foreign'
  | 'singleton';

export type LegalForm = {
  /** legal_entity_types.name_ja this form belongs to (matched against the database). */
  typeNameJa: string;
  style: LegalFormStyle;
  /** Words one of which every name of this type contains (for tests); empty = no fixed word. */
  formWords: readonly string[];
  /** Share of all generated organisations. */
  weight: number;
  hasCapital: boolean;
  /** Fixed industry (JSIC major group) or a weighted choice; undefined = the general mix. */
  industries?: ReadonlyArray<readonly [string, number]>;
  /** ln(employees) ~ N(mu, sigma). */
  employees: readonly [mu: number, sigma: number];
};

// Shares are rough orders of magnitude of registered corporations (国税庁 法人番号 statistics):
// mostly 株式会社 (incl. 特例有限会社), then 合同会社, associations and medical corporations.
export const LEGAL_FORMS: readonly LegalForm[] = [
  { typeNameJa: '株式会社', style: 'company', formWords: ['株式会社'], weight: 0.7, hasCapital: true, employees: [2.1, 1.6] },
  { typeNameJa: '特例有限会社', style: 'tokurei_yugen', formWords: ['有限会社'], weight: 0.06, hasCapital: true, employees: [1.4, 1.0] },
  { typeNameJa: '合同会社', style: 'company', formWords: ['合同会社'], weight: 0.085, hasCapital: true, employees: [1.0, 1.2] },
  { typeNameJa: '合名会社', style: 'company', formWords: ['合名会社'], weight: 0.002, hasCapital: true, employees: [1.0, 0.8] },
  { typeNameJa: '合資会社', style: 'company', formWords: ['合資会社'], weight: 0.008, hasCapital: true, employees: [1.2, 0.9] },
  { typeNameJa: '相互会社', style: 'mutual', formWords: ['相互会社'], weight: 0.000005, hasCapital: true, industries: [['J', 1]], employees: [9.5, 0.6] },
  { typeNameJa: '信用金庫', style: 'shinkin', formWords: ['信用金庫'], weight: 0.00025, hasCapital: true, industries: [['J', 1]], employees: [6.0, 0.6] },
  { typeNameJa: '信用協同組合', style: 'credit_coop', formWords: ['信用組合'], weight: 0.00015, hasCapital: true, industries: [['J', 1]], employees: [4.8, 0.7] },
  { typeNameJa: '労働金庫', style: 'labour_bank', formWords: ['労働金庫'], weight: 0.000013, hasCapital: true, industries: [['J', 1]], employees: [6.8, 0.5] },
  { typeNameJa: '監査法人', style: 'audit', formWords: ['監査法人'], weight: 0.0003, hasCapital: false, industries: [['L', 1]], employees: [3.2, 1.5] },
  { typeNameJa: '弁護士法人', style: 'law_firm', formWords: ['弁護士法人'], weight: 0.0015, hasCapital: false, industries: [['L', 1]], employees: [2.5, 1.0] },
  { typeNameJa: '医療法人', style: 'medical', formWords: ['医療法人'], weight: 0.03, hasCapital: false, industries: [['P', 1]], employees: [3.6, 1.2] },
  { typeNameJa: '学校法人', style: 'school', formWords: ['学校法人'], weight: 0.004, hasCapital: false, industries: [['O', 1]], employees: [4.3, 1.3] },
  { typeNameJa: '社会福祉法人', style: 'welfare', formWords: ['社会福祉法人'], weight: 0.012, hasCapital: false, industries: [['P', 1]], employees: [4.1, 1.0] },
  { typeNameJa: '消費生活協同組合', style: 'consumer_coop', formWords: ['生活協同組合'], weight: 0.0009, hasCapital: false, industries: [['I', 0.8], ['P', 0.1], ['Q', 0.1]], employees: [4.0, 1.5] },
  { typeNameJa: '消費生活協同組合連合会', style: 'consumer_coop_federation', formWords: ['生活協同組合連合会'], weight: 0.00005, hasCapital: false, industries: [['I', 1]], employees: [4.5, 1.0] },
  { typeNameJa: '特定非営利活動法人', style: 'npo', formWords: ['特定非営利活動法人'], weight: 0.02, hasCapital: false, industries: [['R', 0.5], ['P', 0.35], ['O', 0.15]], employees: [1.5, 1.0] },
  { typeNameJa: '一般社団法人', style: 'association', formWords: ['一般社団法人', '公益社団法人'], weight: 0.045, hasCapital: false, industries: [['R', 0.7], ['L', 0.3]], employees: [1.6, 1.2] },
  { typeNameJa: '一般財団法人', style: 'foundation', formWords: ['一般財団法人', '公益財団法人'], weight: 0.014, hasCapital: false, industries: [['L', 0.5], ['R', 0.5]], employees: [2.3, 1.3] },
  { typeNameJa: '外国法人', style: 'foreign', formWords: [], weight: 0.0005, hasCapital: false, employees: [3.0, 1.5] },
];

/** Bodies that exist once (or a handful of times) in Japan; emitted at the start of a fresh load. */
export type Singleton = { typeNameJa: string; name: string; kana: string; industry: string; employees: number; capitalYen: number | null };
export const SINGLETONS: readonly Singleton[] = [
  { typeNameJa: '農林中央金庫', name: '農林中央金庫', kana: 'ノウリンチュウオウキンコ', industry: 'J', employees: 3500, capitalYen: 4_040_100_000_000 },
  { typeNameJa: '信用金庫連合会', name: '信金中央金庫', kana: 'シンキンチュウオウキンコ', industry: 'J', employees: 1200, capitalYen: 690_900_000_000 },
  { typeNameJa: '信用協同組合連合会', name: '全国信用協同組合連合会', kana: 'ゼンコクシンヨウキョウドウクミアイレンゴウカイ', industry: 'J', employees: 200, capitalYen: 63_000_000_000 },
  { typeNameJa: '労働金庫連合会', name: '労働金庫連合会', kana: 'ロウドウキンコレンゴウカイ', industry: 'J', employees: 300, capitalYen: 38_000_000_000 },
  { typeNameJa: '日本赤十字社', name: '日本赤十字社', kana: 'ニホンセキジュウジシャ', industry: 'P', employees: 65000, capitalYen: null },
  { typeNameJa: '認可金融商品取引業協会', name: '日本証券業協会', kana: 'ニホンショウケンギョウキョウカイ', industry: 'J', employees: 300, capitalYen: null },
  { typeNameJa: '自主規制法人', name: '日本取引所自主規制法人', kana: 'ニホントリヒキジョジシュキセイホウジン', industry: 'J', employees: 250, capitalYen: null },
  { typeNameJa: '損害保険料率算出団体', name: '損害保険料率算出機構', kana: 'ソンガイホケンリョウリツサンシュツキコウ', industry: 'J', employees: 1000, capitalYen: null },
  { typeNameJa: '消費生活協同組合連合会', name: '日本生活協同組合連合会', kana: 'ニホンセイカツキョウドウクミアイレンゴウカイ', industry: 'I', employees: 1500, capitalYen: null },
];

const join = (...parts: Part[]): Part => [parts.map((x) => x[0]).join(''), parts.map((x) => x[1]).join('')];

function brandCore(rng: Rng): Part {
  const r = rng.next();
  if (r < 0.12) return rng.pick(PLACE_PARTS);
  if (r < 0.27) return rng.pick(ABSTRACT_PARTS);
  if (r < 0.37) return rng.pick(KATAKANA_PARTS);
  if (r < 0.6) return join(rng.pick(PLACE_PARTS), rng.pick(ABSTRACT_PARTS));
  if (r < 0.75) return join(rng.pick(ABSTRACT_PARTS), rng.pick(KATAKANA_PARTS));
  if (r < 0.85) return join(rng.pick(PLACE_PARTS), rng.pick(KATAKANA_PARTS));
  const [a, b] = rng.sample(KATAKANA_PARTS.length, 2) as [number, number];
  return rng.chance(0.5) ? join(KATAKANA_PARTS[a] as Part, KATAKANA_PARTS[b] as Part) : join(KATAKANA_PARTS[b] as Part, KATAKANA_PARTS[a] as Part);
}

function industryWord(rng: Rng, industry: string | null): Part {
  const words = (industry && INDUSTRY_WORDS[industry]) || GENERIC_WORDS;
  return rng.pick(words);
}

/** The name without the legal-form word (東洋精機, 鈴木工務店) and its brand (東洋, 鈴木). */
export function companyCore(
  rng: Rng,
  industry: string | null,
  opts: { smallBusiness?: boolean; holding?: boolean; allowGumi?: boolean } = {},
): { core: Part; brand: Part } {
  if (opts.holding) {
    const brand = brandCore(rng);
    return { core: join(brand, k('ホールディングス')), brand };
  }
  if (opts.smallBusiness && rng.chance(0.25)) {
    let word = industry === 'D' && opts.allowGumi && rng.chance(0.3) ? p('組', 'グミ') : industryWord(rng, industry);
    if (word[0] === '組' && !opts.allowGumi) word = p('建設', 'ケンセツ');
    const brand = pickFamilyName(rng);
    return { core: join(brand, word), brand };
  }
  let word = industryWord(rng, industry);
  if (word[0] === '組') word = p('建設', 'ケンセツ');
  const brand = brandCore(rng);
  return { core: join(brand, word), brand };
}

function companyForm(rng: Rng, word: string, core: Part, brand: Part): NameResult {
  // 株式会社 and 合同会社 come before or after; katakana brands more often after the form word.
  const katakanaCore = /^[\u30A0-\u30FF]/.test(core[0]);
  const prefix = word === '合名会社' || word === '合資会社' ? rng.chance(0.1) : rng.chance(katakanaCore ? 0.65 : 0.35);
  return { name: prefix ? word + core[0] : core[0] + word, kana: core[1], core, brand };
}

export type NameContext = {
  industry: string | null;
  employees: number | null;
  holding?: boolean;
  /** For subsidiaries: the parent's brand and the word that extends it (東洋 + システムズ). */
  parentBrand?: Part;
  subsidiaryWord?: Part;
};

export function organisationName(rng: Rng, form: LegalForm, ctx: NameContext): NameResult {
  const small = (ctx.employees ?? 0) < 20;
  switch (form.style) {
    case 'company': {
      const word = form.formWords[0] as string;
      if (ctx.parentBrand) {
        return companyForm(rng, word, join(ctx.parentBrand, ctx.subsidiaryWord ?? rng.pick(SUBSIDIARY_WORDS)), ctx.parentBrand);
      }
      const { core, brand } = companyCore(rng, ctx.industry, {
        smallBusiness: small || word !== '株式会社',
        holding: ctx.holding === true,
        allowGumi: word === '株式会社',
      });
      return companyForm(rng, word, core, brand);
    }
    case 'tokurei_yugen': {
      const { core } = companyCore(rng, ctx.industry, { smallBusiness: true });
      return { name: rng.chance(0.6) ? core[0] + '有限会社' : '有限会社' + core[0], kana: core[1], core };
    }
    case 'mutual': {
      const core = join(rng.chance(0.5) ? rng.pick(ABSTRACT_PARTS) : rng.pick(PLACE_PARTS), p('生命保険', 'セイメイホケン'));
      return { name: core[0] + '相互会社', kana: core[1], core };
    }
    case 'shinkin': {
      const core = rng.pick(PLACE_PARTS);
      return { name: core[0] + '信用金庫', kana: core[1], core };
    }
    case 'credit_coop': {
      const core = rng.chance(0.7) ? rng.pick(PLACE_PARTS) : rng.pick(ABSTRACT_PARTS);
      return { name: core[0] + '信用組合', kana: core[1], core };
    }
    case 'labour_bank': {
      const core = rng.pick(LABOUR_BANK_REGIONS);
      return { name: core[0] + '労働金庫', kana: core[1], core };
    }
    case 'audit': {
      const core = rng.chance(0.5) ? pickFamilyName(rng) : rng.chance(0.5) ? rng.pick(KATAKANA_PARTS) : rng.pick(ABSTRACT_PARTS);
      const r = rng.next();
      if (r < 0.4) return { name: '有限責任監査法人' + core[0], kana: join(p('有限責任', 'ユウゲンセキニン'), core)[1], core };
      if (r < 0.7) return { name: core[0] + '監査法人', kana: core[1], core };
      return { name: '監査法人' + core[0], kana: core[1], core };
    }
    case 'law_firm': {
      const base = rng.chance(0.7) ? pickFamilyName(rng) : rng.chance(0.5) ? rng.pick(PLACE_PARTS) : rng.pick(KATAKANA_PARTS);
      const core = join(base, rng.pick(LAW_FIRM_WORDS));
      return { name: '弁護士法人' + core[0], kana: core[1], core };
    }
    case 'medical': {
      const base = rng.next() < 0.5 ? rng.pick(ABSTRACT_PARTS) : rng.chance(0.5) ? pickFamilyName(rng) : rng.pick(PLACE_PARTS);
      const core = join(base, rng.pick(KAI_WORDS));
      const r = rng.next();
      const word = r < 0.6 ? '医療法人社団' : r < 0.95 ? '医療法人' : '医療法人財団';
      return { name: word + core[0], kana: core[1], core };
    }
    case 'school': {
      const base = rng.chance(0.6) ? rng.pick(ABSTRACT_PARTS) : rng.chance(0.5) ? rng.pick(PLACE_PARTS) : pickFamilyName(rng);
      const core = join(base, rng.pick(SCHOOL_WORDS));
      return { name: '学校法人' + core[0], kana: core[1], core };
    }
    case 'welfare': {
      const base = rng.chance(0.6) ? rng.pick(ABSTRACT_PARTS) : rng.pick(PLACE_PARTS);
      const core = join(base, rng.pick(WELFARE_WORDS));
      return { name: '社会福祉法人' + core[0], kana: core[1], core };
    }
    case 'consumer_coop': {
      if (rng.chance(0.5)) {
        const core = join(k('コープ'), rng.pick(PLACE_PARTS));
        return { name: '生活協同組合' + core[0], kana: core[1], core };
      }
      const core = rng.pick(PLACE_PARTS);
      return { name: core[0] + '生活協同組合', kana: core[1], core };
    }
    case 'consumer_coop_federation': {
      const core = join(k('コープ'), rng.pick(PLACE_PARTS));
      return { name: '生活協同組合連合会' + core[0], kana: core[1], core };
    }
    case 'npo': {
      const base = rng.chance(0.4) ? rng.pick(PLACE_PARTS) : rng.chance(0.5) ? rng.pick(KATAKANA_PARTS) : rng.pick(ABSTRACT_PARTS);
      const core = join(base, rng.pick(NPO_WORDS));
      return { name: '特定非営利活動法人' + core[0], kana: core[1], core };
    }
    case 'association': {
      const scope = rng.chance(0.55) ? rng.pick(NATIONAL_PREFIXES) : rng.pick(PLACE_PARTS);
      const core = join(scope, rng.pick(TOPIC_PARTS), rng.pick(ASSOCIATION_WORDS));
      const word = rng.chance(0.12) ? '公益社団法人' : '一般社団法人';
      return { name: word + core[0], kana: core[1], core };
    }
    case 'foundation': {
      const core = rng.chance(0.2)
        ? join(pickFamilyName(rng), p('記念財団', 'キネンザイダン'))
        : join(rng.chance(0.5) ? rng.pick(NATIONAL_PREFIXES) : rng.pick(PLACE_PARTS), rng.pick(TOPIC_PARTS), rng.pick(FOUNDATION_WORDS));
      const word = rng.chance(0.2) ? '公益財団法人' : '一般財団法人';
      return { name: word + core[0], kana: core[1], core };
    }
    case 'foreign': {
      const core = join(rng.pick(KATAKANA_PARTS), rng.pick(FOREIGN_SUFFIXES));
      return { name: core[0], kana: core[1], core };
    }
    case 'singleton':
      throw new Error('singletons have fixed names');
  }
}

// ---------------------------------------------------------------- divisions

const COMPANY_DIVISIONS = [
  '経営企画部', '人事部', '総務部', '研究開発本部', '営業本部', '技術本部', '財務部', '法務部', '情報システム部',
  'DX推進室', 'サステナビリティ推進部', '広報部', '製造本部', '品質保証部', '海外事業部', '事業開発部', '調達部',
  '経理部', 'リスク管理部', '人材開発部', 'マーケティング部', 'カスタマーサポート部',
] as const;
const NON_PROFIT_DIVISIONS = ['事務局', '総務部', '企画部', '業務部', '調査研究部', '法人本部', '経営企画室', '広報室'] as const;
const MEDICAL_DIVISIONS = ['法人本部', '事務部', '看護部', '経営企画室', '医療情報部', '人事課'] as const;
const FINANCE_DIVISIONS = ['経営企画部', '人事部', '総務部', '融資部', '審査部', '営業推進部', 'リスク統括部', 'システム部'] as const;

export function divisionNames(style: LegalFormStyle): readonly string[] {
  switch (style) {
    case 'company':
    case 'tokurei_yugen':
    case 'foreign':
      return COMPANY_DIVISIONS;
    case 'medical':
    case 'welfare':
      return MEDICAL_DIVISIONS;
    case 'shinkin':
    case 'credit_coop':
    case 'labour_bank':
    case 'mutual':
      return FINANCE_DIVISIONS;
    default:
      return NON_PROFIT_DIVISIONS;
  }
}

// ---------------------------------------------------------------- addresses

// Three or more municipalities per prefecture (JIS code), the first being the seat.
export const CITIES: Readonly<Record<string, readonly string[]>> = {
  '01': ['札幌市中央区', '札幌市北区', '旭川市', '函館市'],
  '02': ['青森市', '八戸市', '弘前市'],
  '03': ['盛岡市', '一関市', '奥州市'],
  '04': ['仙台市青葉区', '仙台市宮城野区', '石巻市', '大崎市'],
  '05': ['秋田市', '横手市', '大館市'],
  '06': ['山形市', '鶴岡市', '酒田市'],
  '07': ['福島市', '郡山市', 'いわき市'],
  '08': ['水戸市', 'つくば市', '日立市'],
  '09': ['宇都宮市', '小山市', '足利市'],
  '10': ['前橋市', '高崎市', '太田市'],
  '11': ['さいたま市大宮区', 'さいたま市浦和区', '川口市', '川越市'],
  '12': ['千葉市中央区', '船橋市', '柏市', '市川市'],
  '13': ['千代田区', '中央区', '港区', '新宿区', '渋谷区', '品川区', '江東区', '大田区', '台東区', '豊島区', '八王子市', '立川市'],
  '14': ['横浜市西区', '横浜市中区', '川崎市川崎区', '相模原市中央区', '藤沢市', '厚木市'],
  '15': ['新潟市中央区', '長岡市', '上越市'],
  '16': ['富山市', '高岡市', '射水市'],
  '17': ['金沢市', '小松市', '白山市'],
  '18': ['福井市', '坂井市', '越前市'],
  '19': ['甲府市', '甲斐市', '富士吉田市'],
  '20': ['長野市', '松本市', '上田市'],
  '21': ['岐阜市', '大垣市', '各務原市'],
  '22': ['静岡市葵区', '浜松市中央区', '沼津市'],
  '23': ['名古屋市中村区', '名古屋市中区', '豊田市', '岡崎市', '一宮市'],
  '24': ['津市', '四日市市', '鈴鹿市'],
  '25': ['大津市', '草津市', '彦根市'],
  '26': ['京都市下京区', '京都市中京区', '宇治市'],
  '27': ['大阪市北区', '大阪市中央区', '大阪市西区', '堺市堺区', '東大阪市', '豊中市'],
  '28': ['神戸市中央区', '姫路市', '尼崎市', '西宮市'],
  '29': ['奈良市', '橿原市', '生駒市'],
  '30': ['和歌山市', '田辺市', '橋本市'],
  '31': ['鳥取市', '米子市', '倉吉市'],
  '32': ['松江市', '出雲市', '浜田市'],
  '33': ['岡山市北区', '倉敷市', '津山市'],
  '34': ['広島市中区', '福山市', '呉市'],
  '35': ['山口市', '下関市', '周南市'],
  '36': ['徳島市', '阿南市', '鳴門市'],
  '37': ['高松市', '丸亀市', '坂出市'],
  '38': ['松山市', '今治市', '新居浜市'],
  '39': ['高知市', '南国市', '四万十市'],
  '40': ['福岡市博多区', '福岡市中央区', '北九州市小倉北区', '久留米市'],
  '41': ['佐賀市', '唐津市', '鳥栖市'],
  '42': ['長崎市', '佐世保市', '諫早市'],
  '43': ['熊本市中央区', '八代市', '菊池市'],
  '44': ['大分市', '別府市', '中津市'],
  '45': ['宮崎市', '都城市', '延岡市'],
  '46': ['鹿児島市', '霧島市', '鹿屋市'],
  '47': ['那覇市', '沖縄市', '浦添市'],
};

const TOWNS = [
  '本町', '中央', '栄町', '旭町', '駅前', '新町', '緑町', '幸町', '元町', '港町', '東町', '西町', '南町', '北町', '桜町',
  '宮前', '錦町', '大手町', '昭和町', '松原', '若松町', '日の出町', '末広町', '寿町', '朝日町', '平和町', '城東', '城西',
] as const;
const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const kanjiNumber = (n: number): string => (n <= 10 ? (n === 10 ? '十' : KANJI_DIGITS[n] as string) : `十${KANJI_DIGITS[n - 10]}`);

export function address(rng: Rng, prefectureCode: string, prefectureName: string): string {
  const cities = CITIES[prefectureCode] ?? ['中央市'];
  // The seat and the first wards concentrate offices.
  const city = rng.chance(0.5) ? (cities[0] as string) : rng.pick(cities);
  const town = rng.pick(TOWNS);
  if (rng.chance(0.75)) return `${prefectureName}${city}${town}${kanjiNumber(rng.int(1, 8))}丁目${rng.int(1, 30)}番${rng.int(1, 25)}号`;
  return `${prefectureName}${city}${town}${rng.int(1, 3000)}番地${rng.chance(0.4) ? `の${rng.int(1, 20)}` : ''}`;
}
