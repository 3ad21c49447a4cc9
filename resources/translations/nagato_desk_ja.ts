<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountsImportDialog</name>
    <message>
        <source>Cash book (日付, 科目, 摘要, 収入, 支出, 口座, 証憑番号)</source>
        <translation>出納簿（日付, 科目, 摘要, 収入, 支出, 口座, 証憑番号）</translation>
    </message>
    <message>
        <source>Budget (科目, 予算額, 説明)</source>
        <translation>予算（科目, 予算額, 説明）</translation>
    </message>
    <message>
        <source>Import into the accounts</source>
        <translation>会計への取り込み</translation>
    </message>
    <message>
        <source>Into %1, in the fund named in the file&apos;s 会計 column (else the 一般会計). The file is checked first; nothing is written until you press Import, and then every row is imported or none.</source>
        <translation>%1に取り込みます。会計はファイルの「会計」列のもの（列がなければ一般会計）です。まずファイルを点検します。「取り込む」を押すまで何も書き込まれず、取り込むときはすべての行を取り込むか、1行も取り込みません。</translation>
    </message>
    <message>
        <source>Excel (.xlsx) or CSV file</source>
        <translation>Excel（.xlsx）または CSV ファイル</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>ファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>点検する</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.xlsm *.csv)</source>
        <translation>Excel または CSV (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <source>Choose an existing file.</source>
        <translation>あるファイルを選んでください。</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>ファイルを点検しています…</translation>
    </message>
    <message>
        <source>No problems found. Press Import to write:</source>
        <translation>問題はありません。「取り込む」を押すと次の内容を書き込みます：</translation>
    </message>
    <message>
        <source>%1 problems: nothing can be imported until the file is corrected.</source>
        <translation>問題が%1件あります。ファイルを直すまで取り込めません。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>取り込みました：</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>会計</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <source>Read the cash book or budget from the Excel or CSV file you keep</source>
        <translation>手元の Excel や CSV の出納帳・予算を読み込みます</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Save the budget, settlement, cash book, audit report and more as PDF or Excel</source>
        <translation>予算書・決算書・出納簿・監査報告書などを PDF や Excel で保存します</translation>
    </message>
    <message>
        <source>Cash book</source>
        <translation>出納簿</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>決算</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>監査</translation>
    </message>
    <message>
        <source>Subsidies</source>
        <translation>補助金</translation>
    </message>
    <message>
        <source>Heads and accounts</source>
        <translation>科目・口座</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>会計</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation>（締め済み）</translation>
    </message>
    <message>
        <source>Closed year: read-only</source>
        <translation>締めた年度のため変更できません</translation>
    </message>
    <message>
        <source>Budget statement</source>
        <translation>収支予算書</translation>
    </message>
    <message>
        <source>Settlement statement</source>
        <translation>収支決算書</translation>
    </message>
    <message>
        <source>Balances at year end</source>
        <translation>財産・預金残高</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>監査報告書</translation>
    </message>
    <message>
        <source>Subsidy report</source>
        <translation>補助金実績報告</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>New action</source>
        <translation>新しい取組</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>取組の編集</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>何をするか</translation>
    </message>
    <message>
        <source>Choose who does it</source>
        <translation>担当者を選ぶ</translation>
    </message>
    <message>
        <source>or who in words (事務局, 福祉部会 …)</source>
        <translation>または担当を文字で（事務局、福祉部会 など）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完了日</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>議案</translation>
    </message>
    <message>
        <source>Dream-plan action</source>
        <translation>夢プランの取組</translation>
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
    <name>ActionForm</name>
    <message>
        <source>e.g. Make and sell bamboo charcoal with the university</source>
        <translation>例：大学と連携した竹炭の製造・販売</translation>
    </message>
    <message>
        <source>e.g. university, local businesses</source>
        <translation>例：大学、地元の事業者</translation>
    </message>
    <message>
        <source>yen, e.g. 300,000</source>
        <translation>円&#x3000;例：300,000</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>取組</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>実施主体（部会）</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>連携先</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>概算事業費</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>実施年度</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>ActionsList</name>
    <message>
        <source>Past its date and not done</source>
        <translation>期限を過ぎて未完了です</translation>
    </message>
    <message>
        <source>New action…</source>
        <translation>取組を追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完了…</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>未完了に戻す</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Go to the meeting</source>
        <translation>会議を開く</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>開催日</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完了日</translation>
    </message>
    <message>
        <source>%1 open actions, %2 past their date</source>
        <translation>未完了の取組 %1 件（うち期限切れ %2 件）</translation>
    </message>
    <message>
        <source>%1 actions agreed at this meeting</source>
        <translation>この会議で決まった取組 %1 件</translation>
    </message>
    <message>
        <source>Action done</source>
        <translation>取組の完了</translation>
    </message>
    <message>
        <source>“%1” is done. On which date?</source>
        <translation>「%1」が完了しました。完了日は？</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>The action “%1” will be deleted. This cannot be undone.</source>
        <translation>取組「%1」を削除します。元に戻せません。</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>取組の削除</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Activities</source>
        <translation>事業</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>すべての月</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>すべての分野</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>Show the activities that were deleted, to restore one</source>
        <translation>削除した事業を表示します（元に戻せます）</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>新規登録…</translation>
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
        <source>Copy recurring from last year…</source>
        <translation>前年度の恒例行事を写す…</translation>
    </message>
    <message>
        <source>Last year&apos;s activities marked “held every year” become this year&apos;s plans</source>
        <translation>前年度の「毎年実施」の事業を、今年度の予定として写します</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Save the activity report as PDF or Excel</source>
        <translation>事業報告書を PDF か Excel で保存します</translation>
    </message>
    <message>
        <source>List by month</source>
        <translation>月別の一覧</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>活動分野</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>完全に削除…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>実施日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>事業名</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>担当部会</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>All committees</source>
        <translation>すべての部会</translation>
    </message>
    <message>
        <source>%1 in the trash</source>
        <translation>ごみ箱に%1件</translation>
    </message>
    <message>
        <source>%1 activities, %2 participants</source>
        <translation>%1件・参加者 延べ%2人</translation>
    </message>
    <message>
        <source>The activity “%1” will be moved to the trash. Its photos are kept and come back if it is restored.</source>
        <translation>事業「%1」をごみ箱に移します。写真は残り、元に戻すと一緒に戻ります。</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>事業の削除</translation>
    </message>
    <message>
        <source>The activity “%1” and its photos will be deleted for good. This cannot be undone.</source>
        <translation>事業「%1」とその写真を完全に削除します。元に戻せません。</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <source>Copy recurring activities</source>
        <translation>恒例行事の写し</translation>
    </message>
    <message>
        <source>There is nothing to copy: %1 has no recurring activity that is not in %2 yet.</source>
        <translation>写す事業はありません。%1の「毎年実施」の事業は、すべて%2に写してあります。</translation>
    </message>
    <message>
        <source>%1 recurring activities of %2 will be copied into %3 as plans, one year later, without participants or outcome.</source>
        <translation>%2の「毎年実施」の事業%1件を、1年後の日付で%3の予定として写します（参加者数と成果は写しません）。</translation>
    </message>
    <message>
        <source>Activity report (by field)</source>
        <translation>事業報告書（活動分野別）</translation>
    </message>
    <message>
        <source>Activity report (by committee)</source>
        <translation>事業報告書（担当部会別）</translation>
    </message>
</context>
<context>
    <name>ActivityCalendar</name>
    <message>
        <source>No activity on this day. Double-click the day to add one.</source>
        <translation>この日の事業はありません。日付をダブルクリックすると登録できます。</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>%1 participants</source>
        <translation>参加者%1人</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>事業の新規登録</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>事業の編集</translation>
    </message>
    <message>
        <source>e.g. Summer festival</source>
        <translation>例：ふるさと夏祭り</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Held every year (copied into next year&apos;s plans)</source>
        <translation>毎年実施（翌年度の予定に写す）</translation>
    </message>
    <message>
        <source>e.g. university, fire brigade</source>
        <translation>例：山口県立大学、消防団</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>写真を追加…</translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation>説明…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>写真を外す</translation>
    </message>
    <message>
        <source>Cash entries…</source>
        <translation>出納簿の行…</translation>
    </message>
    <message>
        <source>Choose the expenses in the cash book that paid for it</source>
        <translation>この事業の経費にあたる出納簿の支出を選びます</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>住民</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>ボランティア</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>連携団体</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>実施日</translation>
    </message>
    <message>
        <source>Until (for several days)</source>
        <translation>終了日（複数日のとき）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>事業名</translation>
    </message>
    <message>
        <source>Committee in charge</source>
        <translation>担当部会</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>活動分野</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者（人）</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>連携団体名</translation>
    </message>
    <message>
        <source>Dream-plan action</source>
        <translation>夢プランの取組</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>経費</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>事業内容</translation>
    </message>
    <message>
        <source>Outcome and issues</source>
        <translation>成果と課題</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>写真の追加</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</source>
        <translation>写真 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>写真の説明</translation>
    </message>
    <message>
        <source>Caption of the photo</source>
        <translation>写真の説明</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>(ordinary)</source>
        <translation>（一般）</translation>
    </message>
    <message>
        <source>Questions and answers (質疑応答)</source>
        <translation>質疑応答の内容</translation>
    </message>
    <message>
        <source>The chair decided otherwise</source>
        <translation>議長の判断で結果を変える</translation>
    </message>
    <message>
        <source>Reason (required; printed in the minutes)</source>
        <translation>理由（必須・議事録に載ります）</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>議案を保存</translation>
    </message>
    <message>
        <source>Officers elected…</source>
        <translation>役員選任…</translation>
    </message>
    <message>
        <source>For</source>
        <translation>賛成</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反対</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>棄権</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>採決</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>議決の要件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>内容の種類</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>議題</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案の内容</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>質疑応答</translation>
    </message>
    <message>
        <source>Dream-plan action</source>
        <translation>夢プランの取組</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新しい議案</translation>
    </message>
    <message>
        <source>Choose an item or add one.</source>
        <translation>議案を選ぶか、追加してください。</translation>
    </message>
    <message>
        <source>Elected: %1</source>
        <translation>選任：%1</translation>
    </message>
    <message>
        <source>(report items are not voted on)</source>
        <translation>（報告事項は採決しません）</translation>
    </message>
    <message>
        <source>Not voted yet</source>
        <translation>未採決</translation>
    </message>
    <message>
        <source> — %1 for (passes with %2 or more: %4 of %3 counted)</source>
        <translation> — 賛成 %1 名（出席者 %3 名の%4 ＝ %2 名以上で可決）</translation>
    </message>
    <message>
        <source> → the chair decided: %1</source>
        <translation> → 議長の判断により %1</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>議題</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>New motion</source>
        <translation>審議事項を追加</translation>
    </message>
    <message>
        <source>審議事項 (第n号議案)</source>
        <translation>審議事項（第n号議案）</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>報告事項を追加</translation>
    </message>
    <message>
        <source>報告事項</source>
        <translation>報告事項</translation>
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
        <translation>削除</translation>
    </message>
    <message>
        <source>%1 will be deleted with its vote. This cannot be undone.</source>
        <translation>%1 を採決の記録とともに削除します。元に戻せません。</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>議案の削除</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <source>Anonymise %1</source>
        <translation>%1 を匿名化</translation>
    </message>
    <message>
        <source>(nothing recorded)</source>
        <translation>（記録なし）</translation>
    </message>
    <message>
        <source>The personal data of %1 will be erased from the data file for good.</source>
        <translation>%1 さんの個人情報をデータファイルから完全に消去します。</translation>
    </message>
    <message>
        <source>Erased: %1</source>
        <translation>消去するもの：%1</translation>
    </message>
    <message>
        <source>Also erased: the texts of %1 membership changes and %2 consent notes, and the old values in %3 change-history entries.</source>
        <translation>あわせて消去：異動の記録 %1 件の内容、同意の記録 %2 件の備考、変更履歴 %3 件の変更前・変更後の値</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>残すもの：%1</translation>
    </message>
    <message>
        <source>A backup is made first. Backups made before still hold the old data until the rotation deletes them. This cannot be undone.</source>
        <translation>先にバックアップを作ります。それまでのバックアップには元のデータが残り、ローテーションで削除されるまで消えません。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>元に戻せないことを理解しました</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>匿名化する</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>匿名化しました</translation>
    </message>
    <message>
        <source>The member is now called %1.</source>
        <translation>この会員は「%1」と表示されます。</translation>
    </message>
</context>
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
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出欠</translation>
    </message>
    <message>
        <source>Proxy given to</source>
        <translation>委任先</translation>
    </message>
    <message>
        <source>The holder of this proxy is not present: it counts as absent.</source>
        <translation>委任先が出席していないため、この委任状は欠席扱いになります。</translation>
    </message>
    <message>
        <source> (not present)</source>
        <translation>（出席していない）</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Keys: ↑↓ move · 1 present · 2 absent · 3 proxy · 4 written vote · Space present · P who holds the proxy</source>
        <extracomment>the keys of quick entry</extracomment>
        <translation>キー操作：↑↓ 移動 ・ 1 出席 ・ 2 欠席 ・ 3 委任状 ・ 4 書面表決 ・ スペース 出席 ・ P 委任先を選ぶ</translation>
    </message>
    <message>
        <source>Find a name or reading (Enter jumps to it)</source>
        <translation>氏名・ふりがなで探す（Enter でその人へ）</translation>
    </message>
    <message>
        <source>1 Present</source>
        <translation>1 出席</translation>
    </message>
    <message>
        <source>2 Absent</source>
        <translation>2 欠席</translation>
    </message>
    <message>
        <source>3 Proxy</source>
        <translation>3 委任状</translation>
    </message>
    <message>
        <source>4 Written vote</source>
        <translation>4 書面表決</translation>
    </message>
    <message>
        <source>Proxy holder…</source>
        <translation>委任先…</translation>
    </message>
    <message>
        <source>Everyone still absent is present</source>
        <translation>残りを全員出席にする</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>出席者を追加…</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>一覧から外す</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>来賓</translation>
    </message>
    <message>
        <source>Affiliation / role</source>
        <translation>所属・役職</translation>
    </message>
    <message>
        <source>Add a guest…</source>
        <translation>来賓を追加…</translation>
    </message>
    <message>
        <source>Remove guest</source>
        <translation>来賓を削除</translation>
    </message>
    <message>
        <source>Guests (not counted)</source>
        <translation>来賓・オブザーバー（人数に数えません）</translation>
    </message>
    <message>
        <source>%1 people may attend</source>
        <translation>出席資格者 %1 名</translation>
    </message>
    <message>
        <source>The chair (議長一任)</source>
        <translation>議長（議長一任）</translation>
    </message>
    <message>
        <source> (not present)</source>
        <translation>（出席していない）</translation>
    </message>
    <message>
        <source>Proxy holder</source>
        <translation>委任先</translation>
    </message>
    <message>
        <source>%1 gives a proxy to:</source>
        <translation>%1 さんの委任先：</translation>
    </message>
    <message>
        <source>The %1 people still marked absent will be marked present.</source>
        <translation>まだ「欠席」の %1 名を「出席」にします。</translation>
    </message>
    <message>
        <source>Mark present</source>
        <translation>出席にする</translation>
    </message>
    <message>
        <source>Add a person who may attend</source>
        <translation>出席者を追加</translation>
    </message>
    <message>
        <source>%1 will be taken off the list of this meeting.</source>
        <translation>%1 さんをこの会議の出席者一覧から外します。</translation>
    </message>
    <message>
        <source>Add a guest</source>
        <translation>来賓の追加</translation>
    </message>
    <message>
        <source>Name of the guest</source>
        <translation>来賓の氏名</translation>
    </message>
    <message>
        <source>Affiliation or role (e.g. city staff)</source>
        <translation>所属・役職（例：長門市 地域づくり支援員）</translation>
    </message>
    <message>
        <source>The guest %1 will be removed from this meeting.</source>
        <translation>来賓 %1 さんをこの会議から削除します。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Record the audit</source>
        <translation>監査の記録</translation>
    </message>
    <message>
        <source>Edit the audit</source>
        <translation>監査の修正</translation>
    </message>
    <message>
        <source>Fiscal year audited</source>
        <translation>監査した年度</translation>
    </message>
    <message>
        <source>Audit date</source>
        <translation>監査日</translation>
    </message>
    <message>
        <source>Auditors (監事)</source>
        <translation>監査した監事</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>意見・指摘事項</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Nobody holds a 監事 role on this date (see Members → Officers).</source>
        <translation>この日に監事の人がいません（会員 → 役員 で登録します）。</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Audit date</source>
        <translation>監査日</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>監事</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>意見・指摘事項</translation>
    </message>
    <message>
        <source>Record the audit…</source>
        <translation>監査を記録…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Audits of the accounts of %1. The 監査報告書 is printed with Export….</source>
        <translation>%1の会計監査です。監査報告書は「書き出し…」で印刷できます。</translation>
    </message>
    <message>
        <source>The audit of %1 will be deleted.</source>
        <translation>%1の監査の記録を削除します。</translation>
    </message>
    <message>
        <source>Delete the audit</source>
        <translation>監査の削除</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <source>Add amendment…</source>
        <translation>補正予算を追加…</translation>
    </message>
    <message>
        <source>A 補正予算: starts as a copy of the budget in force</source>
        <translation>補正予算：いまの予算を写したものから始めます</translation>
    </message>
    <message>
        <source>Delete amendment</source>
        <translation>補正予算を削除</translation>
    </message>
    <message>
        <source>e.g. 第1号補正予算</source>
        <translation>例：第1号補正予算</translation>
    </message>
    <message>
        <source>The meeting that approved this budget (議決した会議)</source>
        <translation>この予算を議決した会議</translation>
    </message>
    <message>
        <source>Let the reserve (予備費) absorb the difference when saving</source>
        <translation>保存するとき予備費で収支を合わせる</translation>
    </message>
    <message>
        <source>Save budget</source>
        <translation>予算を保存</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>議決日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>議決した会議</translation>
    </message>
    <message>
        <source>Save the budget?</source>
        <translation>予算を保存しますか？</translation>
    </message>
    <message>
        <source>The budget shown has changes that are not saved. Save them?</source>
        <translation>表示中の予算に保存していない変更があります。保存しますか？</translation>
    </message>
    <message>
        <source>Initial budget (not entered yet)</source>
        <translation>当初予算（未入力）</translation>
    </message>
    <message>
        <source>This fiscal year is closed: its budget cannot be changed.</source>
        <translation>この年度は締めてあるため、予算は変更できません。</translation>
    </message>
    <message>
        <source>A later amendment replaces this budget; the settlement uses the latest one.</source>
        <translation>この後の補正予算があります。決算には最新の予算が使われます。</translation>
    </message>
    <message>
        <source>Income %1 yen − expense %2 yen = %3 yen</source>
        <translation>収入 %1円 − 支出 %2円 = %3円</translation>
    </message>
    <message>
        <source>Income and expense do not balance.</source>
        <translation>収入と支出が合っていません。</translation>
    </message>
    <message>
        <source>Add amendment</source>
        <translation>補正予算の追加</translation>
    </message>
    <message>
        <source>Amendment no. %1 to the budget of %2. It starts as a copy of the budget in force; change the amounts that the meeting amended, then save.</source>
        <translation>%2の第%1号補正予算です。いまの予算を写したものから始まります。会議で補正した金額を直して保存してください。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>“%1” will be deleted; the budget before it is in force again.</source>
        <translation>「%1」を削除します。その前の予算が有効に戻ります。</translation>
    </message>
</context>
<context>
    <name>BudgetTable</name>
    <message>
        <source>Head</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年度予算額</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>前年度予算額</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>比較増減</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>収入の部</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出の部</translation>
    </message>
    <message>
        <source>Income total</source>
        <translation>収入合計</translation>
    </message>
    <message>
        <source>Expense total</source>
        <translation>支出合計</translation>
    </message>
</context>
<context>
    <name>CashBookModel</name>
    <message>
        <source>Date</source>
        <translation>月日</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>証憑番号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>収入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>差引残高</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>支払先・受取先</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Brought forward</source>
        <translation>前年度繰越</translation>
    </message>
    <message>
        <source>Transfer (%1 → %2)</source>
        <translation>振替（%1 → %2）</translation>
    </message>
</context>
<context>
    <name>CashBookTab</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Income (month)</source>
        <translation>月計 収入</translation>
    </message>
    <message>
        <source>Expense (month)</source>
        <translation>月計 支出</translation>
    </message>
    <message>
        <source>Income (to date)</source>
        <translation>累計 収入</translation>
    </message>
    <message>
        <source>Expense (to date)</source>
        <translation>累計 支出</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>残高</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>訂正…</translation>
    </message>
    <message>
        <source>Load the selected entry into the entry row</source>
        <translation>選んだ行を入力欄に読み込んで訂正します</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新しい行</translation>
    </message>
    <message>
        <source>Money account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>すべての口座</translation>
    </message>
    <message>
        <source>This fiscal year is closed: the cash book is read-only. Reopen the year on the Settlement tab to correct it.</source>
        <translation>この年度は締めてあるため、出納簿は変更できません。訂正するときは「決算」タブで締めを解除してください。</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1件</translation>
    </message>
    <message>
        <source>Balances: %1 — total %2 yen</source>
        <translation>残高：%1&#x3000;合計 %2円</translation>
    </message>
    <message>
        <source>The entry “%1” will be deleted from the cash book.</source>
        <translation>出納簿から「%1」の行を削除します。</translation>
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
    <name>DocumentSaver</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>文書の保存</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1を書き出しています…</translation>
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
    <name>DocumentsPage</name>
    <message>
        <source>Members</source>
        <translation>会員</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>会計</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Dream plan</source>
        <translation>夢プラン</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>事業</translation>
    </message>
    <message>
        <source>General meeting and city hall</source>
        <translation>総会・市への提出</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Preview, print or save any document the program makes.</source>
        <translation>このプログラムで作れる書類を、プレビュー・印刷・保存できます。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Show the pages (F5)</source>
        <translation>ページを表示します（F5）</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Choose a printer, copies and pages (Ctrl+P)</source>
        <translation>プリンター・部数・ページを選んで印刷します（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save as a file in the format chosen (Ctrl+S)</source>
        <translation>選んだ形式のファイルに保存します（Ctrl+S）</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <source>Open the folder the document was saved in</source>
        <translation>保存した書類のフォルダを開きます</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Choose a document on the left.</source>
        <translation>左の一覧から書類を選んでください。</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>There is no general meeting yet: add one in Meetings first.</source>
        <translation>総会がまだ登録されていません。先に「会議」で登録してください。</translation>
    </message>
    <message>
        <source>There is no meeting yet: add one in Meetings first.</source>
        <translation>会議がまだ登録されていません。先に「会議」で登録してください。</translation>
    </message>
    <message>
        <source>No fiscal year has been closed yet: close the year in Accounts first.</source>
        <translation>締めた年度がまだありません。先に「会計」で年度を締めてください。</translation>
    </message>
    <message>
        <source>There is no dream plan yet: make one in Dream plan first.</source>
        <translation>夢プランがまだありません。先に「夢プラン」で作ってください。</translation>
    </message>
    <message>
        <source>There is no fiscal year to choose yet.</source>
        <translation>選べる年度がまだありません。</translation>
    </message>
    <message>
        <source>Press Preview to see the pages.</source>
        <translation>「プレビュー」を押すとページが表示されます。</translation>
    </message>
    <message>
        <source>This document cannot be previewed: save it and open the file.</source>
        <translation>この書類はプレビューできません。保存してからファイルを開いてください。</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>書類を作っています…</translation>
    </message>
    <message>
        <source>The document could not be made.</source>
        <translation>書類を作れませんでした。</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo changes…</source>
        <translation>変更の取り消し…</translation>
    </message>
    <message>
        <source>Undo (nothing to undo)</source>
        <translation>元に戻す（元に戻せる操作はありません）</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>元に戻す：%1</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>元に戻せる操作はありません。</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>元に戻しました：%1</translation>
    </message>
</context>
<context>
    <name>ElectionDialog</name>
    <message>
        <source>Officers elected</source>
        <translation>役員選任</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>(the meeting)</source>
        <translation>（この会議）</translation>
    </message>
    <message>
        <source>Choose the person elected</source>
        <translation>選任された人を選ぶ</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>一覧に加える</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>一覧から外す</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Chosen by</source>
        <translation>選出母体</translation>
    </message>
    <message>
        <source>not voted yet</source>
        <translation>未採決</translation>
    </message>
    <message>
        <source>End the terms of those who hold these roles now (the day before)</source>
        <translation>この役職の現在の任期を前日で終える</translation>
    </message>
    <message>
        <source>%1 — result: %2</source>
        <translation>%1 — 結果：%2</translation>
    </message>
    <message>
        <source>Each person is added to the officer list of the roster with this term. The item must have been passed.</source>
        <translation>一覧の人を、この任期で会員名簿の役員に登録します。議案が可決されている必要があります。</translation>
    </message>
    <message>
        <source>Already recorded: %1</source>
        <translation>登録済み：%1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Committee (for committee heads)</source>
        <translation>部会（部会長の場合）</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>任期の始まり</translation>
    </message>
    <message>
        <source>Term ends (may be empty)</source>
        <translation>任期の終わり（空欄可）</translation>
    </message>
    <message>
        <source>Record the election</source>
        <translation>選任を登録</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>e.g. 4/1</source>
        <translation>例：4/1</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>収入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>振替</translation>
    </message>
    <message>
        <source>Type a head&apos;s name or reading (振替 for a transfer)</source>
        <translation>科目名かよみを入力（口座間の移動は「振替」）</translation>
    </message>
    <message>
        <source>yen</source>
        <translation>円</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>記帳する</translation>
    </message>
    <message>
        <source>Enter on the last field or Ctrl+S</source>
        <translation>最後の欄で Enter、または Ctrl+S</translation>
    </message>
    <message>
        <source>Cancel correction</source>
        <translation>訂正をやめる</translation>
    </message>
    <message>
        <source>To account</source>
        <translation>振替先の口座</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Dream-plan action</source>
        <translation>夢プランの取組</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>証憑番号</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>支払先・受取先</translation>
    </message>
    <message>
        <source>cannot read this date</source>
        <translation>日付として読めません</translation>
    </message>
    <message>
        <source>Correcting voucher no. %1 (Esc to stop)</source>
        <translation>証憑番号 %1 を訂正中（Esc でやめる）</translation>
    </message>
    <message>
        <source>New entry: Enter moves to the next field and saves after the last</source>
        <translation>新しい行：Enter で次の欄へ、最後の欄で記帳します</translation>
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
    <name>EvaluationTab</name>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Lock the year…</source>
        <translation>この年度を確定…</translation>
    </message>
    <message>
        <source>The year was reported to the city: no more changes</source>
        <translation>市へ報告済み：以後は変更できなくなります</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>確定を解除…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>取組</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>実施内容</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>課題</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次年度の取組</translation>
    </message>
    <message>
        <source>(not rated)</source>
        <translation>（未評価）</translation>
    </message>
    <message>
        <source>A achieved, B mostly achieved, C partly, D not achieved</source>
        <translation>A 達成、B おおむね達成、C 一部達成、D 未達成</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>保存して次へ</translation>
    </message>
    <message>
        <source>Save this action&apos;s evaluation and go to the next one</source>
        <translation>この取組の評価を保存し、次の取組へ進みます</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>実施内容</translation>
    </message>
    <message>
        <source>Next year&apos;s step</source>
        <translation>次年度の取組</translation>
    </message>
    <message>
        <source>%1 of %2 actions evaluated</source>
        <translation>%2件の取組のうち%1件を評価済み</translation>
    </message>
    <message>
        <source>An older version of the plan: its evaluations cannot be changed.</source>
        <translation>見直し前の版のため、評価は変更できません。</translation>
    </message>
    <message>
        <source>The evaluations of %1 are locked (reported to the city) and cannot be changed. Unlock the year to correct them.</source>
        <translation>%1の評価は確定済み（市へ報告済み）のため変更できません。訂正するには確定を解除してください。</translation>
    </message>
    <message>
        <source>(not planned in this year)</source>
        <translation>（この年度は予定なし）</translation>
    </message>
    <message>
        <source>Lock the evaluations of %1? Do this once they are reported to the city: after that they cannot be changed unless the year is unlocked, with a reason.</source>
        <translation>%1の評価を確定しますか？市へ報告した後に行ってください。確定後は、理由を記録して解除しない限り変更できません。</translation>
    </message>
    <message>
        <source>Lock the year</source>
        <translation>年度の確定</translation>
    </message>
    <message>
        <source>Unlock the year</source>
        <translation>確定の解除</translation>
    </message>
    <message>
        <source>Why must the evaluations of %1 be changed? The reason is kept in the change history.</source>
        <translation>%1の評価を変更する理由を入力してください。理由は変更履歴に残ります。</translation>
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
    <name>FundDialog</name>
    <message>
        <source>New fund</source>
        <translation>新しい会計</translation>
    </message>
    <message>
        <source>Edit fund</source>
        <translation>会計の修正</translation>
    </message>
    <message>
        <source>e.g. 竹炭事業特別会計</source>
        <translation>例：竹炭事業特別会計</translation>
    </message>
    <message>
        <source>General (一般会計)</source>
        <translation>一般会計</translation>
    </message>
    <message>
        <source>Special (特別会計)</source>
        <translation>特別会計</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>First year kept here</source>
        <translation>記帳開始年度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>GoalForm</name>
    <message>
        <source>e.g. Everyone lives safely and in good health</source>
        <translation>例：だれもが安心して健康に暮らせる地域</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>活動分野</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>基本目標</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Nagato Desk hand-over file</source>
        <translation>Nagato Desk 引継ぎファイル</translation>
    </message>
    <message>
        <source>Make a hand-over file</source>
        <translation>引継ぎファイルを作る</translation>
    </message>
    <message>
        <source>The hand-over file was written:</source>
        <translation>引継ぎファイルを作りました：</translation>
    </message>
    <message>
        <source>Print the checklist, tick it off together with the next secretariat and sign it:</source>
        <translation>チェックリストを印刷し、後任の方と一緒に確認して署名してください：</translation>
    </message>
    <message>
        <source>Open a hand-over file</source>
        <translation>引継ぎファイルを開く</translation>
    </message>
    <message>
        <source>The data will be replaced by this hand-over file:</source>
        <translation>今のデータを次の引継ぎファイルの内容で置き換えます：</translation>
    </message>
    <message>
        <source>The data as it is now is backed up first, so this can be undone by restoring that copy.</source>
        <translation>今のデータは先にバックアップします。そのコピーを復元すれば元に戻せます。</translation>
    </message>
    <message>
        <source>The hand-over file was opened.</source>
        <translation>引継ぎファイルを開きました。</translation>
    </message>
    <message>
        <source>The data before was saved to:</source>
        <translation>それまでのデータの保存先：</translation>
    </message>
</context>
<context>
    <name>HeadDialog</name>
    <message>
        <source>New head</source>
        <translation>新しい科目</translation>
    </message>
    <message>
        <source>Edit head</source>
        <translation>科目の修正</translation>
    </message>
    <message>
        <source>hiragana, used to find the head when typing</source>
        <translation>ひらがな。記帳のとき科目を探すのに使います</translation>
    </message>
    <message>
        <source>(every year)</source>
        <translation>（すべての年度）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>科目名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>よみ</translation>
    </message>
    <message>
        <source>Used from</source>
        <translation>使用開始年度</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Nagato Desk — User guide</source>
        <extracomment>The chapter opened first (はじめに). Pictures wider than this (pixels) are shown and printed smaller, so a page never needs scrolling sideways. On screen pictures follow the width of the window, down to this.</extracomment>
        <translation>Nagato Desk — 使い方ガイド</translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation>ガイド内を検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>次を検索</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前を検索</translation>
    </message>
    <message>
        <source>Print this chapter…</source>
        <translation>この章を印刷…</translation>
    </message>
    <message>
        <source>Save the whole guide as PDF…</source>
        <translation>ガイド全体をPDFで保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <source>The guide was not found: %1</source>
        <translation>使い方ガイドが見つかりません：%1</translation>
    </message>
    <message>
        <source>Found in “%1”</source>
        <translation>「%1」の章で見つかりました</translation>
    </message>
    <message>
        <source>“%1” was not found.</source>
        <translation>「%1」は見つかりません。</translation>
    </message>
    <message>
        <source>Print this chapter</source>
        <translation>この章を印刷</translation>
    </message>
    <message>
        <source>Save the whole guide as PDF</source>
        <translation>ガイド全体をPDFで保存</translation>
    </message>
    <message>
        <source>Nagato Desk user guide</source>
        <translation>Nagato Desk 使い方ガイド</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存できませんでした：%1</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使い方ガイド</translation>
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
    <name>IndicatorChart</name>
    <message>
        <source>Choose an indicator</source>
        <translation>指標を選んでください</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績値</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>New indicator</source>
        <translation>指標の追加</translation>
    </message>
    <message>
        <source>Edit indicator</source>
        <translation>指標の編集</translation>
    </message>
    <message>
        <source>e.g. residents taking part in the watch-over network</source>
        <translation>例：見守りネットワークの協力者数</translation>
    </message>
    <message>
        <source>e.g. people, %, times</source>
        <translation>例：人、%、回</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>基本目標：%1</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>取組：%1</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指標名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Better when</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Baseline value</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>基準年度</translation>
    </message>
    <message>
        <source>Final target</source>
        <translation>最終目標値</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>対象</translation>
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
    <name>IndicatorTab</name>
    <message>
        <source>Indicator</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>Final target</source>
        <translation>最終目標</translation>
    </message>
    <message>
        <source>Latest actual</source>
        <translation>最新の実績</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>達成率</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
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
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標値</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績値</translation>
    </message>
    <message>
        <source>Type a target or an actual in the table; leave it empty to clear it.</source>
        <translation>目標値・実績値は表に直接入力します。空にすると消えます。</translation>
    </message>
    <message>
        <source>There are no indicators yet. Add one with “Add…”.</source>
        <translation>指標はまだありません。「追加…」で登録してください。</translation>
    </message>
    <message>
        <source>%1 (%2) by fiscal year</source>
        <translation>%1（%2）の年度別の値</translation>
    </message>
    <message>
        <source>No target for this year: the final target applies</source>
        <translation>この年度の目標値はありません（最終目標値で評価します）</translation>
    </message>
    <message>
        <source>The indicator “%1” will be deleted with its targets and actuals.</source>
        <translation>指標「%1」を目標値・実績値とともに削除します。</translation>
    </message>
    <message>
        <source>Delete indicator</source>
        <translation>指標の削除</translation>
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
    <name>LinkEntriesDialog</name>
    <message>
        <source>Entries paid by the subsidy</source>
        <translation>補助金で支払った行</translation>
    </message>
    <message>
        <source>Expenses on the eligible heads and incomes are listed; entries of another subsidy are not.</source>
        <translation>補助対象の科目の支出と、収入の行が並びます（ほかの補助金の行は出ません）。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>LinkPickers</name>
    <message>
        <source>(no dream-plan action)</source>
        <translation>（夢プランの取組なし）</translation>
    </message>
    <message>
        <source>The dream-plan action this is for (optional)</source>
        <translation>この行が対象とする夢プランの取組（任意）</translation>
    </message>
    <message>
        <source>(no meeting)</source>
        <translation>（会議の指定なし）</translation>
    </message>
    <message>
        <source>Cash entries that paid for the activity</source>
        <translation>事業の経費にあたる出納簿の行</translation>
    </message>
    <message>
        <source>Expenses of %1 in the cash book. Tick those that paid for this activity.</source>
        <translation>%1の出納簿の支出です。この事業の経費にあたるものにチェックを付けてください。</translation>
    </message>
    <message>
        <source>Type part of the description, payee or head</source>
        <translation>摘要・支払先・科目の一部を入力</translation>
    </message>
    <message>
        <source>There are no expenses in this fiscal year.</source>
        <translation>この年度の支出はありません。</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>選ぶ</translation>
    </message>
    <message>
        <source>%1 entries ticked: %2 yen</source>
        <translation>%1件を選択：%2円</translation>
    </message>
    <message>
        <source>No cash entries linked</source>
        <translation>出納簿の行の指定なし</translation>
    </message>
    <message>
        <source>%1 cash entries, %2 yen</source>
        <translation>%1件、%2円</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Nagato Desk is locked</source>
        <extracomment>Input that counts as &quot;someone is here&quot; (restarts the idle timer).</extracomment>
        <translation>Nagato Desk はロックされています</translation>
    </message>
    <message>
        <source>Enter the password to go on. Your unsaved work is kept as it was.</source>
        <translation>続けるにはパスワードを入力してください。保存していない作業はそのまま残っています。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Unlock in the main window.</source>
        <translation>メインウィンドウでロックを解除してください。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>会員</translation>
    </message>
    <message>
        <source>Dream plan</source>
        <translation>夢プラン</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会議・議事録</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>会計</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>事業</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>書類</translation>
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
        <source>Make a hand-over file…</source>
        <translation>引継ぎファイルを作る…</translation>
    </message>
    <message>
        <source>Open a hand-over file…</source>
        <translation>引継ぎファイルを開く…</translation>
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
    <name>MeetingDetail</name>
    <message>
        <source>Edit meeting…</source>
        <translation>会議の編集…</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出欠</translation>
    </message>
    <message>
        <source>Agenda and votes</source>
        <translation>議事・採決</translation>
    </message>
    <message>
        <source>Actions agreed</source>
        <translation>決まった取組</translation>
    </message>
    <message>
        <source>Choose a meeting in the list, or add one.</source>
        <translation>会議一覧で会議を選ぶか、新しい会議を登録してください。</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>議長</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>記録者</translation>
    </message>
    <message>
        <source>Minute signers</source>
        <translation>議事録署名人</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>新しい会議</translation>
    </message>
    <message>
        <source>Edit meeting</source>
        <translation>会議の編集</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Leave empty for the usual name (e.g. 令和8年度定期総会)</source>
        <translation>空欄なら通常の名前（例：令和8年度定期総会）</translation>
    </message>
    <message>
        <source>Choose the chair</source>
        <translation>議長を選ぶ</translation>
    </message>
    <message>
        <source>Choose the recorder</source>
        <translation>記録者を選ぶ</translation>
    </message>
    <message>
        <source>or a name, when the recorder is not a member</source>
        <translation>会員以外が記録する場合は氏名を入力</translation>
    </message>
    <message>
        <source>Choose the first minute signer</source>
        <translation>議事録署名人（1人目）を選ぶ</translation>
    </message>
    <message>
        <source>Choose the second minute signer</source>
        <translation>議事録署名人（2人目）を選ぶ</translation>
    </message>
    <message>
        <source>Meeting number %1</source>
        <translation>会議番号 %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>会議名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>開催日</translation>
    </message>
    <message>
        <source>Time (start – end)</source>
        <translation>時刻（開始〜終了）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Who may attend</source>
        <translation>出席資格</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>議長</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>記録者</translation>
    </message>
    <message>
        <source>Minute signer 1</source>
        <translation>議事録署名人 1</translation>
    </message>
    <message>
        <source>Minute signer 2</source>
        <translation>議事録署名人 2</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Everyone who may attend is listed as absent until attendance is taken. For “chosen people” add them on the attendance tab.</source>
        <translation>出席資格のある人は、出欠を入力するまで「欠席」として一覧に入ります。「選んだ人」の会議では、出欠のタブで出席者を追加してください。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <source>no quorum rule</source>
        <translation>定めなし</translation>
    </message>
    <message>
        <source>quorum met</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>not taken yet</source>
        <translation>出欠未入力</translation>
    </message>
    <message>
        <source>no quorum</source>
        <translation>不成立</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>General meetings (both)</source>
        <translation>総会（定期・臨時）</translation>
    </message>
    <message>
        <source>Search names, places and agenda items</source>
        <translation>会議名・場所・議題で検索</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ごみ箱</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>開催日</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>会議名</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席/在籍</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>定足数</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>新しい会議…</translation>
    </message>
    <message>
        <source>Attendance and agenda</source>
        <translation>出欠・議事を開く</translation>
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
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>すべての年度</translation>
    </message>
    <message>
        <source>%1 in the trash</source>
        <translation>ごみ箱に %1 件</translation>
    </message>
    <message>
        <source>%1 meetings</source>
        <translation>%1 件の会議</translation>
    </message>
    <message>
        <source>The meeting No.%1 “%2” will be moved to the trash with its attendance and agenda. It can be restored from the trash.</source>
        <translation>会議 No.%1「%2」を出欠・議事とともにごみ箱に移します。ごみ箱から元に戻せます。</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>会議の削除</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Minutes (議事録)</source>
        <extracomment>the documents of the section: (report key, name shown), meeting documents first</extracomment>
        <translation>議事録</translation>
    </message>
    <message>
        <source>Attendance sheet (出席簿)</source>
        <translation>出席簿（受付用）</translation>
    </message>
    <message>
        <source>Proxy form (委任状)</source>
        <translation>委任状（用紙）</translation>
    </message>
    <message>
        <source>Written vote form (書面表決書)</source>
        <translation>書面表決書（用紙）</translation>
    </message>
    <message>
        <source>Notice of the meeting (開催通知)</source>
        <translation>開催通知（出欠回答票つき）</translation>
    </message>
    <message>
        <source>Resolutions of the year (議決事項一覧)</source>
        <translation>議決事項一覧（年度）</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会議・議事録</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Save the minutes, attendance sheet, forms, notice or resolutions as PDF or Excel</source>
        <translation>議事録・出席簿・委任状などの用紙・開催通知・議決事項一覧を PDF や Excel で保存します</translation>
    </message>
    <message>
        <source>Meeting list</source>
        <translation>会議一覧</translation>
    </message>
    <message>
        <source>Attendance and agenda</source>
        <translation>出欠・議事</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完了の取組</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>議決事項一覧</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>対象の会議：%1</translation>
    </message>
</context>
<context>
    <name>MemberChoice</name>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未選択）</translation>
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
    <message>
        <source>Anonymise…</source>
        <translation>匿名化…</translation>
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
    <name>MoneyAccountDialog</name>
    <message>
        <source>New money account</source>
        <translation>新しい口座</translation>
    </message>
    <message>
        <source>Edit money account</source>
        <translation>口座の修正</translation>
    </message>
    <message>
        <source>e.g. 山口銀行 普通預金</source>
        <translation>例：山口銀行 普通預金</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>預金</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>口座名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Opening balance (yen)</source>
        <translation>開始残高（円）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
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
    <name>PasswordBox</name>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Remove the password…</source>
        <translation>パスワードを解除…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source>Lock the window after this long without use:</source>
        <translation>操作がないときに画面をロックするまでの時間：</translation>
    </message>
    <message>
        <source>A password is asked when Nagato Desk starts. It is kept (as a hash) in the data file, so it goes with backups and the hand-over. The command line does not ask for it.</source>
        <translation>起動時にパスワードを確認します。パスワードは（ハッシュとして）データファイルに保存されるため、バックアップや引継ぎファイルにも含まれます。コマンドラインでは確認しません。</translation>
    </message>
    <message>
        <source>No password: Nagato Desk opens without asking.</source>
        <translation>パスワードなし：Nagato Desk は確認なしで開きます。</translation>
    </message>
    <message>
        <source>Change the password…</source>
        <translation>パスワードを変更…</translation>
    </message>
    <message>
        <source>Set a password…</source>
        <translation>パスワードを設定…</translation>
    </message>
</context>
<context>
    <name>PasswordEntry</name>
    <message>
        <source>Wrong password. %1 tries left.</source>
        <translation>パスワードが違います。あと %1 回入力できます。</translation>
    </message>
    <message>
        <source>Wrong password three times. Please wait %1 seconds.</source>
        <translation>パスワードを3回間違えました。%1 秒お待ちください。</translation>
    </message>
    <message>
        <source>You can try again.</source>
        <translation>もう一度入力できます。</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Nagato Desk — password</source>
        <translation>Nagato Desk — パスワード</translation>
    </message>
    <message>
        <source>Enter the password to open the data.</source>
        <translation>データを開くにはパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>ページ全体</translation>
    </message>
    <message>
        <source>Zoom (Ctrl++ / Ctrl+-)</source>
        <translation>倍率（Ctrl++ / Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>倍率</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ一覧</translation>
    </message>
    <message>
        <source>Choose a document and press Preview.</source>
        <translation>書類を選んで「プレビュー」を押してください。</translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>%1を作っています…</translation>
    </message>
</context>
<context>
    <name>PdfPrinter</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>%2ページ中 %1ページ目</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Printing %1…</source>
        <translation>%1を印刷しています…</translation>
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
    <name>PlanDialog</name>
    <message>
        <source>New dream plan</source>
        <translation>夢プランの作成</translation>
    </message>
    <message>
        <source>Edit the plan</source>
        <translation>夢プランの編集</translation>
    </message>
    <message>
        <source>e.g. Utsuka dream plan</source>
        <translation>例：宇津賀地区 地域の夢プラン</translation>
    </message>
    <message>
        <source>The latest recorded</source>
        <translation>最新の年度</translation>
    </message>
    <message>
        <source>The meeting that adopted the plan (策定した会議)</source>
        <translation>この計画を策定した会議</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>計画の名称</translation>
    </message>
    <message>
        <source>First fiscal year</source>
        <translation>計画期間の初年度</translation>
    </message>
    <message>
        <source>Vision (future image)</source>
        <translation>将来像</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>地域の現状</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>地域の課題</translation>
    </message>
    <message>
        <source>Survey results</source>
        <translation>アンケート結果</translation>
    </message>
    <message>
        <source>Survey figures</source>
        <translation>アンケートの数値</translation>
    </message>
    <message>
        <source>Population figures of</source>
        <translation>人口・世帯数の年度</translation>
    </message>
    <message>
        <source>Adopted on</source>
        <translation>策定日</translation>
    </message>
    <message>
        <source>Adopted at</source>
        <translation>策定した会議</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The period of a revised plan cannot be moved</source>
        <translation>見直し後の計画は期間を変えられません</translation>
    </message>
    <message>
        <source>Ten years: %1</source>
        <translation>10年間：%1</translation>
    </message>
</context>
<context>
    <name>PlanLinksPanel</name>
    <message>
        <source>Cost and decisions</source>
        <translation>事業費と会議での決定</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Linked record</source>
        <translation>結び付いた記録</translation>
    </message>
    <message>
        <source>Amount / result</source>
        <translation>金額・結果</translation>
    </message>
    <message>
        <source>No expenses in the cash book are linked to this action yet.</source>
        <translation>この取組に結び付いた出納簿の支出はまだありません。</translation>
    </message>
    <message>
        <source>Spent: %1 (total %2 yen)</source>
        <translation>支出：%1（計 %2円）</translation>
    </message>
    <message>
        <source>Resolutions (%1)</source>
        <translation>議案（%1）</translation>
    </message>
    <message>
        <source>Meeting actions (%1)</source>
        <translation>会議で決まった取組（%1）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>事業（%1）</translation>
    </message>
    <message>
        <source>Cash entries (%1)</source>
        <translation>出納簿の行（%1）</translation>
    </message>
    <message>
        <source> (through an activity)</source>
        <translation>（事業の経費として）</translation>
    </message>
</context>
<context>
    <name>PlanOutlineTab</name>
    <message>
        <source>Edit the plan…</source>
        <translation>計画の編集…</translation>
    </message>
    <message>
        <source>Mid-term revision…</source>
        <translation>中間見直し…</translation>
    </message>
    <message>
        <source>Make a new version of the plan; this one is kept as it is</source>
        <translation>計画の新しい版をつくります（今の版はそのまま残ります）</translation>
    </message>
    <message>
        <source>Goal / action</source>
        <translation>基本目標・取組</translation>
    </message>
    <message>
        <source>Field / committee</source>
        <translation>活動分野・部会</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>実施年度</translation>
    </message>
    <message>
        <source>Cost (yen)</source>
        <translation>概算事業費（円）</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>基本目標を追加</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>取組を追加</translation>
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
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up)</source>
        <translation>上へ移動（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down)</source>
        <translation>下へ移動（Ctrl+↓）</translation>
    </message>
    <message>
        <source>Add a goal (Ctrl+G)</source>
        <translation>基本目標を追加（Ctrl+G）</translation>
    </message>
    <message>
        <source>Add an action under the selected goal (Ctrl+N)</source>
        <translation>選んだ基本目標に取組を追加（Ctrl+N）</translation>
    </message>
    <message>
        <source>Choose a goal or an action, or add one.</source>
        <translation>基本目標か取組を選ぶか、追加してください。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>変更を戻す</translation>
    </message>
    <message>
        <source>Version %1 was replaced by a mid-term revision. It is shown as it was and cannot be changed.</source>
        <translation>第%1版は中間見直し前の版です。当時のまま表示しており、変更はできません。</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>変更を保存しますか？</translation>
    </message>
    <message>
        <source>“%1” was changed. Save the changes before moving on?</source>
        <translation>「%1」が変更されています。移る前に保存しますか？</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>基本目標</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>基本目標の追加</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>取組</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>取組の追加</translation>
    </message>
    <message>
        <source>New action under “%1”</source>
        <translation>「%1」に取組を追加</translation>
    </message>
    <message>
        <source>The goal “%1” will be deleted with its %2 actions, their indicators and evaluations.</source>
        <translation>基本目標「%1」を、その取組%2件と指標・評価とともに削除します。</translation>
    </message>
    <message>
        <source>The action “%1” will be deleted with its years, indicators and evaluations.</source>
        <translation>取組「%1」を、実施年度・指標・評価とともに削除します。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Version %2 will be made from version %1. From then on only version %2 can be changed; version %1 stays as it is and can be read.</source>
        <translation>第%1版から第%2版をつくります。以後は第%2版だけが変更でき、第%1版はそのまま残り閲覧できます。</translation>
    </message>
    <message>
        <source>Mid-term revision</source>
        <translation>中間見直し</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Dream plan</source>
        <translation>夢プラン</translation>
    </message>
    <message>
        <source>A mid-term revision makes a new version; older versions can be read but not changed</source>
        <translation>中間見直しで新しい版ができます。前の版は閲覧のみできます</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Save the plan booklet or the yearly progress report</source>
        <translation>夢プランの冊子や年度の評価シートを保存します</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>ロードマップ</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>There is no dream plan yet. Create it with its title and the first fiscal year of its ten-year period; then add its goals and actions.</source>
        <translation>夢プランはまだありません。計画の名称と10年間の初年度を入れて作成し、基本目標と取組を追加してください。</translation>
    </message>
    <message>
        <source>Create the plan…</source>
        <translation>夢プランを作成…</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source> — current</source>
        <translation>（現行）</translation>
    </message>
    <message>
        <source>Dream plan booklet</source>
        <translation>夢プラン（冊子）</translation>
    </message>
    <message>
        <source>Yearly progress report (evaluation sheet)</source>
        <translation>年度の評価シート</translation>
    </message>
