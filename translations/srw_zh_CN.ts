<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>srw::ui::BrowsePanel</name>
    <message>
        <source>Search by item, title or session…</source>
        <translation>按商品、标题或会话搜索…</translation>
    </message>
    <message>
        <source>Search by session or user…</source>
        <translation>按会话或用户搜索…</translation>
    </message>
    <message>
        <source>Search by id, title, category or description…</source>
        <translation>按编号、标题、类别或描述搜索…</translation>
    </message>
    <message>
        <source>Shows only rows containing this text (case-insensitive)</source>
        <translation>只显示包含此文字的行（不区分大小写）</translation>
    </message>
    <message>
        <source>Rows matching the search; more are read as you scroll</source>
        <translation>与搜索匹配的行数；滚动时读取更多</translation>
    </message>
    <message>
        <source>Click a heading to sort by it</source>
        <translation>点击列标题按该列排序</translation>
    </message>
    <message>
        <source>No dataset selected</source>
        <translation>未选择数据集</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>%1 rows, %2 loaded%3</source>
        <translation>共 %1 行，已加载 %2 行%3</translation>
    </message>
    <message>
        <source>, reading…</source>
        <translation>，正在读取…</translation>
    </message>
</context>
<context>
    <name>srw::ui::BrowseTableModel</name>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>过短</translation>
    </message>
</context>
<context>
    <name>srw::ui::ComparisonView</name>
    <message>
        <source>%1 better</source>
        <translation>%1 更好</translation>
    </message>
    <message>
        <source>%1 higher</source>
        <translation>%1 更高</translation>
    </message>
    <message>
        <source>no significant difference</source>
        <translation>无显著差异</translation>
    </message>
    <message>
        <source>Session length</source>
        <translation>会话长度</translation>
    </message>
    <message>
        <source>Target popularity</source>
        <translation>目标商品流行度</translation>
    </message>
    <message>
        <source>Save Chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Paired Tests</source>
        <translation>配对检验</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>Each run's metrics at the cut-off; ★ marks the best of a column</source>
        <translation>各运行在截断位置的指标；★ 标记每列的最佳值</translation>
    </message>
    <message>
        <source>The first selected run against each other one, session by session: difference, bootstrap interval, p-value, verdict</source>
        <translation>第一个选中的运行逐会话对比其他每个运行：差值、自助法区间、p 值、结论</translation>
    </message>
    <message>
        <source>Metrics by session length and by the target's popularity</source>
        <translation>按会话长度和目标商品流行度划分的指标</translation>
    </message>
    <message>
        <source>Which curves to draw</source>
        <translation>要绘制的曲线</translation>
    </message>
    <message>
        <source>Saves the chart as PNG or SVG</source>
        <translation>将图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Select runs above to compare them.</source>
        <translation>在上方选择运行以进行比较。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Best of the selected runs</source>
        <translation>所选运行中的最佳值</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>对比运行</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>First</source>
        <translation>第一个</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>第二个</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>95% Interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>not compared: %1</source>
        <translation>未比较：%1</translation>
    </message>
    <message>
        <source>Select two or more runs for paired tests.</source>
        <translation>选择两个或更多运行以进行配对检验。</translation>
    </message>
    <message>
        <source>%1 against each other selected run, session by session: difference, bootstrap interval, p-value, verdict</source>
        <translation>%1 逐会话对比其他每个选中的运行：差值、自助法区间、p 值、结论</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>%1
HitRate / MRR @%2 (n)</source>
        <translation>%1
HitRate / MRR @%2（数量）</translation>
    </message>
    <message>
        <source>%1 over the cut-off K</source>
        <translation>%1 随截断位置 K 的变化</translation>
    </message>
    <message>
        <source>α sweep: %1</source>
        <translation>α 扫描：%1</translation>
    </message>
    <message>
        <source>Bandit: %1</source>
        <translation>多臂老虎机：%1</translation>
    </message>
    <message>
        <source>α (weight of the collaborative score)</source>
        <translation>α（协同过滤得分的权重）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Saved the chart to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the chart: %1</source>
        <translation>无法保存图表：%1</translation>
    </message>
