<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AssociationsPage</name>
    <message>
        <source>Member neighbourhood associations</source>
        <translation>構成する自治会</translation>
    </message>
    <message>
        <source>Add each association with its households, population and people aged 65+ (as of 1 April). The ageing rate is computed.</source>
        <translation>自治会ごとに世帯数・人口・65歳以上の人口（4月1日現在）を入力してください。高齢化率は自動で計算します。</translation>
    </message>
    <message>
        <source>Fiscal year of the figures</source>
        <translation>数字の年度</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>入力内容をご確認ください</translation>
    </message>
</context>
<context>
    <name>CouncilDialog</name>
    <message>
        <source>Edit council profile</source>
        <translation>協議会情報の編集</translation>
    </message>
</context>
<context>
    <name>CouncilForm</name>
    <message>
        <source>Council profile</source>
        <translation>協議会情報</translation>
    </message>
    <message>
        <source>Council name (required)</source>
        <translation>協議会の名称（必須）</translation>
    </message>
    <message>
        <source>e.g. Utsuga District Community Council</source>
        <translation>例：宇津賀地区まちづくり協議会</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Office address</source>
        <translation>事務所の所在地</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Date founded</source>
        <translation>設立年月日</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>分かる</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>CouncilPage</name>
    <message>
        <source>The council</source>
        <translation>協議会について</translation>
    </message>
    <message>
        <source>Name, representative and office. Only the name is required.</source>
        <translation>名称・代表者・事務所を入力してください。必須は名称だけです。</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>入力内容をご確認ください</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do this</source>
        <translation>この操作はできません</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Data that was already saved has not been lost.</source>
        <translation>予期しないエラーが発生しました。保存済みのデータは失われていません。</translation>
    </message>
    <message>
        <source>The last action may not have been completed; please check it and try again.</source>
        <translation>直前の操作は完了していない可能性があります。内容を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Details were written to the log file:</source>
        <translation>詳しい内容はログファイルに記録しました：</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
</context>
<context>
    <name>FiguresDialog</name>
    <message>
        <source>Associations and yearly figures</source>
        <translation>自治会と年度別の世帯数・人口</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Figures are as of 1 April of the fiscal year. Leave a row&apos;s numbers empty if they are not known yet.</source>
        <translation>数字はその年度の4月1日現在です。まだ分からない行は数字を空欄のままにしてください。</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>変更を保存しますか？</translation>
    </message>
    <message>
        <source>Save the changes to this fiscal year before switching?</source>
        <translation>年度を切り替える前に、この年度の変更を保存しますか？</translation>
    </message>
    <message>
        <source>Remove associations?</source>
        <translation>自治会を削除しますか？</translation>
    </message>
    <message>
        <source>These associations and their figures for every year will be removed:</source>
        <translation>次の自治会と、全年度の世帯数・人口を削除します：</translation>
    </message>
</context>
<context>
    <name>FiguresEditor</name>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>世帯数</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Aged 65+</source>
        <translation>65歳以上</translation>
    </message>
    <message>
        <source>Ageing rate</source>
        <translation>高齢化率</translation>
    </message>
    <message>
        <source>Add association</source>
        <translation>自治会を追加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>選んだ行を削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>世帯数</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Aged 65+</source>
        <translation>65歳以上</translation>
    </message>
    <message>
        <source>Ageing rate</source>
        <translation>高齢化率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事務所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>設立</translation>
    </message>
    <message>
        <source>Associations</source>
        <translation>構成自治会</translation>
    </message>
    <message>
        <source>Edit council profile…</source>
        <translation>協議会情報を編集…</translation>
    </message>
    <message>
        <source>Enter associations and figures…</source>
        <translation>自治会・世帯数・人口を入力…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Excelで保存…</translation>
    </message>
    <message>
        <source>No figures have been entered yet. Use “Enter associations and figures…”.</source>
        <translation>世帯数・人口がまだ入力されていません。「自治会・世帯数・人口を入力…」から入力してください。</translation>
    </message>
    <message>
        <source>Households and population by association</source>
        <translation>自治会別の世帯数・人口</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>%1現在</translation>
    </message>
    <message>
        <source>council-profile</source>
        <translation>協議会の概要</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the council profile</source>
        <translation>協議会の概要を保存</translation>
    </message>
    <message>
        <source>Writing the council profile…</source>
        <translation>協議会の概要を書き出しています…</translation>
    </message>
    <message>
        <source>Saved with notes</source>
        <translation>保存しました（ご確認ください）</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Back up now to…</source>
        <translation>今すぐバックアップ…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>About Nagato Desk</source>
        <translation>Nagato Desk について</translation>
    </message>
    <message>
        <source>Nagato Desk %1
Records and documents for community council secretariats.

Data file: %2</source>
        <translation>Nagato Desk %1
地域づくり協議会の事務局のための名簿・会議・会計・夢プランのアプリです。

データファイル：%2</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Display</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日付の書き方</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <source>Where the data is kept</source>
        <translation>データの保存場所</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>データファイル</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>バックアップの保存先</translation>
    </message>
    <message>
        <source>Back up now to…</source>
        <translation>今すぐバックアップ…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Japanese era</source>
        <translation>和暦</translation>
    </message>
    <message>
        <source>Western</source>
        <translation>西暦</translation>
    </message>
    <message>
        <source>Data file to use from the next start</source>
        <translation>次回の起動から使うデータファイル</translation>
    </message>
    <message>
        <source>Nagato Desk data (*.db)</source>
        <translation>Nagato Desk のデータ (*.db)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>バックアップの保存先</translation>
    </message>
    <message>
        <source>Cannot save settings</source>
        <translation>設定を保存できません</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>設定を保存しました。</translation>
    </message>
    <message>
        <source>The language changes the next time Nagato Desk starts.</source>
        <translation>言語は次回の起動から切り替わります。</translation>
    </message>
    <message>
        <source>The new data file is used from the next start.</source>
        <translation>新しいデータファイルは次回の起動から使われます。</translation>
    </message>
    <message>
        <source>Back up now to…</source>
        <translation>今すぐバックアップ…</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>バックアップしました：%1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Nagato Desk — first start</source>
        <translation>Nagato Desk — はじめての設定</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>始める</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to Nagato Desk</source>
        <translation>Nagato Desk へようこそ</translation>
    </message>
    <message>
        <source>First, tell the program about your council. You can change everything later.</source>
        <translation>はじめに協議会のことを登録します。内容はあとからいつでも変更できます。</translation>
    </message>
    <message>
        <source>Register our council</source>
        <translation>わたしたちの協議会を登録する</translation>
    </message>
    <message>
        <source>Look around with the demo council (fictional people)</source>
        <translation>デモの協議会で試してみる（架空の人物です）</translation>
    </message>
    <message>
        <source>The data will be kept in:</source>
        <translation>データの保存場所：</translation>
    </message>
</context>
</TS>