</context>
<context>
    <name>PlanProgressTab</name>
    <message>
        <source>Actions</source>
        <translation>取組数</translation>
    </message>
    <message>
        <source>Planned years</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>遅れ</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>進捗率</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>評価済み</translation>
    </message>
    <message>
        <source>Ratings A/B/C/D</source>
        <translation>評価 A/B/C/D</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>集計する年度</translation>
    </message>
    <message>
        <source>By goal</source>
        <translation>基本目標別</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>基本目標</translation>
    </message>
    <message>
        <source>By field</source>
        <translation>活動分野別</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>活動分野</translation>
    </message>
    <message>
        <source>By committee</source>
        <translation>部会別</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>Planned years, done and late count the years up to the chosen one; the rate is done ÷ planned. Evaluated and ratings are of the chosen year.</source>
        <translation>予定・完了・遅れは選んだ年度までの年数、進捗率は完了÷予定です。評価済みと評価の内訳は選んだ年度の分です。</translation>
    </message>
    <message>
        <source>%1 actions: %2 of %3 planned years done (%4), %5 late</source>
        <translation>取組%1件：予定%3年のうち完了%2年（%4）、遅れ%5年</translation>
    </message>
</context>
<context>
    <name>PlanSummary</name>
    <message>
        <source>%1: population %2, households %3, ageing rate %4</source>
        <translation>%1：人口%2人・世帯数%3・高齢化率%4</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>将来像</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>現状</translation>
    </message>
    <message>
        <source>adopted on %1</source>
        <translation>%1策定</translation>
    </message>
    <message>
        <source>revised on %1: %2</source>
        <translation>%1見直し：%2</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>プレビュー：%1</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>書類を作っています…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The document could not be made.</source>
        <translation>書類を作れませんでした。</translation>
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
    <name>ResolutionsTab</name>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Search the titles, proposals and discussions</source>
        <translation>議題・提案・質疑応答で検索</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>開催日</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>議案</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>議題</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>採決</translation>
    </message>
    <message>
        <source>Go to the meeting</source>
        <translation>会議を開く</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>すべての年度</translation>
    </message>
    <message>
        <source>%1 resolutions</source>
        <translation>議決事項 %1 件</translation>
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
    <message>
        <source>The data file is damaged</source>
        <translation>データファイルが壊れています</translation>
    </message>
    <message>
        <source>Restore this backup now? The damaged file is kept in the backup folder.</source>
        <translation>このバックアップを今すぐ復元しますか？壊れたファイルはバックアップのフォルダに残します。</translation>
    </message>
    <message>
        <source>Restored. The damaged file was kept as:</source>
        <translation>復元しました。壊れたファイルは次の名前で残しました：</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <source>Mid-term revision</source>
        <translation>中間見直し</translation>
    </message>
    <message>
        <source>A revision makes a new version of the plan with its goals, actions, indicators and evaluations. The current version is kept as it is and can still be read.</source>
        <translation>見直しでは、基本目標・取組・指標・評価を引き継いだ新しい版をつくります。今の版はそのまま残り、閲覧できます。</translation>
    </message>
    <message>
        <source>e.g. goals reviewed after the resident survey</source>
        <translation>例：住民アンケートの結果を受けて基本目標を見直し</translation>
    </message>
    <message>
        <source>Revised on</source>
        <translation>見直しの日</translation>
    </message>
    <message>
        <source>What is revised</source>
        <translation>見直しの内容</translation>
    </message>
    <message>
        <source>Make the new version</source>
        <translation>新しい版をつくる</translation>
    </message>