</context>
<context>
    <name>srw::ui::DatasetListModel</name>
    <message>
        <source>%1
%2 events in %3 sessions, %4 items
Created %5</source>
        <translation>%1
%3 个会话中的 %2 个事件，%4 个商品
创建于 %5</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品数</translation>
    </message>
</context>
<context>
    <name>srw::ui::DatasetPanel</name>
    <message>
        <source>&amp;Rename Dataset…</source>
        <translation>重命名数据集(&amp;R)…</translation>
    </message>
    <message>
        <source>Gives the selected dataset a new name (F2)</source>
        <translation>为所选数据集设置新名称（F2）</translation>
    </message>
    <message>
        <source>&amp;Delete Dataset…</source>
        <translation>删除数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>Deletes the selected dataset with its sessions, splits and runs, after asking</source>
        <translation>确认后删除所选数据集及其会话、划分和运行记录</translation>
    </message>
    <message>
        <source>&amp;Back Up Workspace…</source>
        <translation>备份工作区(&amp;B)…</translation>
    </message>
    <message>
        <source>Copies the whole workspace to a file of your choice</source>
        <translation>将整个工作区复制到您选择的文件</translation>
    </message>
    <message>
        <source>Datasets in this workspace; right-click for more</source>
        <translation>此工作区中的数据集；右键单击查看更多操作</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1：%2%</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation>还没有数据集</translation>
    </message>
    <message>
        <source>Import a session log, or start with the bundled sample data: a small shop with 2,000 products and their texts.</source>
        <translation>导入一个会话日志，或从附带的示例数据开始：一家拥有 2,000 件商品及其文本的小商店。</translation>
    </message>
    <message>
        <source>Load the Sample Data</source>
        <translation>加载示例数据</translation>
    </message>
    <message>
        <source>Imports sample_data/events.csv and items.csv as dataset &apos;sample&apos;</source>
        <translation>将 sample_data/events.csv 和 items.csv 导入为数据集“sample”</translation>
    </message>
    <message>
        <source>Import a File…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Opens the import wizard (Ctrl+O)</source>
        <translation>打开导入向导（Ctrl+O）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · created %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 创建于 %2</translation>
    </message>
    <message>
        <source>Rename Dataset</source>
        <translation>重命名数据集</translation>
    </message>
    <message>
        <source>New name for &apos;%1&apos;:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Deleting &apos;%1&apos;…</source>
        <translation>正在删除“%1”…</translation>
    </message>
    <message>
        <source>Deleted &apos;%1&apos;</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>Delete Dataset</source>
        <translation>删除数据集</translation>
    </message>
    <message>
        <source>Delete the dataset &apos;%1&apos; with all its sessions, splits and runs?
This cannot be undone; a backup of the workspace keeps a copy.</source>
        <translation>删除数据集“%1”及其所有会话、划分和运行记录？
此操作无法撤销；工作区备份会保留一份副本。</translation>
    </message>
    <message>
        <source>Backed up the workspace to %1</source>
        <translation>已将工作区备份到 %1</translation>
    </message>
    <message>
        <source>Sample Data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>No sample data at %1</source>
        <translation>%1 处没有示例数据</translation>
    </message>
    <message>
        <source>Loading the sample data…</source>
        <translation>正在加载示例数据…</translation>
    </message>
    <message>
        <source>Loaded the sample data</source>
        <translation>已加载示例数据</translation>
    </message>
    <message>
        <source>Back Up Workspace</source>
        <translation>备份工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite *.db *.backup)</source>
        <translation>工作区 (*.sqlite *.db *.backup)</translation>
    </message>
