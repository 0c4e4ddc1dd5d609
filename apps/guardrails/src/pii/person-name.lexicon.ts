/**
 * Common Japanese surnames and given names used in English text. A name written without an
 * honorific ("佐藤です", "池田大輔名義", "Gift for Olivia Sato") is only recognizable when the
 * word is known to be a name; these lists, together with a context cue, make that precise.
 * Words that are also everyday words (林, 森, 星; May, Will, Mark) are left out on purpose.
 */
// prettier-ignore
export const JAPANESE_SURNAMES: ReadonlySet<string> = new Set([
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '渡邊', '渡部', '山本', '中村', '小林', '加藤', '吉田',
  '山田', '佐々木', '山口', '松本', '井上', '木村', '斎藤', '斉藤', '齋藤', '清水', '山崎', '阿部',
  '池田', '橋本', '山下', '石川', '中島', '前田', '藤田', '後藤', '小川', '岡田', '長谷川', '村上',
  '近藤', '石井', '坂本', '遠藤', '青木', '藤井', '西村', '福田', '太田', '三浦', '藤原', '岡本',
  '松田', '中川', '中野', '原田', '小野', '田村', '竹内', '金子', '和田', '中山', '石田', '上田',
  '森田', '小島', '柴田', '宮崎', '酒井', '工藤', '横山', '宮本', '内田', '高木', '安藤',
  '島田', '谷口', '大野', '高田', '丸山', '今井', '河野', '藤本', '村田', '武田', '上野', '杉山',
  '増田', '小山', '大塚', '平野', '菅原', '久保', '松井', '千葉', '岩崎', '桜井', '木下', '野口',
  '松尾', '菊地', '野村', '新井', '渡部', '佐野', '杉本', '古川', '大西', '浜田', '市川', '菅野',
  '小松', '中田', '松下', '大橋', '田口', '北村', '西田', '荒木', '望月', '中西', '吉川', '平田',
  '川口', '本田', '久保田', '高野', '吉村', '福島', '水野', '樋口', '安田',
  '川崎', '飯田', '石原', '小池', '永井', '服部', '秋山', '中尾', '川上', '土屋', '岩田', '五十嵐',
  '大石', '山内', '桑原', '西川', '横田', '岡崎', '小西', '宮田', '矢野', '川村', '須藤',
  '荒井', '大久保', '片山', '松岡', '本間', '内藤', '黒田', '早川', '星野', '高山', '藤川', '熊谷',
  '岩本', '小田', '吉岡', '宮下', '松村', '桑田', '大川', '村井', '野崎', '平井', '若林', '堀内',
  '西山', '松浦', '菊池', '沢田', '栗原', '浅野', '中井', '伊東', '三宅', '大谷', '関口',
  '大島', '大森', '川端', '福井', '飯塚', '上原', '植田', '坂口', '富田', '松島', '望月',
  '永田', '細川', '奥村', '杉浦', '富永', '野田', '今村', '広瀬', '廣瀬', '山中', '小沢', '小澤',
  '田島', '米田', '宮原', '河合', '関根', '滝沢', '有田', '大川', '青山', '寺田',
  '筒井', '津田', '落合', '稲葉', '根本', '白石', '宇野', '篠原', '成田', '日高', '石橋',
  '深沢', '柳田', '中谷', '神田', '福本', '大内', '北川', '平山', '宮川', '田辺', '川島', '相馬',
  '杉田', '牧野', '長田', '芦田', '千田', '西岡', '土井', '黒木', '秋元', '八木', '小坂', '向井',
  '宮内', '村山', '武藤', '野中', '中原', '梅田', '竹田', '森本', '藤村', '田代', '江口', '北野',
  '吉野', '松山', '浅井', '奥田', '水谷', '山根', '佐伯', '堀田', '小笠原', '高島', '二宮', '石黒',
  '中谷', '安部', '内山', '榎本', '鎌田', '長尾', '古田', '岩井', '足立', '花田', '戸田', '畑中',
  '森下', '谷川', '古賀', '若松', '井口', '茂木', '坂田', '米山', '園田', '大木', '中嶋', '小原',
  '三上', '松原', '森川', '井手', '宮沢', '宮澤', '小倉', '大平', '今泉', '瀬戸', '島崎', '浜口',
]);