</context>
<context>
    <name>RoadmapModel</name>
    <message>
        <source>planned</source>
        <extracomment>Cell colours, shared with the legend.</extracomment>
        <translation>予定</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>late</source>
        <translation>遅れ</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>予定なし</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>取組</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>部会</translation>
    </message>
    <message>
        <source>rating %1</source>
        <translation>評価%1</translation>
    </message>
    <message>
        <source>this year</source>
        <translation>今年度</translation>
    </message>
</context>
<context>
    <name>RoadmapTab</name>
    <message>
        <source>Plan / unplan the year</source>
        <translation>年度の予定を付ける・外す</translation>
    </message>
    <message>
        <source>Plan the selected action in the selected year, or take the year out (double-click)</source>
        <translation>選んだ取組の選んだ年度を予定に入れる、または外します（ダブルクリックでも可）</translation>
    </message>
    <message>
        <source>Late: planned in a year that is over and not done. The letter in a cell is the year&apos;s rating.</source>
        <translation>遅れ：予定の年度が過ぎても完了していないもの。マス目の文字はその年度の評価です。</translation>
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
        <source>Preview and print…</source>
        <translation>プレビュー・印刷…</translation>
    </message>
    <message>
        <source>See the pages and print them</source>
        <translation>ページを見て印刷します</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Remove the password</source>
        <translation>パスワードの解除</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>パスワードの設定</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>現在のパスワード</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新しいパスワード</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>新しいパスワード（確認）</translation>
    </message>
    <message>
        <source>Nagato Desk will ask for the password when it starts and after the window has been idle. Write it down and keep it with the hand-over papers: it cannot be recovered.</source>
        <translation>Nagato Desk は起動時と、しばらく操作がなかったときにパスワードを確認します。パスワードは復元できないため、書き留めて引継ぎ書類と一緒に保管してください。</translation>
    </message>
    <message>
        <source>Nagato Desk will open without asking for a password.</source>
        <translation>Nagato Desk はパスワードを確認せずに開くようになります。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>解除する</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>設定する</translation>
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
    <name>SettlementTab</name>
    <message>
        <source>Head</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算額</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>決算額</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差異</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>収入の部</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出の部</translation>
    </message>
    <message>
        <source>Income total</source>
        <translation>収入合計</translation>
    </message>
    <message>
        <source>Expense total</source>
        <translation>支出合計</translation>
    </message>
    <message>
        <source>Close the year…</source>
        <translation>年度を締める…</translation>
    </message>
    <message>
        <source>Reopen the year…</source>
        <translation>締めを解除…</translation>
    </message>
    <message>
        <source>No budget has been entered for this year: the budget column is 0.</source>
        <translation>この年度の予算が入力されていないため、予算額は0です。</translation>
    </message>
    <message>
        <source>Budget amounts from: %1</source>
        <translation>予算額：%1</translation>
    </message>
    <message>
        <source>Carried over to next year: %1 yen (income %2 − expense %3)</source>
        <translation>次年度繰越金 %1円（収入合計 %2 − 支出合計 %3）</translation>
    </message>
    <message>
        <source>Closed on %1 by %2.</source>
        <translation>%1に%2さんが締めました。</translation>
    </message>
    <message>
        <source>Reopened on %1 by %2: %3</source>
        <translation>%1に%2さんが締めを解除（理由：%3）</translation>
    </message>
    <message>
        <source>This year is open: entries and the budget can still be changed.</source>
        <translation>この年度はまだ締めていません。出納簿と予算は変更できます。</translation>
    </message>
    <message>
        <source>Close %1 of %2?