</context>
<context>
    <name>srw::ui::FilePage</name>
    <message>
        <source>Choose a File</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A click log (one event per row) or an item catalogue, as CSV, TSV or one of the public benchmark formats.</source>
        <translation>点击日志（每行一个事件）或商品目录，格式可以是 CSV、TSV 或某种公开基准数据集格式。</translation>
    </message>
    <message>
        <source>Path of the file to import</source>
        <translation>要导入的文件路径</translation>
    </message>
    <message>
        <source>The file to import; its format is detected from its name and first line</source>
        <translation>要导入的文件；根据文件名和第一行检测其格式</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the file in a file dialog</source>
        <translation>在文件对话框中选择文件</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>csv: a generic event log; catalog: a generic item catalogue; the others are the public datasets&apos; own layouts</source>
        <translation>csv：通用事件日志；catalog：通用商品目录；其余为各公开数据集自己的格式</translation>
    </message>
    <message>
        <source>The dataset to create, or to add to (a catalogue usually goes into the dataset of its events)</source>
        <translation>要创建或追加的数据集（商品目录通常导入到其事件所在的数据集）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Import a File</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.dat *.inter *.item *.gz);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.dat *.inter *.item *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>此路径下没有文件。</translation>
    </message>
    <message>
        <source>Detected format: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>检测到的格式：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Could not detect the format: %1</source>
        <translation>无法检测格式：%1</translation>
    </message>