// Given names, surnames and romanized Japanese names common among shoppers writing English.
// prettier-ignore
export const ENGLISH_GIVEN_NAMES: ReadonlySet<string> = new Set([
  'james', 'john', 'robert', 'michael', 'david', 'richard', 'joseph', 'thomas', 'charles', 'daniel',
  'matthew', 'anthony', 'donald', 'steven', 'paul', 'andrew', 'joshua', 'kenneth', 'kevin', 'brian',
  'george', 'timothy', 'ronald', 'edward', 'jason', 'jeffrey', 'ryan', 'jacob', 'gary', 'nicholas',
  'eric', 'jonathan', 'stephen', 'larry', 'justin', 'scott', 'brandon', 'benjamin', 'samuel',
  'gregory', 'alexander', 'patrick', 'raymond', 'jack', 'dennis', 'jerry', 'tyler', 'aaron', 'jose',
  'adam', 'nathan', 'henry', 'douglas', 'zachary', 'peter', 'kyle', 'noah', 'ethan', 'jeremy',
  'walter', 'christian', 'keith', 'roger', 'terry', 'austin', 'sean', 'gerald', 'carl', 'harold',
  'dylan', 'arthur', 'lawrence', 'jordan', 'jesse', 'bryan', 'billy', 'bruce', 'gabriel', 'joe',
  'logan', 'alan', 'juan', 'albert', 'willie', 'elijah', 'wayne', 'randy', 'vincent', 'liam',
  'oliver', 'lucas', 'mason', 'leo', 'oscar', 'hugo', 'louis', 'felix', 'max', 'theo', 'luke',
  'mary', 'patricia', 'jennifer', 'linda', 'elizabeth', 'barbara', 'susan', 'jessica', 'sarah',
  'karen', 'lisa', 'nancy', 'betty', 'sandra', 'margaret', 'ashley', 'kimberly', 'emily', 'donna',
  'michelle', 'carol', 'amanda', 'melissa', 'deborah', 'stephanie', 'rebecca', 'sharon', 'laura',
  'cynthia', 'dorothy', 'amy', 'kathleen', 'angela', 'shirley', 'emma', 'brenda', 'pamela',
  'nicole', 'anna', 'samantha', 'katherine', 'christine', 'debra', 'rachel', 'carolyn', 'janet',
  'maria', 'olivia', 'heather', 'helen', 'catherine', 'diane', 'julie', 'victoria', 'joyce', 'lauren',
  'kelly', 'christina', 'ruth', 'joan', 'virginia', 'judith', 'evelyn', 'hannah', 'andrea', 'megan',
  'cheryl', 'jacqueline', 'madison', 'teresa', 'abigail', 'sophia', 'martha', 'sara', 'gloria',
  'janice', 'kathryn', 'ann', 'isabella', 'judy', 'charlotte', 'julia', 'alice', 'amelia', 'ava',
  'mia', 'chloe', 'sophie', 'lucy', 'ella', 'zoe', 'clara', 'nora', 'lily', 'camille', 'lea',
  'kenji', 'takashi', 'hiroshi', 'satoshi', 'takeshi', 'kenta', 'shota', 'daisuke', 'haruto',
  'sota', 'riku', 'yuto', 'ren', 'kaito', 'yuma', 'hayato', 'taro', 'ichiro', 'jiro', 'akira',
  'naoki', 'ryo', 'ryota', 'kazuki', 'yusuke', 'tatsuya', 'koji', 'makoto', 'masaki', 'shun',
  'aiko', 'yuko', 'naoko', 'akiko', 'keiko', 'tomoko', 'yumi', 'mayumi', 'emi', 'yui', 'rin',
  'hina', 'mei', 'mio', 'saki', 'misaki', 'haruka', 'ayaka', 'nanami', 'yuna', 'aoi', 'mana',
  'hanako', 'megumi', 'kaori', 'ayumi', 'chihiro', 'mika', 'sayaka', 'asuka', 'natsuki', 'yuki',
]);
