<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
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
        <source>Previous Part</source>
        <translation>前の領域</translation>
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
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムの設定に従う</translation>
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
</TS>