</context>
<context>
    <name>srw::ui::ImportWizard</name>
    <message>
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
</context>
<context>
    <name>srw::ui::LogView</name>
    <message>
        <source>Messages of this session, newest last</source>
        <translation>本次会话的消息，最新的在最后</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>The least severe messages to show from now on</source>
        <translation>从现在起显示的最低严重级别</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empties the log view</source>
        <translation>清空日志视图</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>srw::ui::MainWindow</name>
    <message>
        <source>SessionRec Workbench — %1</source>
        <translation>SessionRec 工作台 — %1</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>预处理</translation>
    </message>
    <message>
        <source>Key figures and charts of the dataset</source>
        <translation>数据集的关键指标和图表</translation>
    </message>
    <message>
        <source>Every event, with search and sorting</source>
        <translation>所有事件，可搜索和排序</translation>
    </message>
    <message>
        <source>Sessions with their user, times and status</source>
        <translation>会话及其用户、时间和状态</translation>
    </message>
    <message>
        <source>The item catalogue with its texts</source>
        <translation>商品目录及其文本</translation>
    </message>
    <message>
        <source>Filters, bot filter and split, with a preview</source>
        <translation>过滤、机器人过滤和数据划分，附带预览</translation>
    </message>
    <message>
        <source>The workspace file: %1</source>
        <translation>工作区文件：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Imports a click log or an item catalogue (Ctrl+O)</source>
        <translation>导入点击日志或商品目录（Ctrl+O）</translation>
    </message>
    <message>
        <source>Load &amp;Sample Data</source>
        <translation>加载示例数据(&amp;S)</translation>
    </message>
    <message>
        <source>Imports the bundled sample shop as dataset &apos;sample&apos;</source>
        <translation>将附带的示例商店导入为数据集“sample”</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open or Create a Workspace</source>
        <translation>打开或创建工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite *.db);;All files (*)</source>
        <translation>工作区 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Switches to another workspace file, creating it if it is new</source>
        <translation>切换到另一个工作区文件，如不存在则创建</translation>
    </message>
    <message>
        <source>&amp;Recent Datasets</source>
        <translation>最近的数据集(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Appearance and language</source>
        <translation>外观和语言</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Train (coming)</source>
        <translation>训练（即将推出）</translation>
    </message>
    <message>
        <source>Training arrives with the training panel; not available yet</source>
        <translation>训练功能将随训练面板一同推出；目前尚不可用</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stops the running preparation, deletion or backup (Esc)</source>
        <translation>停止正在进行的预处理、删除或备份（Esc）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SessionRec Workbench</source>
        <translation>关于 SessionRec 工作台(&amp;A)</translation>
    </message>
    <message>
        <source>About SessionRec Workbench</source>
        <translation>关于 SessionRec 工作台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SessionRec Workbench %1&lt;/h3&gt;&lt;p&gt;Session-based recommendation with text: datasets, baselines and a BERT+MLP model.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SessionRec 工作台 %1&lt;/h3&gt;&lt;p&gt;结合文本的基于会话的推荐：数据集、基线方法和 BERT+MLP 模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <source>This workspace has no dataset &apos;%1&apos;</source>
        <translation>此工作区中没有数据集“%1”</translation>
    </message>
    <message>
        <source>Selects the dataset &apos;%1&apos;</source>
        <translation>选择数据集“%1”</translation>
    </message>
    <message>
        <source>Imported into &apos;%1&apos;</source>
        <translation>已导入到“%1”</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stored runs: compare, annotate and export reports</source>
        <translation>已存储的运行：比较、注释并导出报告</translation>
    </message>
</context>
<context>
    <name>srw::ui::MappingModel</name>
    <message>
        <source>Choose the column with the item id.</source>
        <translation>请选择包含商品编号的列。</translation>
    </message>
    <message>
        <source>Choose the column with the event time.</source>
        <translation>请选择包含事件时间的列。</translation>
    </message>
    <message>
        <source>Choose a session column, or a user column to cut sessions at a time gap.</source>
        <translation>请选择会话列，或选择用户列以按时间间隔切分会话。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Events with the same value form one session</source>
        <translation>值相同的事件构成一个会话</translation>
    </message>
    <message>
        <source>Without a session column, each user&apos;s events are cut into sessions at the session gap</source>
        <translation>没有会话列时，每个用户的事件按会话间隔切分为会话</translation>
    </message>
    <message>
        <source>The item&apos;s identifier (required)</source>
        <translation>商品的标识符（必填）</translation>
    </message>
    <message>
        <source>When the event happened (required); read with the time format</source>
        <translation>事件发生的时间（必填）；按时间格式读取</translation>
    </message>
    <message>
        <source>The kind of event, e.g. view, cart, buy (optional)</source>
        <translation>事件的类型，例如浏览、加购、购买（可选）</translation>
    </message>
    <message>
        <source>The item&apos;s title, used by the text encoder</source>
        <translation>商品标题，供文本编码器使用</translation>
    </message>
    <message>
        <source>The item&apos;s description, used by the text encoder</source>
        <translation>商品描述，供文本编码器使用</translation>
    </message>
    <message>
        <source>The item&apos;s category</source>
        <translation>商品类别</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
</context>
<context>
    <name>srw::ui::MappingPage</name>
    <message>
        <source>Skip bad rows</source>
        <translation>跳过错误行</translation>
    </message>
    <message>
        <source>Map the Columns</source>
        <translation>映射列</translation>
    </message>
    <message>
        <source>Roles were matched by the header&apos;s names; choose another column where needed.</source>
        <translation>已根据表头名称匹配角色；如有需要请选择其他列。</translation>
    </message>
    <message>
        <source>Which column of the file plays which role</source>
        <translation>文件中的哪一列承担哪个角色</translation>
    </message>
    <message>
        <source>auto, s (epoch seconds), ms (epoch milliseconds), iso (ISO 8601), or a pattern of yyyy MM dd HH mm ss SSS; times without a zone are UTC</source>
        <translation>auto（自动）、s（纪元秒）、ms（纪元毫秒）、iso（ISO 8601），或由 yyyy MM dd HH mm ss SSS 组成的模式；没有时区的时间按 UTC 处理</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Without a session column, a pause longer than this starts a new session of the user</source>
        <translation>没有会话列时，超过此时长的停顿会开始该用户的新会话</translation>
    </message>
    <message>
        <source>Skips (and counts) rows that cannot be read instead of stopping at the first</source>
        <translation>跳过（并统计）无法读取的行，而不是在第一个错误处停止</translation>
    </message>
    <message>
        <source>Time format:</source>
        <translation>时间格式：</translation>
    </message>
    <message>
        <source>Session gap:</source>
        <translation>会话间隔：</translation>
    </message>
    <message>
        <source>“%1” reads as %2</source>
        <translation>“%1”读取为 %2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d9534f&apos;&gt;“%1” does not match this format&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d9534f&apos;&gt;“%1”与此格式不匹配&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>srw::ui::PreparationPanel</name>
    <message>
        <source>Apply Preparation and Split</source>
        <translation>应用预处理和划分</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>In the dataset</source>
        <translation>数据集中</translation>
    </message>
    <message>
        <source>Bot sessions</source>
        <translation>机器人会话</translation>
    </message>
    <message>
        <source>Duplicate events collapsed</source>
        <translation>合并的重复事件</translation>
    </message>
    <message>
        <source>Short sessions</source>
        <translation>过短会话</translation>
    </message>
    <message>
        <source>Rare items</source>
        <translation>稀有商品</translation>
    </message>
    <message>
        <source>Sessions short after that</source>
        <translation>之后变短的会话</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>What preparation with these options would drop, step by step</source>
        <translation>使用这些选项进行预处理时，每一步将丢弃的内容</translation>
    </message>
    <message>
        <source>Marks what the filters drop (nothing is deleted) and stores the split, which becomes the dataset&apos;s active split</source>
        <translation>标记过滤器丢弃的内容（不会删除任何数据）并保存划分，该划分将成为数据集的当前划分</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;: what preparation would drop</source>
        <translation>&lt;b&gt;预览&lt;/b&gt;：预处理将丢弃的内容</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Sessions with fewer events are dropped</source>
        <translation>事件数更少的会话将被丢弃</translation>
    </message>
    <message>
        <source>Events of items seen fewer times are dropped</source>
        <translation>出现次数更少的商品的事件将被丢弃</translation>
    </message>
    <message>
        <source>Repeat until nothing changes</source>
        <translation>重复直到不再变化</translation>
    </message>
    <message>
        <source>Repeats the item and length filters until both hold everywhere</source>
        <translation>重复商品过滤和长度过滤，直到两者处处成立</translation>
    </message>
    <message>
        <source>Collapse consecutive duplicates</source>
        <translation>合并连续重复事件</translation>
    </message>
    <message>
        <source>Keeps one of several identical events in a row</source>
        <translation>连续多个相同事件只保留一个</translation>
    </message>
    <message>
        <source>Drop bot sessions</source>
        <translation>丢弃机器人会话</translation>
    </message>
    <message>
        <source>Drops sessions too long or too fast to be a person&apos;s</source>
        <translation>丢弃过长或过快、不像真人的会话</translation>
    </message>
    <message>
        <source>Sessions with more events are bots</source>
        <translation>事件数超过此值的会话视为机器人</translation>
    </message>
    <message>
        <source>The speed rule needs at least this many events</source>
        <translation>速度规则至少需要这么多事件</translation>
    </message>
    <message>
        <source>A median gap between events of at most this is a bot</source>
        <translation>事件间隔中位数不超过此值即视为机器人</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Temporal (last days are test)</source>
        <translation>按时间（最后几天作为测试集）</translation>
    </message>
    <message>
        <source>Leave last out (every session&apos;s last event)</source>
        <translation>留一法（每个会话的最后一个事件）</translation>
    </message>
    <message>
        <source>How sessions are divided into train, validation and test</source>
        <translation>如何将会话划分为训练集、验证集和测试集</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Sessions ending in the last this many days are test</source>
        <translation>在最后这么多天内结束的会话作为测试集</translation>
    </message>
    <message>
        <source>Then validation is carved from the end of the rest (0: none)</source>
        <translation>然后从其余部分的末尾切出验证集（0：不设验证集）</translation>
    </message>
    <message>
        <source>same as the method</source>
        <translation>与方法相同</translation>
    </message>
    <message>
        <source>The split&apos;s name; a split of the same name is replaced</source>
        <translation>划分的名称；同名划分将被替换</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>Minimum session length:</source>
        <translation>最短会话长度：</translation>
    </message>
    <message>
        <source>Minimum item support:</source>
        <translation>最低商品支持度：</translation>
    </message>
    <message>
        <source>Bot filter</source>
        <translation>机器人过滤</translation>
    </message>
    <message>
        <source>At most events:</source>
        <translation>最多事件数：</translation>
    </message>
    <message>
        <source>Speed rule from:</source>
        <translation>速度规则起始事件数：</translation>
    </message>
    <message>
        <source>Median gap at most:</source>
        <translation>间隔中位数上限：</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>测试集：</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>验证集：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Select a dataset to prepare it.</source>
        <translation>请选择要预处理的数据集。</translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation>正在计算预览…</translation>
    </message>
    <message>
        <source>Preparing and splitting &apos;%1&apos;…</source>
        <translation>正在预处理并划分“%1”…</translation>
    </message>
    <message>
        <source>Prepared &apos;%1&apos; and split it (%2): train %3, validation %4, test %5 sessions; %6 test events have items unseen in training.</source>
        <translation>已预处理并划分“%1”（%2）：训练 %3 个、验证 %4 个、测试 %5 个会话；%6 个测试事件的商品未在训练集中出现。</translation>
    </message>
    <message>
        <source>Preparation would keep %1% of the events (filter passes: %2; consecutive duplicates found: %3). Nothing changes until you apply.</source>
        <translation>预处理将保留 %1% 的事件（过滤轮数：%2；发现的连续重复事件：%3）。在您应用之前不会有任何更改。</translation>
    </message>
</context>
<context>
    <name>srw::ui::PreviewModel</name>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第 %1 列</translation>
    </message>
</context>
<context>
    <name>srw::ui::PreviewPage</name>
    <message>
        <source>The first row is a header</source>
        <translation>第一行是表头</translation>
    </message>
    <message>
        <source>Check the Layout</source>
        <translation>检查布局</translation>
    </message>
    <message>
        <source>The delimiter and the header were detected; correct them if the table below does not look right.</source>
        <translation>已检测到分隔符和表头；如果下表看起来不对，请更正。</translation>
    </message>
    <message>
        <source>The character between the fields of a row</source>
        <translation>一行中各字段之间的字符</translation>
    </message>
    <message>
        <source>Whether the first row names the columns rather than holding data</source>
        <translation>第一行是否为列名而不是数据</translation>
    </message>
    <message>
        <source>The first rows of the file as they will be read</source>
        <translation>文件的前几行将按此方式读取</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d9534f&apos;&gt;Cannot read the file: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d9534f&apos;&gt;无法读取文件：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The %1 format fixes its own columns and times.</source>
        <translation>%1 格式自行规定其列和时间。</translation>
    </message>
    <message>
        <source>%1 columns; showing the first %2 rows.</source>
        <translation>%1 列；显示前 %2 行。</translation>
    </message>
</context>
<context>
    <name>srw::ui::RunPage</name>
    <message>
        <source>Try Again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The import runs in one transaction: if it fails or you cancel it, the workspace stays as it was.</source>
        <translation>导入在一个事务中进行：如果失败或被取消，工作区保持原样。</translation>
    </message>
    <message>
        <source>Progress of the import; Cancel stops it</source>
        <translation>导入进度；点击“取消”可停止</translation>
    </message>
    <message>
        <source>Runs the import again with the same settings</source>
        <translation>使用相同设置重新导入</translation>
    </message>
    <message>
        <source>&lt;b&gt;The import failed; the workspace is unchanged.&lt;/b&gt;&lt;br&gt;File: %1&lt;br&gt;Line: %2, column: %3&lt;br&gt;Reason: %4</source>
        <translation>&lt;b&gt;导入失败；工作区未被更改。&lt;/b&gt;&lt;br&gt;文件：%1&lt;br&gt;行：%2，列：%3&lt;br&gt;原因：%4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&lt;b&gt;The import failed; the workspace is unchanged.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;导入失败；工作区未被更改。&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消；未导入任何内容。</translation>
    </message>
    <message>
        <source>Importing &lt;b&gt;%1&lt;/b&gt; as &lt;b&gt;%2&lt;/b&gt; into the dataset &lt;b&gt;%3&lt;/b&gt;…</source>
        <translation>正在将 &lt;b&gt;%1&lt;/b&gt; 按 &lt;b&gt;%2&lt;/b&gt; 格式导入数据集 &lt;b&gt;%3&lt;/b&gt;…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported.&lt;/b&gt; %1 rows read: %2 events in %3 new sessions, %4 new items, %5 items with text, in %6 s.</source>
        <translation>&lt;b&gt;已导入。&lt;/b&gt;读取 %1 行：%3 个新会话中的 %2 个事件，%4 个新商品，%5 个带文本的商品，用时 %6 秒。</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 bad rows were skipped, e.g.: %2</source>
        <translation>&lt;br&gt;跳过了 %1 个错误行，例如：%2</translation>
    </message>
</context>
<context>
    <name>srw::ui::RunsPanel</name>
    <message>
        <source>Filter runs by any column…</source>
        <translation>按任意列筛选运行…</translation>
    </message>
    <message>
        <source>Shows only runs whose name, dataset, model, status or notes contain this text</source>
        <translation>只显示名称、数据集、模型、状态或备注包含此文字的运行</translation>
    </message>
    <message>
        <source>The cut-off K of the metrics shown</source>
        <translation>所显示指标的截断位置 K</translation>
    </message>
    <message>
        <source>Cut-off:</source>
        <translation>截断位置：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exports the selected runs</source>
        <translation>导出所选运行</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Gives the selected run a name</source>
        <translation>为所选运行命名</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Writes notes on the selected run</source>
        <translation>为所选运行写备注</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Deletes the selected runs after asking</source>
        <translation>确认后删除所选运行</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>报告导出为 PDF…</translation>
    </message>
    <message>
        <source>The selected runs' report as a PDF document</source>
        <translation>所选运行的报告，PDF 文档</translation>
    </message>
    <message>
        <source>Report as HTML…</source>
        <translation>报告导出为 HTML…</translation>
    </message>
    <message>
        <source>A self-contained HTML page with inline charts</source>
        <translation>内嵌图表的独立 HTML 页面</translation>
    </message>
    <message>
        <source>Metrics as CSV…</source>
        <translation>指标导出为 CSV…</translation>
    </message>
    <message>
        <source>One row per run, metric and cut-off, with the interval</source>
        <translation>每个运行、指标和截断位置一行，附区间</translation>
    </message>
    <message>
        <source>Recommendations as CSV…</source>
        <translation>推荐结果导出为 CSV…</translation>
    </message>
    <message>
        <source>The stored top lists of the selected run</source>
        <translation>所选运行已存储的推荐列表</translation>
    </message>
    <message>
        <source>Chart as PNG or SVG…</source>
        <translation>图表导出为 PNG 或 SVG…</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s)…</source>
        <translation>
            <numerusform>正在比较 %n 个运行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n run(s)</source>
        <translation>
            <numerusform>已删除 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>Name of run %1:</source>
        <translation>运行 %1 的名称：</translation>
    </message>
    <message>
        <source>Run Notes</source>
        <translation>运行备注</translation>
    </message>
    <message>
        <source>Notes on run %1:</source>
        <translation>运行 %1 的备注：</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their metrics, per-session values and stored recommendations? This cannot be undone.</source>
        <translation>
            <numerusform>删除 %n 个运行及其指标、逐会话数值和已存储的推荐结果？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>srw::ui::RunsTableModel</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Started %1, not finished</source>
        <translation>开始于 %1，未完成</translation>
    </message>
    <message>
        <source>Value on the test part with its bootstrap confidence interval</source>
        <translation>测试部分上的值及其自助法置信区间</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>srw::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The colours of the window; changes at once</source>
        <translation>窗口的配色；立即生效</translation>
    </message>
    <message>
        <source>The language of the interface; takes effect on the next start</source>
        <translation>界面语言；下次启动时生效</translation>
    </message>
    <message>
        <source>Apply and Restart</source>
        <translation>应用并重启</translation>
    </message>
    <message>
        <source>Saves the settings and starts the application again in the new language</source>
        <translation>保存设置并以新语言重新启动程序</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时使用。</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>外观：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
