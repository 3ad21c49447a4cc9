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
    <name>CheckDialog</name>
    <message>
        <source>Check the data</source>
        <translation>データの点検</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>点検しています…</translation>
    </message>
    <message>
        <source>Save the result…</source>
        <translation>結果を保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>データを点検しています…</translation>
    </message>
    <message>
        <source>The check could not be run.</source>
        <translation>点検を実行できませんでした。</translation>
    </message>
    <message>
        <source>Save the result</source>
        <translation>点検の結果を保存</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>Could not save:</source>
        <translation>保存できませんでした：</translation>
    </message>
</context>
<context>
    <name>CommitteesTab</name>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>Show the committees that were deleted, to restore one</source>
        <translation>削除した部会を表示します（元に戻せます）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>部会長</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>就任日</translation>
    </message>
    <message>
        <source>New committee…</source>
        <translation>部会を追加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>部会を削除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>部会員を加える…</translation>
    </message>
    <message>
        <source>Make head</source>
        <translation>部会長にする</translation>
    </message>
    <message>
        <source>Leaves the committee…</source>
        <translation>部会を退任…</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>削除した日</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>%1 in the trash</source>
        <translation>ごみ箱に%1件</translation>
    </message>
    <message>
        <source>%1 committees</source>
        <translation>%1部会</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>ごみ箱は空です。</translation>
    </message>
    <message>
        <source>There are no committees yet. Add one with “New committee…”.</source>
        <translation>部会がまだありません。「部会を追加…」から登録してください。</translation>
    </message>
    <message>
        <source>%1 is in the trash. Restoring it brings back its %2 members.</source>
        <translation>「%1」はごみ箱にあります。元に戻すと、部会員%2人も元どおりになります。</translation>
    </message>
    <message>
        <source>Members of %1: %2 people</source>
        <translation>%1の部会員：%2人</translation>
    </message>
    <message>
        <source>New committee</source>
        <translation>部会の追加</translation>
    </message>
    <message>
        <source>Name of the committee</source>
        <translation>部会の名称</translation>
    </message>
    <message>
        <source>Rename committee</source>
        <translation>部会の名前の変更</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新しい名前</translation>
    </message>
    <message>
        <source>The committee “%1” will be moved to the trash. Who sat on it is kept and comes back if it is restored.</source>
        <translation>「%1」をごみ箱に移します。部会員の記録は残り、元に戻すと部会員も元どおりになります。</translation>
    </message>
    <message>
        <source>Delete committee</source>
        <translation>部会の削除</translation>
    </message>
    <message>
        <source>Add a member to the committee</source>
        <translation>部会員を加える</translation>
    </message>
    <message>
        <source>Choose who joins %1, and the date they join.</source>
        <translation>%1に加わる人と、就任日を選んでください。</translation>
    </message>
    <message>
        <source>Joins on</source>
        <translation>就任日</translation>
    </message>
    <message>
        <source>Add to the committee</source>
        <translation>部会に加える</translation>
    </message>
    <message>
        <source>Leaves the committee</source>
        <translation>部会の退任</translation>
    </message>
    <message>
        <source>%1 leaves %2. On which date do they no longer sit on it?</source>
        <translation>%1さんが%2を退任します。部会員でなくなる日を入力してください。</translation>
    </message>
    <message>
        <source>Date of leaving</source>
        <translation>退任日</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録する</translation>
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
    <name>DateDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. R8.4.1</source>
        <translation>例：R8.4.1</translation>
    </message>
    <message>
        <source>(required)</source>
        <translation>（必須）</translation>
    </message>
    <message>
        <source>cannot read this date</source>
        <translation>日付として読み取れません</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Member roster</source>
        <translation>会員名簿</translation>
    </message>
    <message>
        <source>Officer list</source>
        <translation>役員名簿</translation>
    </message>
    <message>
        <source>Household check slips</source>
        <translation>名簿確認票</translation>
    </message>
    <message>
        <source>Membership figures</source>
        <translation>会員の状況</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>世帯主</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>入会日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Export a list</source>
        <translation>名簿の出力</translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation>今日（%1）現在</translation>
    </message>
    <message>
        <source>%1, as of 1 April</source>
        <translation>%1（4月1日現在）</translation>
    </message>
    <message>
        <source>One household a page</source>
        <translation>1ページに1世帯</translation>
    </message>
    <message>
        <source>Two households a page</source>
        <translation>1ページに2世帯</translation>
    </message>
    <message>
        <source>Columns of the roster</source>
        <translation>名簿に載せる項目</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>基準日</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>This roster contains %1 (personal information).</source>
        <translation>この名簿には%1が含まれます（個人情報）。</translation>
    </message>
    <message>
        <source> Every page is marked “handle with care”.</source>
        <translation>各ページに「取扱注意」と印刷されます。</translation>
    </message>
    <message>
        <source>No personal information (address, phone, date of birth) is included.</source>
        <translation>個人情報（住所・電話・生年月日）は含まれません。</translation>
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
    <name>FilePage</name>
    <message>
        <source>Choose the member list to import</source>
        <translation>取り込む会員名簿を選ぶ</translation>
    </message>
    <message>
        <source>An Excel (.xlsx) or CSV file with one person a row and a header row such as 氏名, ふりがな, 住所, 自治会. A title above the header and blank rows are fine.</source>
        <translation>1行に1人ずつ記入し、氏名・ふりがな・住所・自治会などの見出し行があるExcel（.xlsx）またはCSVファイルを選んでください。見出しの上の表題や空白の行はそのままで構いません。</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>ファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Member list to import</source>
        <translation>取り込む会員名簿</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.xlsm *.csv)</source>
        <translation>Excel または CSV (*.xlsx *.xlsm *.csv)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Change history</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>期間(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>～(&amp;T)</translation>
    </message>
    <message>
        <source>Search (name, operator, content)</source>
        <translation>検索（氏名・操作者・内容）</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Excelで保存…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>%1 change(s)</source>
        <translation>%1件の変更</translation>
    </message>
    <message>
        <source>%1 of %2 change(s) shown</source>
        <translation>%2件のうち%1件を表示</translation>
    </message>
    <message>
        <source>(only the newest are listed; the export has all)</source>
        <translation>（新しいものだけを表示しています。保存するとすべてが入ります）</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the change history</source>
        <translation>変更履歴を保存</translation>
    </message>
    <message>
        <source>Writing the change history…</source>
        <translation>変更履歴を書き出しています…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>保存しました：</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>Could not save:</source>
        <translation>保存できませんでした：</translation>
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
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>世帯の登録</translation>
    </message>
    <message>
        <source>Edit household</source>
        <translation>世帯の編集</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>世帯主</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Choose the head of household</source>
        <translation>世帯主を選ぶ</translation>
    </message>
    <message>
        <source>The person chosen joins this household and heads it.</source>
        <translation>選んだ人がこの世帯に入り、世帯主になります。</translation>
    </message>
</context>
<context>
    <name>HouseholdsTab</name>
    <message>
        <source>Head of household</source>
        <translation>世帯主</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>世帯主</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>New household…</source>
        <translation>世帯を登録…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>世帯に会員を加える…</translation>
    </message>
    <message>
        <source>Make head of household</source>
        <translation>世帯主にする</translation>
    </message>
    <message>
        <source>Moves house…</source>
        <translation>転居…</translation>
    </message>
    <message>
        <source>Moves away…</source>
        <translation>転出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>%1 households</source>
        <translation>%1世帯</translation>
    </message>
    <message>
        <source>Select a household to see who lives in it.</source>
        <translation>世帯を選ぶと、その世帯の人が表示されます。</translation>
    </message>
    <message>
        <source>People in this household: %1</source>
        <translation>この世帯の人：%1人</translation>
    </message>
    <message>
        <source>%1&apos;s household</source>
        <translation>%1さんの世帯</translation>
    </message>
    <message>
        <source>The household at %1</source>
        <translation>%1の世帯</translation>
    </message>
    <message>
        <source>Add a member to the household</source>
        <translation>世帯に会員を加える</translation>
    </message>
    <message>
        <source>%1: choose the person who lives here. Someone in another household moves to this one.</source>
        <translation>%1：この世帯で暮らす人を選んでください。ほかの世帯に入っている人は、この世帯に移ります。</translation>
    </message>
    <message>
        <source>Add to the household</source>
        <translation>世帯に加える</translation>
    </message>
    <message>
        <source>Household moves away</source>
        <translation>世帯の転出</translation>
    </message>
    <message>
        <source>%1 moves out of the council&apos;s area. On which date?</source>
        <translation>%1が地区の外へ転出します。転出した日を入力してください。</translation>
    </message>
    <message>
        <source>Date of moving away</source>
        <translation>転出日</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>次へ…</translation>
    </message>
    <message>
        <source>The %1 active member(s) of %2 will be recorded as moved away on %3.
They leave the list of active members; their records are kept.</source>
        <translation>%2の在籍中の会員（%1人）を、%3付けで転出として記録します。
在籍中の会員の一覧からは外れますが、記録は残ります。</translation>
    </message>
    <message>
        <source>%1 will be moved to the trash. The people in it stay members but belong to no household. It can be restored from the trash.</source>
        <translation>%1をごみ箱に移します。世帯の人は会員のまま残り、どの世帯にも属さなくなります。ごみ箱から元に戻せます。</translation>
    </message>
    <message>
        <source>Delete household</source>
        <translation>世帯の削除</translation>
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
        <source>Members</source>
        <translation>会員</translation>
    </message>
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
        <source>Restore from a backup…</source>
        <translation>バックアップから戻す…</translation>
    </message>
    <message>
        <source>Check the data…</source>
        <translation>データの点検…</translation>
    </message>
    <message>
        <source>Change history…</source>
        <translation>変更履歴…</translation>
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
    <name>MappingPage</name>
    <message>
        <source>Which column holds what?</source>
        <translation>どの列に何が書かれていますか</translation>
    </message>
    <message>
        <source>The columns were matched by their headers. Correct any that are wrong; choose “(not imported)” for what the file does not have. Only the name is required.</source>
        <translation>見出しから列を自動で割り当てました。違っているところは直してください。ファイルにない項目は「（取り込まない）」を選びます。必須は氏名だけです。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>ファイルの列</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>1行目の内容</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>見出しの行</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（取り込まない）</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>会員の新規登録</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>会員の編集</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未記入）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Basic data</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <source>Consent to keep and use this person&apos;s data, by purpose:</source>
        <translation>個人情報の保管・利用についての同意（目的ごと）：</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>同意を記録…</translation>
    </message>
    <message>
        <source>Withdraw selected</source>
        <translation>選んだ同意を撤回</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Household and roles</source>
        <translation>世帯・役職</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>cannot read this date</source>
        <translation>日付として読み取れません</translation>
    </message>
    <message>
        <source>year only: %1</source>
        <translation>年のみ：%1年</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>%1 撤回</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <source>Roles (officer terms)</source>
        <translation>役職（任期）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Committees</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Not registered in a household.</source>
        <translation>世帯に登録されていません。</translation>
    </message>
    <message>
        <source>head</source>
        <translation>世帯主</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>Name (required)</source>
        <translation>氏名（必須）</translation>
    </message>
    <message>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>携帯電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>入会日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>MemberImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>会員名簿の取り込み</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>次へ ＞</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>＜ 戻る</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>MemberList</name>
    <message>
        <source>Search by name, reading or phone</source>
        <translation>氏名・ふりがな・電話番号で検索</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Without consent</source>
        <translation>同意なしのみ</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>新規登録…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Leaving…</source>
        <translation>退会・転出・死亡…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>会員の削除</translation>
    </message>
    <message>
        <source>%1 will be moved to the trash. It can be restored from the trash.</source>
        <translation>%1さんをごみ箱に移します。ごみ箱から元に戻せます。</translation>
    </message>
    <message>
        <source>Leaving</source>
        <translation>退会・転出・死亡</translation>
    </message>
    <message>
        <source>How did %1 leave?</source>
        <translation>%1さんが会員でなくなった理由を選んでください。</translation>
    </message>
    <message>
        <source>On which date? (e.g. R8.4.1)</source>
        <translation>その日付を入力してください（例：R8.4.1）</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Type part of the name, reading or phone</source>
        <translation>氏名・ふりがな・電話番号の一部を入力</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>選ぶ</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1人</translation>
    </message>
</context>
<context>
    <name>MemberStatsTab</name>
    <message>
        <source>Age 0–14</source>
        <translation>0〜14歳</translation>
    </message>
    <message>
        <source>Age 15–39</source>
        <translation>15〜39歳</translation>
    </message>
    <message>
        <source>Age 40–64</source>
        <translation>40〜64歳</translation>
    </message>
    <message>
        <source>Age 65–74</source>
        <translation>65〜74歳</translation>
    </message>
    <message>
        <source>Age 75 and over</source>
        <translation>75歳以上</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>年齢不明</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>基準日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>The figures as of today</source>
        <translation>今日現在の数字</translation>
    </message>
    <message>
        <source>1 April this year</source>
        <translation>今年度の4月1日</translation>
    </message>
    <message>
        <source>The figures as of 1 April of this fiscal year</source>
        <translation>今年度の4月1日現在の数字</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFで保存…</translation>
    </message>
    <message>
        <source>Save these figures as a PDF to print or hand to the city</source>
        <translation>この数字をPDFで保存します（印刷や市への提出に）</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会員数</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>世帯数</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Other or unknown</source>
        <translation>その他・不明</translation>
    </message>
    <message>
        <source>Women and people under 40 among officers and committee members</source>
        <translation>役員・部会員の女性と若い世代（40歳未満）の割合</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Under 40</source>
        <translation>40歳未満</translation>
    </message>
    <message>
        <source>Share of women</source>
        <translation>女性の割合</translation>
    </message>
    <message>
        <source>Share under 40</source>
        <translation>40歳未満の割合</translation>
    </message>
    <message>
        <source>Ages are full years on the date chosen; someone whose birth year only is known counts as born on 1 July.</source>
        <translation>年齢は基準日現在の満年齢です。生まれ年だけが分かる人は、その年の7月1日生まれとして数えています。</translation>
    </message>
    <message>
        <source>The shares count people whose gender or age is unknown as well.</source>
        <translation>割合の分母には、性別や年齢が分からない人も含みます。</translation>
    </message>
    <message>
        <source>Members by association as of %1</source>
        <translation>自治会別の会員数（%1現在）</translation>
    </message>
    <message>
        <source>No association</source>
        <translation>所属自治会なし</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>役員</translation>
    </message>
    <message>
        <source>Committee members</source>
        <translation>部会員</translation>
    </message>
    <message>
        <source>Membership figures</source>
        <translation>会員の状況</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDFで保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the membership figures…</source>
        <translation>会員の状況を書き出しています…</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>保存しました：</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>会員</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <source>Add members from the Excel or CSV list you already keep</source>
        <translation>お手元のExcelやCSVの名簿から会員を登録します</translation>
    </message>
    <message>
        <source>Export roster…</source>
        <translation>名簿を出力…</translation>
    </message>
    <message>
        <source>Save the member roster, officer list and more as PDF or Excel</source>
        <translation>会員名簿・役員名簿などをPDFやExcelで保存します</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>会員一覧</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>世帯</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>役員</translation>
    </message>
    <message>
        <source>Committees</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>団体</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>会員の状況</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Household moves house</source>
        <translation>世帯の転居</translation>
    </message>
    <message>
        <source>Everyone in the household gets the new address. Now: %1</source>
        <translation>世帯の全員の住所が新しい住所になります。現在の住所：%1</translation>
    </message>
    <message>
        <source>Date of the move</source>
        <translation>転居日</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>新しい住所</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Record the move</source>
        <translation>転居を記録</translation>
    </message>
    <message>
        <source>%1&apos;s household</source>
        <translation>%1さんの世帯</translation>
    </message>
    <message>
        <source>This household</source>
        <translation>この世帯</translation>
    </message>
    <message>
        <source>%1 (%2 people) will be recorded as having moved to “%3” on %4.
Everyone&apos;s address changes, and the move is kept in each person&apos;s history.</source>
        <translation>%1（%2人）が%4付けで「%3」へ転居したものとして記録します。
世帯全員の住所が変わり、一人ひとりの履歴に転居として残ります。</translation>
    </message>
</context>
<context>
    <name>OfficersTab</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <source>Chosen by</source>
        <translation>選出母体</translation>
    </message>
    <message>
        <source>New term…</source>
        <translation>役員を登録…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>End term…</source>
        <translation>退任…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Roles…</source>
        <translation>役職の一覧…</translation>
    </message>
    <message>
        <source>Officers as of</source>
        <translation>基準日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>%1現在</translation>
    </message>
    <message>
        <source>%1 officers</source>
        <translation>役員 %1人</translation>
    </message>
    <message>
        <source>Select an officer to see their roles over the years.</source>
        <translation>役員を選ぶと、その人のこれまでの役職が表示されます。</translation>
    </message>
    <message>
        <source>Roles of %1 over the years</source>
        <translation>%1さんのこれまでの役職</translation>
    </message>
    <message>
        <source>End term</source>
        <translation>退任</translation>
    </message>
    <message>
        <source>%1 leaves the role “%2”. Enter the last day in office.</source>
        <translation>%1さんが「%2」を退任します。在任の最後の日を入力してください。</translation>
    </message>
    <message>
        <source>Last day in office</source>
        <translation>退任日（在任の最終日）</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>次へ…</translation>
    </message>
    <message>
        <source>The term of %1 as “%2” will end on %3 (the last day in office). The record is kept.</source>
        <translation>%1さんの「%2」の任期を、%3（在任の最終日）で終了として記録します。任期の記録は残ります。</translation>
    </message>
    <message>
        <source>The record of %1 as “%2” (%3) will be deleted and cannot be restored.
If the term has simply ended, use “End term…” instead.</source>
        <translation>%1さんの「%2」の任期（%3）の記録を削除します。削除すると元に戻せません。
任期が終わっただけの場合は、「退任…」を使ってください。</translation>
    </message>
    <message>
        <source>Delete term</source>
        <translation>任期の記録の削除</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>New organisation</source>
        <translation>団体の登録</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>団体の編集</translation>
    </message>
    <message>
        <source>Member organisation</source>
        <translation>団体会員</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <translation>連携団体</translation>
    </message>
    <message>
        <source>Name (required)</source>
        <translation>団体名（必須）</translation>
    </message>
    <message>
        <source>Reading (kana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Member or partner</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Their position</source>
        <translation>担当者の役職</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>OrganisationsTab</name>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Member organisations</source>
        <translation>団体会員</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>連携団体</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>団体名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Member or partner</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>団体会員</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>連携団体</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>New organisation…</source>
        <translation>団体を登録…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>%1 organisations</source>
        <translation>%1団体</translation>
    </message>
    <message>
        <source>“%1” will be moved to the trash. It can be restored from the trash.</source>
        <translation>「%1」をごみ箱に移します。ごみ箱から元に戻せます。</translation>
    </message>
    <message>
        <source>Delete organisation</source>
        <translation>団体の削除</translation>
    </message>
</context>
<context>
    <name>PlaceFields</name>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>班</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Possibly the same person as: %1</source>
        <translation>同じ人の可能性：%1</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>取り込む前に確認してください</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Either every row is imported, or none.</source>
        <translation>まだ何も保存していません。取り込むときは全員をまとめて登録し、一部だけが登録されることはありません。</translation>
    </message>
    <message>
        <source>Show only rows with problems or possible duplicates</source>
        <translation>問題や重複の可能性がある行だけを表示</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>世帯</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>確認すること</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is.</source>
        <translation>このファイルはこのままでは取り込めません。</translation>
    </message>
    <message>
        <source>%1 people in %2 households would be added (officer roles: %3, committee places: %4, new blocks: %5, new committees: %6).</source>
        <translation>会員 %1人（%2世帯）を登録します（役職 %3件、部会 %4件、新しい班 %5、新しい部会 %6）。</translation>
    </message>
    <message>
        <source>%1 problem(s) (rows in red). Correct the file or the columns, then try again; nothing can be imported until then.</source>
        <translation>問題が%1件あります（赤い行）。ファイルか列の割り当てを直してから、もう一度お試しください。直すまでは取り込めません。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題はありません。</translation>
    </message>
    <message>
        <source>%1 person(s) may already be registered or appear twice (rows in yellow): they can be imported, but please check them afterwards.</source>
        <translation>すでに登録済みか、ファイル内で重複している可能性のある人が%1人います（黄色の行）。取り込めますが、あとで確認してください。</translation>
    </message>
    <message>
        <source>Registering members: %1 of %2</source>
        <translation>会員を登録しています：%2人中 %1人</translation>
    </message>
    <message>
        <source>Backing up the data before the import…</source>
        <translation>取り込みの前にデータをバックアップしています…</translation>
    </message>
    <message>
        <source>Importing members…</source>
        <translation>会員名簿を取り込んでいます…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>取り込みが終わりました</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>Restore from a backup</source>
        <translation>バックアップから戻す</translation>
    </message>
    <message>
        <source>Nagato Desk data (*.db)</source>
        <translation>Nagato Desk のデータ (*.db)</translation>
    </message>
    <message>
        <source>The data will be replaced by this backup:</source>
        <translation>データを次のバックアップの内容に置き換えます：</translation>
    </message>
    <message>
        <source>The data as it is now is backed up first, so this can be undone by restoring that copy.</source>
        <translation>今のデータは先にバックアップするので、そのコピーから戻せば元に戻せます。</translation>
    </message>
    <message>
        <source>Restored. The data before restoring was saved to:</source>
        <translation>戻しました。戻す前のデータは次に保存しました：</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles</source>
        <translation>役職の一覧</translation>
    </message>
    <message>
        <source>The order here is the order of the officer list. A role that is not used any more can be set to “not in use”: past terms keep it.</source>
        <translation>ここでの並び順が役員名簿の順番になります。使わなくなった役職は「使用しない」にできます。過去の任期の記録はそのまま残ります。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Use / stop using</source>
        <translation>使用する／使用しない</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>使用しない</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>役職の追加</translation>
    </message>
    <message>
        <source>Name of the new role</source>
        <translation>新しい役職の名前</translation>
    </message>
    <message>
        <source>Rename role</source>
        <translation>役職の名前の変更</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新しい名前</translation>
    </message>
    <message>
        <source>The role “%1” will be removed from the list.</source>
        <translation>役職「%1」を一覧から削除します。</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>役職の削除</translation>
    </message>
</context>
<context>
    <name>SaveDocumentDialog</name>
    <message>
        <source>Save a document</source>
        <translation>文書の書き出し</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
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
        <source>Daily backups to keep</source>
        <translation>日ごとに残す数</translation>
    </message>
    <message>
        <source>Monthly backups to keep</source>
        <translation>月ごとに残す数</translation>
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
        <source>A backup is made automatically at the first start of each day. %1 daily and %2 monthly backups are kept.</source>
        <translation>毎日最初の起動時に自動でバックアップします。日ごと%1個・月ごと%2個を残します。</translation>
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
<context>
    <name>Startup</name>
    <message>
        <source>Backup not made</source>
        <translation>バックアップできませんでした</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made. You can go on working, but please check the backup folder in the settings.</source>
        <translation>今日の自動バックアップを作れませんでした。このまま作業は続けられますが、「設定」でバックアップの保存先を確認してください。</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>New officer term</source>
        <translation>役員の登録</translation>
    </message>
    <message>
        <source>Edit officer term</source>
        <translation>任期の編集</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Other body</source>
        <translation>その他の団体など</translation>
    </message>
    <message>
        <source>e.g. seniors&apos; club, open call</source>
        <translation>例：老人クラブ、公募</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>役員になる人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Committee (for committee heads)</source>
        <translation>部会（部会長の場合）</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>任期の開始日</translation>
    </message>
    <message>
        <source>Term ends (empty while in office)</source>
        <translation>任期の終了日（在任中は空欄）</translation>
    </message>
    <message>
        <source>Chosen by</source>
        <translation>選出母体</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose the officer</source>
        <translation>役員になる人を選ぶ</translation>
    </message>
</context>
</TS>