The balance of %3 yen is carried over as the 前年度繰越金 of %4, and the cash book and budget of %1 can no longer be changed (a year can be reopened, with a reason).

A backup of the data is made first.</source>
        <translation>%2の%1を締めますか？

残高 %3円は%4の前年度繰越金になり、%1の出納簿と予算は変更できなくなります（理由を記録して締めを解除することはできます）。

締める前にデータのバックアップを作ります。</translation>
    </message>
    <message>
        <source>%1 has not ended yet: it runs until %2.</source>
        <translation>%1はまだ終わっていません（%2まで）。</translation>
    </message>
    <message>
        <source>Close the year</source>
        <translation>年度の締め</translation>
    </message>
    <message>
        <source>Reopen the year</source>
        <translation>締めの解除</translation>
    </message>
    <message>
        <source>Why is %1 reopened? The reason is recorded with your name and the time.</source>
        <translation>%1の締めを解除する理由を入力してください。理由は、解除した人・日時とともに記録されます。</translation>
    </message>
</context>
<context>
    <name>SetupTab</name>
    <message>
        <source>New fund…</source>
        <translation>会計を追加…</translation>
    </message>
    <message>
        <source>Edit fund…</source>
        <translation>会計を修正…</translation>
    </message>
    <message>
        <source>Money account</source>
        <translation>口座</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>開始残高</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>口座を追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Stop / resume using</source>
        <translation>使用をやめる／再開</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>よみ</translation>
    </message>
    <message>
        <source>Used from</source>
        <translation>使用開始</translation>
    </message>
    <message>
        <source>Retired from</source>
        <translation>廃止</translation>
    </message>
    <message>
        <source>Add head…</source>
        <translation>科目を追加…</translation>
    </message>
    <message>
        <source>Add sub-head…</source>
        <translation>下に科目を追加…</translation>
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
        <source>Retire…</source>
        <translation>廃止…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>預金</translation>
    </message>
    <message>
        <source>%1 — books kept from %2</source>
        <translation>%1（%2から記帳）</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>収入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>In use again (not retired)</source>
        <translation>使用を再開する（廃止しない）</translation>
    </message>
    <message>
        <source>Retire head</source>
        <translation>科目の廃止</translation>
    </message>
    <message>
        <source>From which fiscal year is “%1” no longer used? Earlier years keep it.</source>
        <translation>「%1」をどの年度から使わなくしますか？それより前の年度はそのままです。</translation>
    </message>
    <message>
        <source>The head “%1” will be deleted. A head already used can only be retired.</source>
        <translation>科目「%1」を削除します。使われたことのある科目は削除できず、廃止だけできます。</translation>
    </message>
    <message>
        <source>Delete head</source>
        <translation>科目の削除</translation>
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
        <extracomment>A hand-over file from the previous secretariat to open instead (引継ぎファイル).</extracomment>
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
        <source>Open a hand-over file from the previous secretariat</source>
        <translation>前任の事務局から受け取った引継ぎファイルを開く</translation>
    </message>
    <message>
        <source>Hand-over file (.nagato-handover.zip)</source>
        <translation>引継ぎファイル（.nagato-handover.zip）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>The data will be kept in:</source>
        <translation>データの保存場所：</translation>
    </message>
    <message>
        <source>Open a hand-over file</source>
        <translation>引継ぎファイルを開く</translation>
    </message>
    <message>
        <source>Nagato Desk hand-over file</source>
        <translation>Nagato Desk 引継ぎファイル</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>入力内容をご確認ください</translation>
    </message>
    <message>
        <source>Choose the hand-over file.</source>
        <translation>引継ぎファイルを選んでください。</translation>
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
    <message>
        <source>Where the data is kept</source>
        <translation>データの保存場所について</translation>
    </message>