</context>
<context>
    <name>srw::ui::StatsCharts</name>
    <message>
        <source>Session lengths</source>
        <translation>会话长度</translation>
    </message>
    <message>
        <source>Events in the session (last bar: %1 or more)</source>
        <translation>会话中的事件数（最后一栏：%1 及以上）</translation>
    </message>
    <message>
        <source>Events in the session</source>
        <translation>会话中的事件数</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>Item popularity (long tail)</source>
        <translation>商品热度（长尾）</translation>
    </message>
    <message>
        <source>Item rank (log)</source>
        <translation>商品排名（对数）</translation>
    </message>
    <message>
        <source>Events (log)</source>
        <translation>事件数（对数）</translation>
    </message>
    <message>
        <source>Events per day</source>
        <translation>每日事件数</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
</context>
<context>
    <name>srw::ui::StatsPanel</name>
    <message>
        <source>Show the whole dataset or one part of its active split</source>
        <translation>显示整个数据集或其当前划分中的某一部分</translation>
    </message>
    <message>
        <source>How many sessions have each length; longer sessions are gathered in the last bar</source>
        <translation>每种长度的会话数量；更长的会话归入最后一栏</translation>
    </message>
    <message>
        <source>Events of each item, most popular first, on log-log scales: a straight falling line is a power law</source>
        <translation>每个商品的事件数，按热度从高到低，使用双对数坐标：下降的直线表示幂律分布</translation>
    </message>
    <message>
        <source>Events on each day (UTC)</source>
        <translation>每天（UTC）的事件数</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Select a dataset to see its statistics.</source>
        <translation>请选择一个数据集以查看其统计信息。</translation>
    </message>
    <message>
        <source>Could not compute the statistics:
%1</source>
        <translation>无法计算统计信息：
%1</translation>
    </message>
    <message>
        <source>Computing the statistics of &apos;%1&apos;…</source>
        <translation>正在计算“%1”的统计信息…</translation>
    </message>
    <message>
        <source>Whole dataset</source>
        <translation>整个数据集</translation>
    </message>
    <message>
        <source>Split &apos;%1&apos;: %2</source>
        <translation>划分“%1”：%2</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Stored events (a split part counts kept ones)</source>
        <translation>存储的事件（划分部分只统计保留的事件）</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>Sessions holding these events</source>
        <translation>包含这些事件的会话</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Distinct items occurring in the events</source>
        <translation>事件中出现的不同商品</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Distinct users; none when the log has no user column</source>
        <translation>不同用户数；日志没有用户列时为“无”</translation>
    </message>
    <message>
        <source>Mean session length</source>
        <translation>平均会话长度</translation>
    </message>
    <message>
        <source>Events per session on average</source>
        <translation>平均每个会话的事件数</translation>
    </message>
    <message>
        <source>Top 1% items&apos; share</source>
        <translation>前 1% 商品占比</translation>
    </message>
    <message>
        <source>Share of the events on the most popular 1% of items</source>
        <translation>最热门的 1% 商品所占的事件比例</translation>
    </message>
    <message>
        <source>Items with text</source>
        <translation>带文本的商品</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Catalogue items having a title or a description</source>
        <translation>有标题或描述的目录商品</translation>
    </message>
    <message>
        <source>Unseen in training</source>
        <translation>训练中未见</translation>
    </message>
    <message>
        <source>Test events whose item never occurs in the train part</source>
        <translation>商品从未在训练部分出现的测试事件</translation>
    </message>
    <message>
        <source>Time range (UTC)</source>
        <translation>时间范围（UTC）</translation>
    </message>
    <message>
        <source>First and last event</source>
        <translation>第一个和最后一个事件</translation>
    </message>
</context>
<context>
    <name>srw::ui::TaskRunner</name>
    <message>
        <source>, line %1</source>
        <translation>，第 %1 行</translation>
    </message>
    <message>
        <source>, column %1</source>
        <translation>，第 %1 列</translation>
    </message>
</context>
</TS>
