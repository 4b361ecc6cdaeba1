<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>Background</name>
    <message>
        <source>Could not prepare {what}: {error}</source>
        <translation>{what}を準備できませんでした: {error}</translation>
    </message>
</context>
<context>
    <name>Chronology</name>
    <message>
        <source>not given</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>The timeline's events, plans and periods in time order, grouped by year. Up and Down move through them and select each; Left and Right close and open a year.</source>
        <translation>タイムラインの行事・計画・期間を年ごとにまとめ、時系列に並べた一覧です。上下キーで移動して選択し、左右キーで年を閉じたり開いたりします。</translation>
    </message>
    <message>
        <source>, period</source>
        <translation>、期間</translation>
    </message>
    <message numerus="yes">
        <source>{year} (%n item(s))</source>
        <translation><numerusform>{year}（%n 件）</numerusform></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Acronym</source>
        <translation>略語</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>Expansion given</source>
        <translation>正式名称の記載</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>行事</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>The dataset could not be opened</source>
        <translation>データセットを開けませんでした</translation>
    </message>
    <message numerus="yes">
        <source>The dataset in {folder} has %n problem(s) and was not opened.</source>
        <translation><numerusform>{folder} のデータセットには %n 件の問題があるため、開きませんでした。</numerusform></translation>
    </message>
    <message>
        <source>... and {more} more (Show Details lists them all)</source>
        <translation>…ほか {more} 件（「詳細を表示」ですべて確認できます）</translation>
    </message>
    <message>
        <source>The bundled dataset is shown instead.

</source>
        <translation>代わりに同梱のデータセットを表示します。

</translation>
    </message>
    <message>
        <source>The current dataset stays open.

</source>
        <translation>現在のデータセットはそのまま開いています。

</translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation>データセットを開く</translation>
    </message>
    <message>
        <source>Opening the dataset in {folder}…</source>
        <translation>{folder} のデータセットを開いています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Opening Dataset</source>
        <translation>データセットを開いています</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>データセットを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a dataset folder in place of the current one</source>
        <translation>現在のデータセットの代わりに、別のデータセットのフォルダーを開きます</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったデータセット(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Bundled Dataset</source>
        <translation>同梱のデータセットを開く(&amp;B)</translation>
    </message>
    <message>
        <source>Show the dataset that comes with the app</source>
        <translation>アプリに同梱のデータセットを表示します</translation>
    </message>
    <message>
        <source>Open {folder}</source>
        <translation>{folder} を開きます</translation>
    </message>
    <message>
        <source>{text} (missing)</source>
        <translation>{text}（見つかりません）</translation>
    </message>
    <message>
        <source>{folder} no longer exists</source>
        <translation>{folder} は存在しません</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation>最近使ったデータセットはありません</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>履歴を消去(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Dates</name>
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
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
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
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{year}年{month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
    <message>
        <source>date not given</source>
        <translation>日付の記載なし</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>{date}まで</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>{date}から</translation>
    </message>
    <message>
        <source>annually</source>
        <translation>毎年</translation>
    </message>
    <message>
        <source>{when}, annually</source>
        <translation>{when}、毎年</translation>
    </message>
    <message>
        <source>{first}-{last} {month} {year}</source>
        <translation>{year}年{month}{first}日～{last}日</translation>
    </message>
    <message>
        <source>{first}-{last}</source>
        <translation>{first}～{last}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start}～{end}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>引用をコピー</translation>
    </message>
    <message>
        <source>Copy a citation of this record (Chicago note); the arrow offers other styles</source>
        <translation>このレコードの引用（シカゴ・スタイルの注）をコピーします。矢印からほかの形式を選べます</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Copy the link that opens this record in AJ Explorer; the arrow offers its paragraphs</source>
        <translation>このレコードを AJ Explorer で開くリンクをコピーします。矢印から各段落へのリンクを選べます</translation>
    </message>
    <message>
        <source>As {title} (for a reference manager)</source>
        <translation>{title} 形式（文献管理ソフト用）</translation>
    </message>
    <message>
        <source>Link to Paragraph {number}</source>
        <translation>第{number}段落へのリンク</translation>
    </message>
    <message>
        <source>Copied the {title} citation of {display_title}: {text}</source>
        <translation>「{display_title}」の引用（{title}）をコピーしました: {text}</translation>
    </message>
    <message>
        <source>Copied the {title} entry of {display_title}</source>
        <translation>「{display_title}」の {title} エントリをコピーしました</translation>
    </message>
    <message>
        <source>Copied the link to {what}: {text}</source>
        <translation>{what}へのリンクをコピーしました: {text}</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source> (expansion not given in the source)</source>
        <translation>（原文に正式名称の記載なし）</translation>
    </message>
    <message numerus="yes">
        <source>{publisher}, "{title}"{dated}, paragraph(s) {numbers}.</source>
        <translation><numerusform>{publisher}「{title}」{dated}、第{numbers}段落。</numerusform></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>略語</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>別名</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>測定対象</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分野</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>関連</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Paragraph {number}</source>
        <translation>第{number}段落</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message numerus="yes">
        <source>, and %n more</source>
        <translation><numerusform>、ほか %n 件</numerusform></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>レコード:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Open Log Folder</source>
        <translation>ログフォルダーを開く</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <source>AJ Explorer ran into an unexpected problem. It will try to carry on.</source>
        <translation>AJ Explorer で予期しない問題が発生しました。このまま動作を続けます。</translation>
    </message>
    <message>
        <source>{kind}: {error}

The details were written to {log_path}.</source>
        <translation>{kind}: {error}

詳細は {log_path} に記録しました。</translation>
    </message>
    <message>
        <source>AJ Explorer closed unexpectedly last time</source>
        <translation>前回、AJ Explorer が予期せず終了しました</translation>
    </message>
    <message>
        <source>The last session ended with a crash. A report was saved; you can read it below.</source>
        <translation>前回の起動はクラッシュで終了しました。保存されたレポートを以下に表示します。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the disk is full</source>
        <translation>ディスクの空き容量がありません</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>ディスクの割り当て容量を使い切りました</translation>
    </message>
    <message>
        <source>permission denied: the folder cannot be written to</source>
        <translation>アクセスが拒否されました。このフォルダーには書き込めません</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>ディスクは読み取り専用です</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>フォルダーが存在しません</translation>
    </message>
    <message>
        <source>part of the folder's path is not a folder</source>
        <translation>フォルダーのパスの一部がフォルダーではありません</translation>
    </message>
    <message>
        <source>a folder of that name is in the way</source>
        <translation>同じ名前のフォルダーがあります</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>ファイル名が長すぎます</translation>
    </message>
    <message>
        <source>Records in View as {}…</source>
        <translation>表示中のレコードを {} で…</translation>
    </message>
    <message>
        <source>Save the records the search and filters leave as {}</source>
        <translation>検索と絞り込みで残ったレコードを {} で保存します</translation>
    </message>
    <message>
        <source>Events in View as {}…</source>
        <translation>表示中の行事を {} で…</translation>
    </message>
    <message>
        <source>Save the dated events the search and filters leave as {}</source>
        <translation>検索と絞り込みで残った日付のある行事を {} で保存します</translation>
    </message>
    <message>
        <source>Briefing on Selection as {}…</source>
        <translation>選択項目のブリーフィングを {} で…</translation>
    </message>
    <message>
        <source>Save a cited briefing on the selected record as {}</source>
        <translation>選択したレコードについて出典付きのブリーフィングを {} で保存します</translation>
    </message>
    <message>
        <source>&amp;Timeline as {timeline_titles}…</source>
        <translation>タイムラインを {timeline_titles} で(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the part of the timeline now shown as an image</source>
        <translation>現在表示しているタイムラインを画像として保存します</translation>
    </message>
    <message>
        <source>&amp;Whole Timeline as {timeline_titles}…</source>
        <translation>タイムライン全体を {timeline_titles} で(&amp;W)…</translation>
    </message>
    <message>
        <source>Save the timeline from the first event to today as an image</source>
        <translation>最初の行事から今日までのタイムラインを画像として保存します</translation>
    </message>
    <message>
        <source>&amp;Collection as Briefing or References…</source>
        <translation>コレクションをブリーフィングまたは文献リストとして(&amp;C)…</translation>
    </message>
    <message>
        <source>Save a collection from the Notebook as a briefing on its records, or as BibTeX, RIS or CSL-JSON</source>
        <translation>ノートのコレクションを、レコードのブリーフィングまたは BibTeX・RIS・CSL-JSON として保存します</translation>
    </message>
    <message>
        <source>Include My &amp;Notes in Briefings</source>
        <translation>ブリーフィングに自分のメモを含める(&amp;N)</translation>
    </message>
    <message>
        <source>Briefings show your notes on the record and its paragraphs, in a section apart from the source</source>
        <translation>ブリーフィングに、レコードと段落についてのメモを原文とは別の節として載せます</translation>
    </message>
    <message>
        <source>&amp;Print Details…</source>
        <translation>詳細を印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the details of the selected record</source>
        <translation>選択したレコードの詳細を印刷します</translation>
    </message>
    <message>
        <source>Print &amp;Timeline…</source>
        <translation>タイムラインを印刷(&amp;T)…</translation>
    </message>
    <message>
        <source>Print the timeline as it is shown</source>
        <translation>表示どおりにタイムラインを印刷します</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Nothing Selected</source>
        <translation>選択されていません</translation>
    </message>
    <message>
        <source>Select a record first.</source>
        <translation>先にレコードを選択してください。</translation>
    </message>
    <message>
        <source>The collection “{name}” has no record in this dataset: nothing to export.</source>
        <translation>コレクション「{name}」には、このデータセットのレコードがありません。エクスポートする内容はありません。</translation>
    </message>
    <message>
        <source>Could not save {name} in {parent}: {reason}.</source>
        <translation>{parent} に {name} を保存できませんでした: {reason}。</translation>
    </message>
    <message>
        <source>Could not save {name} in {parent}: {error}.</source>
        <translation>{parent} に {name} を保存できませんでした: {error}。</translation>
    </message>
    <message>
        <source>Saved {describe} to {path}</source>
        <translation>{describe} を {path} に保存しました</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>行事</translation>
    </message>
    <message>
        <source>Export {noun} as {plain}</source>
        <translation>{noun}を {plain} でエクスポート</translation>
    </message>
    <message>
        <source>No collections yet: make one in the Notebook pane.</source>
        <translation>コレクションはまだありません。ノート欄で作成してください。</translation>
    </message>
    <message>
        <source>Export Collection</source>
        <translation>コレクションのエクスポート</translation>
    </message>
    <message>
        <source>Collection:</source>
        <translation>コレクション:</translation>
    </message>
    <message>
        <source>Export Collection {name}</source>
        <translation>コレクション「{name}」のエクスポート</translation>
    </message>
    <message>
        <source>Export Whole Timeline</source>
        <translation>タイムライン全体のエクスポート</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>タイムラインのエクスポート</translation>
    </message>
    <message>
        <source>Print Details</source>
        <translation>詳細の印刷</translation>
    </message>
    <message>
        <source>the details of {display_title}</source>
        <translation>「{display_title}」の詳細</translation>
    </message>
    <message>
        <source>Print Timeline</source>
        <translation>タイムラインの印刷</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation><numerusform>レコード %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>行事 %n 件</numerusform></translation>
    </message>
    <message>
        <source>the timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>the whole timeline</source>
        <translation>タイムライン全体</translation>
    </message>
    <message numerus="yes">
        <source>the briefing on the collection {name} (%n record(s))</source>
        <translation><numerusform>コレクション「{name}」のブリーフィング（レコード %n 件）</numerusform></translation>
    </message>
    <message>
        <source>the briefing on {subject}</source>
        <translation>「{subject}」のブリーフィング</translation>
    </message>
    <message>
        <source>Could not print {what}: {error}.</source>
        <translation>{what}を印刷できませんでした: {error}。</translation>
    </message>
    <message>
        <source>Printing Failed</source>
        <translation>印刷に失敗しました</translation>
    </message>
    <message>
        <source>Saved {what} to {outputFileName}</source>
        <translation>{what}を {outputFileName} に保存しました</translation>
    </message>
    <message>
        <source>Sent {what} to the printer</source>
        <translation>{what}をプリンターに送信しました</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>The source's figures as bar charts, each value with its source paragraph. Up and Down move between bars.</source>
        <translation>原文の数値を棒グラフで示します。各値には出典の段落を付しています。上下キーで棒を移動します。</translation>
    </message>
    <message>
        <source>No figures to show</source>
        <translation>表示する数値はありません</translation>
    </message>
    <message>
        <source>{label}: {value_text}, source {citation}. In the card: {card_text}</source>
        <translation>{label}: {value_text}、出典 {citation}。カードの内容: {card_text}</translation>
    </message>
    <message>
        <source>A target, not an outcome</source>
        <translation>実績ではなく目標値です</translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>出典: {citation}</translation>
    </message>
    <message>
        <source>Figure charts</source>
        <translation>数値のグラフ</translation>
    </message>
    <message>
        <source>Show as &amp;table</source>
        <translation>表で表示(&amp;T)</translation>
    </message>
    <message>
        <source>Show as table</source>
        <translation>表で表示</translation>
    </message>
    <message>
        <source>Show every figure as a row of a table: value, qualifier, unit, source</source>
        <translation>すべての数値を表の行として表示します（値、注記、単位、出典）</translation>
    </message>
    <message>
        <source>Unit: {unit}</source>
        <translation>単位: {unit}</translation>
    </message>
    <message>
        <source>No unit</source>
        <translation>単位なし</translation>
    </message>
    <message numerus="yes">
        <source>Sum of %n of the figures shown (targets left out: {targets}): {total}</source>
        <translation><numerusform>表示中の数値のうち %n 件の合計（目標値は除外: {targets}）: {total}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sum of the %n figures shown: {total}</source>
        <translation><numerusform>表示中の %n 件の数値の合計: {total}</numerusform></translation>
    </message>
    <message>
        <source>approximately</source>
        <translation>約</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>超</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>target, more than</source>
        <translation>目標（超）</translation>
    </message>
    <message>
        <source>preliminary</source>
        <translation>速報値</translation>
    </message>
    <message>
        <source>to date</source>
        <translation>累計</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>報告値</translation>
    </message>
    <message numerus="yes">
        <source>Sum of %n figure(s)</source>
        <translation><numerusform>%n 件の数値の合計</numerusform></translation>
    </message>
    <message>
        <source>no paragraph given</source>
        <translation>段落の記載なし</translation>
    </message>
    <message numerus="yes">
        <source>paragraph(s) {numbers}</source>
        <translation><numerusform>第{numbers}段落</numerusform></translation>
    </message>
    <message>
        <source>approximately {value}</source>
        <translation>約 {value}</translation>
    </message>
    <message>
        <source>more than {value}</source>
        <translation>{value} 超</translation>
    </message>
    <message>
        <source>target: {value}</source>
        <translation>目標: {value}</translation>
    </message>
    <message>
        <source>target: more than {value}</source>
        <translation>目標: {value} 超</translation>
    </message>
    <message>
        <source>{value} (preliminary)</source>
        <translation>{value}（速報値）</translation>
    </message>
    <message>
        <source>{value} (to date)</source>
        <translation>{value}（累計）</translation>
    </message>
    <message>
        <source>{value} (reported)</source>
        <translation>{value}（報告値）</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <source>Figures table</source>
        <translation>数値の表</translation>
    </message>
    <message>
        <source>Every figure with its value, qualifier, unit and source paragraphs</source>
        <translation>すべての数値とその値・注記・単位・出典段落</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>in the source</source>
        <translation>原文にあり</translation>
    </message>
    <message>
        <source>not in the source</source>
        <translation>原文になし</translation>
    </message>
    <message>
        <source>Also written: </source>
        <translation>別表記: </translation>
    </message>
    <message>
        <source>Paragraphs: </source>
        <translation>段落: </translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Filter acronyms</source>
        <translation>略語を絞り込む</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Dot: an event on a known day</source>
        <translation>点: 日付が分かっている行事</translation>
    </message>
    <message>
        <source>Band: known to the month or year</source>
        <translation>帯: 月または年まで分かっている行事</translation>
    </message>
    <message>
        <source>Bar: a plan or programme</source>
        <translation>棒: 計画またはプログラム</translation>
    </message>
    <message>
        <source>Badge: events too close to tell apart</source>
        <translation>バッジ: 近すぎて区別できない行事</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dot&lt;/b&gt;: an event the source dates to the day. &lt;b&gt;Hollow square on a band&lt;/b&gt;: an event the source dates only to a month or a year; the band covers that month or year. &lt;b&gt;Bar&lt;/b&gt;: a plan, work plan or programme spanning years (an open end runs to today). &lt;b&gt;Badge with a number&lt;/b&gt;: that many events too close to tell apart at this zoom; click it to zoom to exactly them. A ring marks the selected item; items linked to it are outlined, and what a search or filter leaves out is dimmed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;点&lt;/b&gt;: 原文で日付まで分かる行事です。&lt;b&gt;帯の上の白抜きの四角&lt;/b&gt;: 原文で月または年までしか分からない行事です。帯はその月または年の範囲を示します。&lt;b&gt;棒&lt;/b&gt;: 複数年にわたる計画・作業計画・プログラムです（終了が未定のものは今日まで伸びます）。&lt;b&gt;数字付きのバッジ&lt;/b&gt;: この拡大率では区別できないほど近い行事の件数です。クリックすると、それらの行事がちょうど収まるように拡大します。選択中の項目は輪で示し、関連する項目は輪郭で示します。検索や絞り込みで除かれた項目は薄く表示します。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A summit</source>
        <translation>首脳会議</translation>
    </message>
    <message>
        <source>A meeting</source>
        <translation>会合</translation>
    </message>
    <message>
        <source>Known only as 2005</source>
        <translation>2005年とだけ分かっている行事</translation>
    </message>
    <message>
        <source>A work plan</source>
        <translation>作業計画</translation>
    </message>
    <message>
        <source>An event</source>
        <translation>行事</translation>
    </message>
    <message>
        <source>Timeline legend</source>
        <translation>タイムラインの凡例</translation>
    </message>
    <message>
        <source>records whose title, acronym, text or source paragraphs contain a word starting with it</source>
        <translation>名称・略語・本文・出典段落に、これで始まる語を含むレコード</translation>
    </message>
    <message>
        <source>every word must match; case, accents and punctuation do not matter (= ADMM-Plus)</source>
        <translation>すべての語が一致する必要があります。大文字・小文字、アクセント記号、句読点は区別しません（= ADMM-Plus）</translation>
    </message>
    <message>
        <source>a quoted phrase matches as a phrase</source>
        <translation>引用符で囲んだ語句は、その語句として一致します</translation>
    </message>
    <message>
        <source>one typo is forgiven in words of five letters or more</source>
        <translation>5文字以上の語では、1文字の誤りを許容します</translation>
    </message>
    <message>
        <source>only events (also kind:mechanism, kind:document, kind:programme, kind:figure)</source>
        <translation>行事のみ（kind:mechanism、kind:document、kind:programme、kind:figure も使えます）</translation>
    </message>
    <message>
        <source>only records of a pillar (a section of the source)</source>
        <translation>特定の柱（原文の章）のレコードのみ</translation>
    </message>
    <message>
        <source>records dated in 2013</source>
        <translation>2013年のレコード</translation>
    </message>
    <message>
        <source>records dated from 2010 to 2015</source>
        <translation>2010年から2015年までのレコード</translation>
    </message>
    <message>
        <source>records that took place in Tokyo</source>
        <translation>東京（Tokyo）で行われたレコード</translation>
    </message>
    <message>
        <source>fields and words together: all must match</source>
        <translation>フィールドと語の組み合わせ: すべてが一致する必要があります</translation>
    </message>
    <message>
        <source>the records you starred in your notebook (also is:noted)</source>
        <translation>ノートで星印を付けたレコード（is:noted も使えます）</translation>
    </message>
    <message>
        <source>only your notes</source>
        <translation>自分のメモのみ</translation>
    </message>
    <message>
        <source>the records of one of your collections</source>
        <translation>自分のコレクションの一つに含まれるレコード</translation>
    </message>
    <message>
        <source>Next or previous control; a page of text is one stop</source>
        <translation>次または前の操作部品へ移動します。文章の領域は一度で通過します</translation>
    </message>
    <message>
        <source>Select the next link in the details or the source</source>
        <translation>詳細または原文の次のリンクを選択します</translation>
    </message>
    <message>
        <source>Select the previous link in the details or the source</source>
        <translation>詳細または原文の前のリンクを選択します</translation>
    </message>
    <message>
        <source>Follow the selected link, or open the highlighted result</source>
        <translation>選択したリンクをたどるか、強調表示された結果を開きます</translation>
    </message>
    <message>
        <source>In a pane</source>
        <translation>領域内</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>検索の書式</translation>
    </message>
    <message>
        <source>Type in the search field (Ctrl+K or Ctrl+F); results come as you type, exact titles and acronyms first. Up and Down move through the results, Enter opens one.</source>
        <translation>検索欄（Ctrl+K または Ctrl+F）に入力すると、入力に合わせて結果が表示されます。名称や略語が完全に一致するものが先頭に並びます。上下キーで結果を移動し、Enter キーで開きます。検索対象のデータは英語です。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>No history yet</source>
        <translation>履歴はまだありません</translation>
    </message>
    <message>
        <source>search “{query}”</source>
        <translation>検索「{query}」</translation>
    </message>
    <message>
        <source>place {place}</source>
        <translation>場所 {place}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing later to go forward to</source>
        <translation>進む先はありません</translation>
    </message>
    <message>
        <source>Nothing earlier to go back to</source>
        <translation>戻る先はありません</translation>
    </message>
    <message>
        <source>Forward to {place}</source>
        <translation>{place} へ進む</translation>
    </message>
    <message>
        <source>Back to {place}</source>
        <translation>{place} へ戻る</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Event</source>
        <translation>行事</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>メカニズム</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>行事</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>メカニズム</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>行事 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mechanism(s)</source>
        <translation><numerusform>メカニズム %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation><numerusform>文書 %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n programme(s)</source>
        <translation><numerusform>プログラム %n 件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation><numerusform>数値 %n 件</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mechanisms</source>
        <translation>メカニズム</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit the application</source>
        <translation>アプリケーションを終了します</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Go back to the previous record</source>
        <translation>前のレコードに戻ります</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>進む(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>次のレコードに進みます</translation>
    </message>
    <message>
        <source>&amp;Fit Timeline</source>
        <translation>タイムライン全体を表示(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole time span</source>
        <translation>期間全体を表示します</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom the timeline in</source>
        <translation>タイムラインを拡大します</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom the timeline out</source>
        <translation>タイムラインを縮小します</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>選択項目に合わせて拡大(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom the timeline to the selection</source>
        <translation>選択項目に合わせてタイムラインを拡大します</translation>
    </message>
    <message>
        <source>Next Part</source>
        <translation>次の領域</translation>
    </message>
    <message>
        <source>Move the keyboard to the next pane, bringing it forward</source>
        <translation>キーボード操作を次の領域へ移し、その領域を前面に表示します</translation>
    </message>
    <message>
        <source>Previous Part</source>
        <translation>前の領域</translation>
    </message>
    <message>
        <source>Move the keyboard to the previous pane, bringing it forward</source>
        <translation>キーボード操作を前の領域へ移し、その領域を前面に表示します</translation>
    </message>
    <message>
        <source>Copy &amp;Citation</source>
        <translation>引用をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy a citation of the selected record: source, paragraphs, link</source>
        <translation>選択したレコードの引用（出典、段落、リンク）をコピーします</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>{app} について(&amp;A)</translation>
    </message>
    <message>
        <source>Timeline &amp;Legend</source>
        <translation>タイムラインの凡例(&amp;L)</translation>
    </message>
    <message>
        <source>What the timeline's marks mean</source>
        <translation>タイムラインの記号の意味を表示します</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Every command that has keys</source>
        <translation>キー操作のあるすべてのコマンドを表示します</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>検索の書式(&amp;S)</translation>
    </message>
    <message>
        <source>How to search, with examples</source>
        <translation>検索の方法を例とともに説明します</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the records</source>
        <translation>レコードを検索します</translation>
    </message>
    <message>
        <source>&amp;Undo Filter Change</source>
        <translation>絞り込みの変更を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Put back the filters a drag across the timeline's axis replaced</source>
        <translation>年表の目盛りをドラッグして置き換えた絞り込み条件を元に戻します</translation>
    </message>
    <message>
        <source>Clear &amp;Filters</source>
        <translation>絞り込みを解除(&amp;F)</translation>
    </message>
    <message>
        <source>Remove every filter</source>
        <translation>すべての絞り込み条件を解除します</translation>
    </message>
    <message>
        <source>&amp;Chronology List</source>
        <translation>年表一覧(&amp;C)</translation>
    </message>
    <message>
        <source>The timeline's items as a list in time order</source>
        <translation>タイムラインの項目を時系列の一覧で表示します</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>進む</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>the source text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Preparing the figures…</source>
        <translation>数値を準備しています…</translation>
    </message>
    <message>
        <source>the figures</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Preparing the chronology…</source>
        <translation>年表を準備しています…</translation>
    </message>
    <message>
        <source>the chronology</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>the search index</source>
        <translation>検索索引</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>検索を準備しています…</translation>
    </message>
    <message>
        <source>Years filter set to {years}. {keys} puts back the filters before.</source>
        <translation>年の絞り込みを {years} にしました。{keys} で前の絞り込み条件に戻せます。</translation>
    </message>
    <message>
        <source>Filters put back as they were.</source>
        <translation>絞り込み条件を元に戻しました。</translation>
    </message>
    <message>
        <source>Showing {start} to {end}</source>
        <translation>{start}年から{end}年までを表示</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>表示する項目はありません</translation>
    </message>
    <message>
        <source>{about}. {shown}. Selected: {selected}</source>
        <translation>{about}。{shown}。選択中: {selected}</translation>
    </message>
    <message>
        <source>Cannot open the link. {error}</source>
        <translation>リンクを開けません。{error}</translation>
    </message>
    <message>
        <source>paragraph {number}</source>
        <translation>第{number}段落</translation>
    </message>
    <message>
        <source>Link to {where}: Enter follows it</source>
        <translation>{where}へのリンクです。Enterキーで移動します</translation>
    </message>
    <message>
        <source>Its latest facts date from {date}.</source>
        <translation>最新の情報は {date} 時点のものです。</translation>
    </message>
    <message>
        <source>{title} (version {version}).</source>
        <translation>{title}（バージョン {version}）。</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>An offline explorer of ASEAN-Japan dialogue relations. Every record cites the paragraphs of the source it is drawn from.</source>
        <translation>ASEAN・日本の対話関係をオフラインで閲覧するためのツールです。各レコードには、その根拠となる原文の段落が示されています。</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>データ:</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <source>Timeline Legend</source>
        <translation>タイムラインの凡例</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>検索の書式</translation>
    </message>
</context>
<context>
    <name>Mechanisms</name>
    <message>
        <source>Mechanisms</source>
        <translation>メカニズム</translation>
    </message>
    <message>
        <source>Filter mechanisms</source>
        <translation>メカニズムを絞り込む</translation>
    </message>
    <message>
        <source>Other bodies</source>
        <translation>その他の機関</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Your note (saved as you type; **bold**, *italic*, - lists)</source>
        <translation>メモ（入力と同時に保存されます。**太字**、*斜体*、- 箇条書き）</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>星印</translation>
    </message>
    <message>
        <source>Star this (Ctrl+D)</source>
        <translation>星印を付けます（Ctrl+D）</translation>
    </message>
    <message>
        <source>Note on</source>
        <translation>メモの対象</translation>
    </message>
    <message>
        <source>Write about the record, or about one of the paragraphs it cites</source>
        <translation>レコード、またはレコードが引用する段落についてメモを書きます</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>コレクション</translation>
    </message>
    <message>
        <source>Your note, as shown</source>
        <translation>メモの表示</translation>
    </message>
    <message>
        <source>Your note on</source>
        <translation>メモの対象:</translation>
    </message>
    <message>
        <source>this {kind}</source>
        <translation>この{kind}</translation>
    </message>
    <message>
        <source>¶ {number} of the source</source>
        <translation>原文の第{number}段落</translation>
    </message>
    <message>
        <source>Not saved: kept in memory</source>
        <translation>未保存: メモリ上に保持しています</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>新しいコレクション…</translation>
    </message>
</context>
<context>
    <name>Notebook</name>
    <message>
        <source>Notebook Not Saved</source>
        <translation>ノートが保存されていません</translation>
    </message>
    <message>
        <source>Export Notebook…</source>
        <translation>ノートをエクスポート…</translation>
    </message>
    <message>
        <source>Close Without Saving</source>
        <translation>保存せずに閉じる</translation>
    </message>
    <message>
        <source>Export Notebook as &amp;JSON…</source>
        <translation>ノートを JSON でエクスポート(&amp;J)…</translation>
    </message>
    <message>
        <source>Export Notebook as Mar&amp;kdown…</source>
        <translation>ノートを Markdown でエクスポート(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Import Notebook…</source>
        <translation>ノートをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Your notebook cannot be saved: {problem}. What you write is kept while the app runs and is saved as soon as it can be; File &gt; Export Notebook keeps a copy now.</source>
        <translation>ノートを保存できません: {problem}。入力した内容はアプリの実行中は保持され、保存できるようになり次第保存されます。今すぐ控えを残すには「ファイル」&gt;「ノートをエクスポート」を使ってください。</translation>
    </message>
    <message>
        <source>Your notebook is saved again.</source>
        <translation>ノートを再び保存できるようになりました。</translation>
    </message>
    <message>
        <source>Some of your notebook could not be saved ({problem}). Export it to a file now to keep it?</source>
        <translation>ノートの一部を保存できませんでした（{problem}）。失わないように、今ファイルへエクスポートしますか？</translation>
    </message>
    <message>
        <source>Export Notebook</source>
        <translation>ノートのエクスポート</translation>
    </message>
    <message>
        <source>{path} could not be written ({error}). Export it elsewhere?</source>
        <translation>{path} に書き込めませんでした（{error}）。別の場所にエクスポートしますか？</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>新しいコレクション</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>コレクションの名前:</translation>
    </message>
    <message>
        <source>The collection was not made: {error}.</source>
        <translation>コレクションを作成できませんでした: {error}。</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>検索の保存</translation>
    </message>
    <message>
        <source>There is no search to save: type one first.</source>
        <translation>保存する検索がありません。先に検索語を入力してください。</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>検索の名前:</translation>
    </message>
    <message>
        <source>The search was not saved: {error}.</source>
        <translation>検索を保存できませんでした: {error}。</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>コレクション</translation>
    </message>
    <message>
        <source>Saved Search</source>
        <translation>保存した検索</translation>
    </message>
    <message>
        <source>Rename {what}</source>
        <translation>{what}の名前の変更</translation>
    </message>
    <message>
        <source>New name for “{key}”:</source>
        <translation>「{key}」の新しい名前:</translation>
    </message>
    <message>
        <source>It was not renamed: {error}.</source>
        <translation>名前を変更できませんでした: {error}。</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}.</source>
        <translation>{path} に書き込めませんでした: {error}。</translation>
    </message>
    <message>
        <source>Saved your notebook to {path}</source>
        <translation>ノートを {path} に保存しました</translation>
    </message>
    <message>
        <source>Import Notebook</source>
        <translation>ノートのインポート</translation>
    </message>
    <message>
        <source>{path} was not imported: {error}.</source>
        <translation>{path} をインポートできませんでした: {error}。</translation>
    </message>
    <message>
        <source>Imported {count} notes from {path}</source>
        <translation>{path} から {count} 件のメモをインポートしました</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>読み込めませんでした</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>Your notebook file could not be read ({reason}). It was moved aside, not deleted, to
{old}
and a new, empty notebook was started. You can save a copy of the old file to keep or send.</source>
        <translation>ノートのファイルを読み込めませんでした（{reason}）。ファイルは削除せず、次の場所に移しました。
{old}
新しい空のノートで開始しました。古いファイルの控えを保存して、保管や送付に使うことができます。</translation>
    </message>
    <message>
        <source>Save a Copy…</source>
        <translation>控えを保存…</translation>
    </message>
    <message>
        <source>Save a Copy of the Old Notebook</source>
        <translation>古いノートの控えの保存</translation>
    </message>
</context>
<context>
    <name>NotebookPanel</name>
    <message>
        <source>Starred</source>
        <translation>星印付き</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>コレクション</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation><numerusform>%n 件</numerusform></translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>保存した検索</translation>
    </message>
    <message>
        <source>Not in the open data</source>
        <translation>開いているデータにないもの</translation>
    </message>
    <message>
        <source>Kept: notes on records or paragraphs this dataset does not have</source>
        <translation>このデータセットにないレコードや段落へのメモも保持しています</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>新しいコレクション…</translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation>検索を保存…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前の変更…</translation>
    </message>
    <message>
        <source>Rename the chosen collection or saved search</source>
        <translation>選択したコレクションまたは保存した検索の名前を変更します</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the chosen collection, saved search, item, star or note</source>
        <translation>選択したコレクション・保存した検索・項目・星印・メモを削除します</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <source>Part of</source>
        <translation>上位</translation>
    </message>
    <message>
        <source>Held under</source>
        <translation>開催の枠組み</translation>
    </message>
    <message>
        <source>Contains</source>
        <translation>下位</translation>
    </message>
    <message>
        <source>Events held under it</source>
        <translation>この枠組みで開催された行事</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Adopted, signed or endorsed at</source>
        <translation>採択・署名・承認された場</translation>
    </message>
    <message>
        <source>Succeeds</source>
        <translation>前身</translation>
    </message>
    <message>
        <source>Succeeded by</source>
        <translation>後継</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>関連</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search: words, acronyms, kind:event, year:2013, place:tokyo  (Ctrl+K)</source>
        <translation>検索: 語、略語、kind:event、year:2013、place:tokyo（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>種類の絞り込み</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Section filter</source>
        <translation>分野の絞り込み</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>すべての分野</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>開始年</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>終了年</translation>
    </message>
    <message>
        <source>What does not match</source>
        <translation>一致しない項目</translation>
    </message>
    <message>
        <source>Dim or hide what the search and filters leave out</source>
        <translation>検索と絞り込みに一致しない項目を薄く表示するか、非表示にします</translation>
    </message>
    <message>
        <source>Dim others</source>
        <translation>他を薄く表示</translation>
    </message>
    <message>
        <source>Hide others</source>
        <translation>他を非表示</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>絞り込みを解除</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>Filters on</source>
        <translation>絞り込み中</translation>
    </message>
    <message>
        <source>Closest terms: {terms}.</source>
        <translation>近い語: {terms}。</translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>該当する結果はありません。</translation>
    </message>
    <message>
        <source> (showing the first {shown})</source>
        <translation>（先頭の {shown} 件を表示）</translation>
    </message>
    <message>
        <source>Close matches for: {pairs}.</source>
        <translation>近い語で検索しました: {pairs}。</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s){more}.</source>
        <translation><numerusform>%n 件の結果{more}。</numerusform></translation>
    </message>
    <message>
        <source>Cannot search: {error}.</source>
        <translation>検索できません: {error}。</translation>
    </message>
    <message>
        <source>[your note]</source>
        <translation>[自分のメモ]</translation>
    </message>
    <message>
        <source>close match</source>
        <translation>近い語</translation>
    </message>
    <message>
        <source>'is:{value}' is not known (use is:starred)</source>
        <translation>「is:{value}」は使えません（is:starred を使ってください）</translation>
    </message>
    <message>
        <source>'in:{value}' is not known (use in:notes)</source>
        <translation>「in:{value}」は使えません（in:notes を使ってください）</translation>
    </message>
    <message>
        <source>'collection:' needs a collection's name</source>
        <translation>「collection:」にはコレクションの名前が必要です</translation>
    </message>
    <message>
        <source>there is no collection named '{name}' (yours: {names})</source>
        <translation>「{name}」という名前のコレクションはありません（あるのは: {names}）</translation>
    </message>
    <message>
        <source>type at least two letters</source>
        <translation>2文字以上入力してください</translation>
    </message>
    <message>
        <source>'{name}:' needs a value</source>
        <translation>「{name}:」には値が必要です</translation>
    </message>
    <message>
        <source>unknown kind '{value}' (use {kinds})</source>
        <translation>種類「{value}」は使えません（{kinds} のいずれかを使ってください）</translation>
    </message>
    <message>
        <source>unknown section '{value}' (use {sections})</source>
        <translation>分野「{value}」は使えません（{sections} のいずれかを使ってください）</translation>
    </message>
    <message>
        <source>'year:{value}' should be a year (2013) or a range (2010..2015)</source>
        <translation>「year:{value}」には年（2013）または範囲（2010..2015）を指定してください</translation>
    </message>
    <message>
        <source>'year:{value}' ends before it starts</source>
        <translation>「year:{value}」は終わりが始まりより前になっています</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>{kind}: {title}</source>
        <translation>{kind}: {title}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{counts} — from {source}</source>
        <translation>{counts} — 出典: {source}</translation>
    </message>
    <message>
        <source>There is no record with the id '{id}'.</source>
        <translation>ID「{id}」のレコードはありません。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>Use the desktop's colours</source>
        <translation>デスクトップの配色を使用します</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>明るい背景に暗い文字で表示します</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds</source>
        <translation>暗い背景に明るい文字で表示します</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>システムの設定に従う(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Events and plans over time, one lane per section of the source</source>
        <translation>行事と計画を時間軸上に示します。原文の章ごとに1本のレーンです</translation>
    </message>
    <message>
        <source>{first}–{last}</source>
        <translation>{first}～{last}年</translation>
    </message>
    <message>
        <source>
… and {count} more</source>
        <translation>
…ほか {count} 件</translation>
    </message>
    <message>
        <source>{count} events — click to open them up
{names}{more}</source>
        <translation>行事 {count} 件 — クリックで展開します
{names}{more}</translation>
    </message>
    <message>
        <source>{count} plans and programmes overlap here — click to zoom in</source>
        <translation>計画・プログラム {count} 件が重なっています — クリックで拡大します</translation>
    </message>
    <message numerus="yes">
        <source>%n plans and programmes</source>
        <translation><numerusform>計画・プログラム %n 件</numerusform></translation>
    </message>
</context>
</TS>