</context>
<context>
    <name>SubsidiesTab</name>
    <message>
        <source>Subsidy</source>
        <translation>補助金</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>交付元</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>交付決定額</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受入額</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>支出額</translation>
    </message>
    <message>
        <source>Unspent</source>
        <translation>未使用額</translation>
    </message>
    <message>
        <source>To refund</source>
        <translation>返還額</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>証憑番号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>収入</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>New subsidy…</source>
        <translation>補助金を追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Entries paid…</source>
        <translation>対象の行…</translation>
    </message>
    <message>
        <source>Choose the cash-book entries this subsidy paid for</source>
        <translation>この補助金で支払った出納簿の行を選びます</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>No subsidy is recorded for this year.</source>
        <translation>この年度の補助金はありません。</translation>
    </message>
    <message>
        <source>%1 from %2: decided %3 yen%4.</source>
        <translation>%1（交付元：%2）交付決定額 %3円%4</translation>
    </message>
    <message>
        <source>Eligible heads: %1.</source>
        <translation>補助対象の科目：%1</translation>
    </message>
    <message>
        <source>%1 yen of the linked expenses are on heads the subsidy does not cover.</source>
        <translation>対象にした支出のうち%1円は、補助対象ではない科目です。</translation>
    </message>
    <message>
        <source>The subsidy “%1” will be deleted; its entries stay in the cash book.</source>
        <translation>補助金「%1」を削除します。出納簿の行はそのまま残ります。</translation>
    </message>
    <message>
        <source>Delete subsidy</source>
        <translation>補助金の削除</translation>
    </message>
</context>
<context>
    <name>SubsidyDialog</name>
    <message>
        <source>New subsidy</source>
        <translation>新しい補助金</translation>
    </message>
    <message>
        <source>Edit subsidy</source>
        <translation>補助金の修正</translation>
    </message>
    <message>
        <source>e.g. 長門市</source>
        <translation>例：長門市</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>交付元</translation>
    </message>
    <message>
        <source>Amount decided (yen)</source>
        <translation>交付決定額（円）</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>交付決定日</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事業の内容</translation>
    </message>
    <message>
        <source>Eligible heads</source>
        <translation>補助対象の科目</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SurveyEditor</name>
    <message>
        <source>Question</source>
        <translation>設問</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Add a figure</source>
        <translation>数値を追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
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
<context>
    <name>UndoDialog</name>
    <message>
        <source>Undo changes</source>
        <translation>変更の取り消し</translation>
    </message>
    <message>
        <source>Recent actions, newest first. Undo them from the newest: an action whose records were changed afterwards is refused. An undo can itself be undone.</source>
        <translation>最近の操作です（新しい順）。新しい操作から順に元に戻せます。あとで同じ記録が変更された操作は元に戻せません。元に戻したこと自体も、元に戻せます（やり直し）。</translation>
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
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>元に戻せる操作はありません。</translation>
    </message>
    <message>
        <source>&amp;Undo the selected action</source>
        <translation>選んだ操作を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>UndoRunner</name>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo “%1”? It changes %2 records (this undo can itself be undone).</source>
        <translation>「%1」を元に戻しますか？%2件の記録が変わります（この取り消しも元に戻せます）。</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>元に戻しています…</translation>
    </message>
</context>
<context>
    <name>YearGrid</name>
    <message>
        <source>Every year</source>
        <translation>全年度</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Planned in %1</source>
        <translation>%1に実施</translation>
    </message>
</context>
</TS>
