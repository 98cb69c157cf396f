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
        <source>Each run&apos;s metrics at the cut-off; ★ marks the best of a column</source>
        <translation>各运行在截断位置的指标；★ 标记每列的最佳值</translation>
    </message>
    <message>
        <source>The first selected run against each other one, session by session: difference, bootstrap interval, p-value, verdict</source>
        <translation>第一个选中的运行逐会话对比其他每个运行：差值、自助法区间、p 值、结论</translation>
    </message>
    <message>
        <source>Metrics by session length and by the target&apos;s popularity</source>
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
    <name>srw::ui::EncoderSource</name>
    <message>
        <source>Text encoder</source>
        <translation>文本编码器</translation>
    </message>
    <message>
        <source>Embedded small BERT</source>
        <translation>内置小型 BERT</translation>
    </message>
    <message>
        <source>A 2-layer BERT (hidden size 128) with a vocabulary learned from the dataset&apos;s item texts; pre-trained on them when asked</source>
        <translation>一个 2 层 BERT（隐藏维度 128），词表从数据集的商品文本中学习；需要时在这些文本上预训练</translation>
    </message>
    <message>
        <source>Hugging Face folder:</source>
        <translation>Hugging Face 文件夹：</translation>
    </message>
    <message>
        <source>A local BERT checkpoint: config.json, vocab.txt and model.safetensors (pickle checkpoints are refused)</source>
        <translation>本地 BERT 检查点：config.json、vocab.txt 和 model.safetensors（不接受 pickle 格式的检查点）</translation>
    </message>
    <message>
        <source>Folder with config.json, vocab.txt, model.safetensors</source>
        <translation>包含 config.json、vocab.txt、model.safetensors 的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Chooses the folder; it is checked at once</source>
        <translation>选择文件夹；选择后立即检查</translation>
    </message>
    <message>
        <source>What loading the folder found</source>
        <translation>加载该文件夹的结果</translation>
    </message>
    <message>
        <source>Choose a Hugging Face BERT folder</source>
        <translation>选择 Hugging Face BERT 文件夹</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>Embedded: 2 layers, hidden size 128, 4 heads; vocabulary from the item texts.</source>
        <translation>内置：2 层，隐藏维度 128，4 个注意力头；词表来自商品文本。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot use this folder:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法使用此文件夹：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 layers, hidden size %3, %4 heads, intermediate %5, %6 positions; vocabulary %7 tokens. Tokenizer: lower case %8, Chinese characters split %9, model_max_length %10.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2 层，隐藏维度 %3，%4 个注意力头，中间层 %5，%6 个位置；词表 %7 个词元。分词器：转小写 %8，拆分汉字 %9，model_max_length %10。</translation>
    </message>
</context>
<context>
    <name>srw::ui::ExplorePanel</name>
    <message>
        <source>A trained BERT+MLP run, or a baseline fitted on the training part</source>
        <translation>已训练的 BERT+MLP 运行，或在训练部分上拟合的基线</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>α: weight of s_cf in p; re-ranks at once, without a model call</source>
        <translation>α：s_cf 在 p 中的权重；立即重新排序，无需调用模型</translation>
    </message>
    <message>
        <source>top </source>
        <translation>前 </translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>α:</source>
        <translation>α：</translation>
    </message>
    <message>
        <source>A session of the test part; its next item is marked in the list</source>
        <translation>测试部分中的一个会话；列表中标出它的下一个物品</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <source>Search the catalogue by title…</source>
        <translation>按标题搜索商品目录…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Select a recommendation to see why it is there.</source>
        <translation>选择一条推荐，查看推荐它的原因。</translation>
    </message>
    <message>
        <source>Why this item</source>
        <translation>推荐原因</translation>
    </message>
    <message>
        <source>Session %1 (%2 items)</source>
        <translation>会话 %1（%2 个物品）</translation>
    </message>
    <message>
        <source>Explore: %1 loaded</source>
        <translation>探索：已加载 %1</translation>
    </message>
    <message>
        <source>Explore: %1</source>
        <translation>探索：%1</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Baseline: %1</source>
        <translation>基线：%1</translation>
    </message>
    <message>
        <source>Explore: loading %1…</source>
        <translation>探索：正在加载 %1…</translation>
    </message>
    <message>
        <source>position %1 of %2</source>
        <translation>第 %1 个位置，共 %2 个</translation>
    </message>
    <message>
        <source>own session</source>
        <translation>自建会话</translation>
    </message>
    <message>
        <source>No item is titled &apos;%1&apos;</source>
        <translation>没有标题为“%1”的物品</translation>
    </message>
    <message>
        <source>&lt;p&gt;—&lt;/p&gt;</source>
        <translation>&lt;p&gt;—&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;p&gt;Baselines give no reasons: load a trained run to see the nearest session items.&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;p&gt;基线不提供原因：请加载已训练的运行，查看会话中最相近的物品。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Nearest session items in the CF space:%2Nearest session items in the text space:%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;协同过滤空间中最相近的会话物品：%2文本空间中最相近的会话物品：%3</translation>
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
    <name>srw::ui::HeatmapModel</name>
    <message>
        <source>%1 × %2: %3</source>
        <translation>%1 × %2：%3</translation>
    </message>
    <message>
        <source>CF cosine</source>
        <translation>协同过滤余弦</translation>
    </message>
    <message>
        <source>Text cosine</source>
        <translation>文本余弦</translation>
    </message>
    <message>
        <source>Blend of CF and text cosine (α %1)</source>
        <translation>协同过滤余弦与文本余弦的融合（α %1）</translation>
    </message>
</context>
<context>
    <name>srw::ui::HeatmapPanel</name>
    <message>
        <source>Top popular</source>
        <translation>最热门</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Explore session</source>
        <translation>探索中的会话</translation>
    </message>
    <message>
        <source>Session and recommendations</source>
        <translation>会话及其推荐</translation>
    </message>
    <message>
        <source>How many of the most popular items</source>
        <translation>最热门物品的数量</translation>
    </message>
    <message>
        <source>Text cosine</source>
        <translation>文本余弦</translation>
    </message>
    <message>
        <source>CF cosine</source>
        <translation>协同过滤余弦</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>α </source>
        <translation>α </translation>
    </message>
    <message>
        <source>As chosen</source>
        <translation>按所选顺序</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By clustering</source>
        <translation>按聚类</translation>
    </message>
    <message>
        <source>Clustering: greedy nearest-neighbour order, similar items in blocks</source>
        <translation>聚类：贪心最近邻排序，相似物品排成块</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>物品：</translation>
    </message>
    <message>
        <source>Export Heatmap</source>
        <translation>导出热力图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Heatmap: %1 items</source>
        <translation>热力图：%1 个物品</translation>
    </message>
    <message>
        <source>Heatmap: load a model in Explore first</source>
        <translation>热力图：请先在“探索”中加载模型</translation>
    </message>
    <message>
        <source>Heatmap: choose at least two items</source>
        <translation>热力图：请至少选择两个物品</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>自选</translation>
    </message>
    <message>
        <source>Selection: any items, chosen in the list on the left</source>
        <translation>自选：在左侧列表中任意挑选物品</translation>
    </message>
</context>
<context>
    <name>srw::ui::HeatmapView</name>
    <message>
        <source>Choose the items and press Compute.</source>
        <translation>选择物品后点击“计算”。</translation>
    </message>
    <message>
        <source>%1
%2
similarity %3</source>
        <translation>%1
%2
相似度 %3</translation>
    </message>
    <message>
        <source>%1, %2 items</source>
        <translation>%1，%2 个物品</translation>
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
    <name>srw::ui::ItemPicker</name>
    <message>
        <source>Search the catalogue by title…</source>
        <translation>按标题搜索商品目录…</translation>
    </message>
    <message>
        <source>Select any number of items (Ctrl/Shift), then Add</source>
        <translation>可选择任意多个物品（按住 Ctrl/Shift），然后点击“添加”</translation>
    </message>
    <message>
        <source>The items of the heatmap; Delete removes the selected ones</source>
        <translation>热力图中的物品；按 Delete 键移除所选物品</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>+ Session</source>
        <translation>+ 会话</translation>
    </message>
    <message>
        <source>Add the items of the Explore session</source>
        <translation>添加探索中会话的物品</translation>
    </message>
    <message>
        <source>+ Recommendations</source>
        <translation>+ 推荐</translation>
    </message>
    <message>
        <source>Add Explore&apos;s current top-K</source>
        <translation>添加探索中当前的前 K 个推荐</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Chosen items:</source>
        <translation>已选物品：</translation>
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
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
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
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Trains the model with the model options on the current dataset (F5)</source>
        <translation>用模型选项在当前数据集上训练模型（F5）</translation>
    </message>
    <message>
        <source>This build has no LibTorch: training is not available</source>
        <translation>此版本未包含 LibTorch：无法训练</translation>
    </message>
    <message>
        <source>Stops the running training, preparation, deletion or backup (Esc)</source>
        <translation>停止正在进行的训练、预处理、删除或备份（Esc）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Options of the BERT+MLP model, saved as presets</source>
        <translation>BERT+MLP 模型的选项，可保存为预设</translation>
    </message>
    <message>
        <source>Train, cancel and resume, with live charts</source>
        <translation>训练、取消和继续，附实时图表</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <source>Live recommendations for a session, with α and the reasons</source>
        <translation>会话的实时推荐，可调 α 并查看原因</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Item-item similarity: text, CF or the blend</source>
        <translation>物品间相似度：文本、协同过滤或混合</translation>
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
    <name>srw::ui::ModelOptionsPanel</name>
    <message>
        <source>Preset name</source>
        <translation>预设名称</translation>
    </message>
    <message>
        <source>Named configurations: pick one to load it, or type a new name and save</source>
        <translation>命名的配置：选择一个即可加载，或输入新名称后保存</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Loads the named preset into the form</source>
        <translation>将指定预设加载到表单</translation>
    </message>
    <message>
        <source>Save Preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <source>Saves the form under the typed name (replacing a preset of that name)</source>
        <translation>以输入的名称保存表单（覆盖同名预设）</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <source>Forgets the named preset; runs trained with it keep their options</source>
        <translation>删除指定预设；用它训练的运行仍保留各自的选项</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>The default configuration: embedded encoder, frozen, pooled sessions</source>
        <translation>默认配置：内置编码器、冻结、池化会话</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>α: weight of collaborative filtering s_cf in p = α·s_cf + (1 − α)·f; the rest goes to the text model f</source>
        <translation>α：协同过滤 s_cf 在 p = α·s_cf + (1 − α)·f 中的权重；其余归文本模型 f</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>CF</source>
        <translation>协同过滤</translation>
    </message>
    <message>
        <source>α:</source>
        <translation>α：</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Rank percentiles</source>
        <translation>排名百分位</translation>
    </message>
    <message>
        <source>How the two scores are combined: as probabilities, or as their rank percentiles over the catalogue</source>
        <translation>两个分数的组合方式：按概率，或按其在整个商品目录中的排名百分位</translation>
    </message>
    <message>
        <source>Combine:</source>
        <translation>组合方式：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Last layers</source>
        <translation>最后几层</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Frozen: item vectors are computed once (fast). Last layers / full: the encoder is tuned too (slow without a GPU)</source>
        <translation>冻结：商品向量只计算一次（快）。最后几层 / 全部：编码器也参与微调（没有 GPU 时较慢）</translation>
    </message>
    <message>
        <source>How many of the encoder&apos;s last layers are tuned</source>
        <translation>微调编码器的最后几层</translation>
    </message>
    <message>
        <source>Fine-tuning:</source>
        <translation>微调：</translation>
    </message>
    <message>
        <source>Pooled item vectors</source>
        <translation>池化商品向量</translation>
    </message>
    <message>
        <source>BERT over the session text</source>
        <translation>BERT 读取会话文本</translation>
    </message>
    <message>
        <source>Pooled: the session tower pools its items&apos; vectors (fast). Text: BERT reads the session&apos;s item texts joined</source>
        <translation>池化：会话塔对其商品向量做池化（快）。文本：BERT 读取拼接后的会话商品文本</translation>
    </message>
    <message>
        <source>Session encoder:</source>
        <translation>会话编码器：</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>How the pooled tower combines item vectors</source>
        <translation>池化塔如何组合商品向量</translation>
    </message>
    <message>
        <source>Pooling:</source>
        <translation>池化：</translation>
    </message>
    <message>
        <source>The most recent items of a session the tower reads</source>
        <translation>会话塔读取的会话中最近的商品数</translation>
    </message>
    <message>
        <source>Session items:</source>
        <translation>会话商品数：</translation>
    </message>
    <message>
        <source>Item texts are cut to this many tokens</source>
        <translation>商品文本截断到此词元数</translation>
    </message>
    <message>
        <source>Item text tokens:</source>
        <translation>商品文本词元数：</translation>
    </message>
    <message>
        <source>Session texts (text tower) are cut to this many tokens</source>
        <translation>会话文本（文本塔）截断到此词元数</translation>
    </message>
    <message>
        <source>Session text tokens:</source>
        <translation>会话文本词元数：</translation>
    </message>
    <message>
        <source>Hidden widths of the MLP, comma-separated (e.g. 256,128); the output layer is added</source>
        <translation>MLP 隐藏层宽度，以逗号分隔（如 256,128）；输出层会自动添加</translation>
    </message>
    <message>
        <source>MLP layers:</source>
        <translation>MLP 层：</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>AdamW learning rate of the MLP and session tower (warm-up, then linear decay)</source>
        <translation>MLP 和会话塔的 AdamW 学习率（先预热，再线性衰减）</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Epochs; early stopping may end sooner</source>
        <translation>轮数；早停可能提前结束</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Session prefixes per step</source>
        <translation>每步的会话前缀数</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Popularity-sampled negatives per batch, besides the batch&apos;s own targets</source>
        <translation>每批按流行度采样的负样本数（批内目标之外）</translation>
    </message>
    <message>
        <source>Negatives:</source>
        <translation>负样本：</translation>
    </message>
    <message>
        <source>Train on the last N sessions only, for quick runs (0: all)</source>
        <translation>只用最后 N 个会话训练，用于快速试验（0：全部）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Training sessions:</source>
        <translation>训练会话数：</translation>
    </message>
    <message>
        <source>Seed of every random choice: the same seed gives the same run</source>
        <translation>所有随机选择的种子：相同种子得到相同的运行</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Deterministic algorithms</source>
        <translation>确定性算法</translation>
    </message>
    <message>
        <source>Bit-identical weights on every run, somewhat slower</source>
        <translation>每次运行得到逐位相同的权重，稍慢</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>LibTorch threads; at most the cores less one, so the window stays responsive</source>
        <translation>LibTorch 线程数；最多为核心数减一，使窗口保持响应</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>线程数：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>Automatic: CUDA (with bf16 autocast) when available, else the CPU</source>
        <translation>自动：可用时使用 CUDA（bf16 自动混合精度），否则使用 CPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Looking for CUDA…</source>
        <translation>正在查找 CUDA…</translation>
    </message>
    <message>
        <source>What LibTorch found on this computer</source>
        <translation>LibTorch 在本机上找到的设备</translation>
    </message>
    <message>
        <source>CUDA is available: automatic trains on cuda:0.</source>
        <translation>CUDA 可用：自动模式在 cuda:0 上训练。</translation>
    </message>
    <message>
        <source>No CUDA device: training runs on the CPU (at most %1 LibTorch threads).</source>
        <translation>没有 CUDA 设备：在 CPU 上训练（最多 %1 个 LibTorch 线程）。</translation>
    </message>
    <message>
        <source>The encoder folder is still being checked</source>
        <translation>编码器文件夹仍在检查中</translation>
    </message>
    <message>
        <source>The encoder folder cannot be used</source>
        <translation>无法使用该编码器文件夹</translation>
    </message>
    <message>
        <source>Type a name for the preset first</source>
        <translation>请先输入预设名称</translation>
    </message>
    <message>
        <source>Saved the preset &apos;%1&apos;</source>
        <translation>已保存预设“%1”</translation>
    </message>
    <message>
        <source>No usable preset &apos;%1&apos;</source>
        <translation>没有可用的预设“%1”</translation>
    </message>
    <message>
        <source>Loaded the preset &apos;%1&apos;</source>
        <translation>已加载预设“%1”</translation>
    </message>
    <message>
        <source>Deleted the preset &apos;%1&apos;</source>
        <translation>已删除预设“%1”</translation>
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
    <message>
        <source>Only %1 test sessions: metrics will have wide confidence intervals; widen the test days or split by leaving the last item out.</source>
        <translation>测试集只有 %1 个会话：指标的置信区间会很宽；请增加测试天数，或改用留出最后一项的划分方式。</translation>
    </message>
    <message>
        <source>Only %1 validation sessions: tuning and early stopping will be noisy; widen the validation days.</source>
        <translation>验证集只有 %1 个会话：调参和提前停止会受噪声影响；请增加验证天数。</translation>
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
    <name>srw::ui::RecommendationModel</name>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>The true next item of this test session</source>
        <translation>该测试会话真实的下一个物品</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>s_cf</source>
        <translation>s_cf</translation>
    </message>
    <message>
        <source>f</source>
        <translation>f</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Collaborative-filtering score of the item for this session</source>
        <translation>该物品对此会话的协同过滤得分</translation>
    </message>
    <message>
        <source>The BERT+MLP network&apos;s probability f</source>
        <translation>BERT+MLP 网络给出的概率 f</translation>
    </message>
    <message>
        <source>The blend p = α·s_cf + (1 − α)·f the list is ranked by</source>
        <translation>列表排序所依据的混合得分 p = α·s_cf + (1 − α)·f</translation>
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
        <source>The selected runs&apos; report as a PDF document</source>
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
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Started %1; the process running it ended without finishing it. A training run resumes from its last checkpoint.</source>
        <translation>开始于 %1；运行它的进程在完成前已结束。训练运行可从最近的检查点继续。</translation>
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
<context>
    <name>srw::ui::TrainingCharts</name>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>loss (running mean of the epoch)</source>
        <translation>损失（本轮滑动平均）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Per epoch</source>
        <translation>每轮</translation>
    </message>
    <message>
        <source>validation MRR@20</source>
        <translation>验证集 MRR@20</translation>
    </message>
    <message>
        <source>mean training loss</source>
        <translation>平均训练损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>MRR@20</source>
        <translation>MRR@20</translation>
    </message>
</context>
<context>
    <name>srw::ui::TrainingPanel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Training uses the current dataset&apos;s active split</source>
        <translation>训练使用当前数据集的活动划分</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>A name for the stored run (shown in the run list)</source>
        <translation>保存的运行的名称（显示在运行列表中）</translation>
    </message>
    <message>
        <source>Pre-train the embedded encoder when the dataset has none</source>
        <translation>数据集没有预训练编码器时先预训练内置编码器</translation>
    </message>
    <message>
        <source>Learns a vocabulary and a masked language model on the item texts once per dataset; later runs reuse it</source>
        <translation>每个数据集在商品文本上学习一次词表和掩码语言模型；之后的运行会复用</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Epochs of masked-language-model pre-training</source>
        <translation>掩码语言模型预训练的轮数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Trains a new run with the model options (F5)</source>
        <translation>用模型选项训练一个新的运行（F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stops after the current step; the run keeps its last checkpoint and can be resumed (Esc)</source>
        <translation>在当前步之后停止；运行保留最后的检查点，可以继续（Esc）</translation>
    </message>
    <message>
        <source>Cancelled or unfinished runs of this dataset</source>
        <translation>此数据集已取消或未完成的运行</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continues the chosen run from its last checkpoint, with its own options</source>
        <translation>从最后的检查点继续所选运行，使用其自身的选项</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Encoder pre-training</source>
        <translation>编码器预训练</translation>
    </message>
    <message>
        <source>Pre-training of the embedded encoder</source>
        <translation>内置编码器的预训练</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>Steps of the current epoch</source>
        <translation>当前轮的步数</translation>
    </message>
    <message>
        <source>Optimiser step, sequences per second and time left</source>
        <translation>优化步数、每秒序列数和剩余时间</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Choose or import a dataset first.</source>
        <translation>请先选择或导入数据集。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Cannot start: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;无法开始：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>A training is already running</source>
        <translation>已有训练在进行</translation>
    </message>
    <message>
        <source>Cannot start the training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <source>Resuming run %1…</source>
        <translation>正在继续运行 %1…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>将在当前步之后取消…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation>%1 / %2 步</translation>
    </message>
    <message>
        <source>step %1 · loss %2 · %3 sequences/s · ETA %4</source>
        <translation>第 %1 步 · 损失 %2 · %3 序列/秒 · 剩余 %4</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Run %1 finished: %2 epochs (best %3) in %4 s on %5. Test: HitRate@20 %6, MRR@20 %7, NDCG@20 %8.</source>
        <translation>运行 %1 已完成：%2 轮（最佳第 %3 轮），在 %5 上用时 %4 秒。测试：HitRate@20 %6，MRR@20 %7，NDCG@20 %8。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled before the run was created.</source>
        <translation>在运行创建之前已取消。</translation>
    </message>
    <message>
        <source>Run %1 cancelled; its last checkpoint is kept: resume it to finish.</source>
        <translation>运行 %1 已取消；其最后的检查点已保留：继续即可完成。</translation>
    </message>
    <message>
        <source>Run %1 cancelled before its first checkpoint; resuming starts it over.</source>
        <translation>运行 %1 在第一个检查点之前被取消；继续将从头开始。</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;&lt;b&gt;Training failed:&lt;/b&gt; %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;&lt;b&gt;训练失败：&lt;/b&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>No run to resume</source>
        <translation>没有可继续的运行</translation>
    </message>
    <message>
        <source>Run %1 %2 (%3, %4)</source>
        <translation>运行 %1 %2（%3，%4）</translation>
    </message>
</context>
<context>
    <name>srw::ui::TrainingWorker</name>
    <message>
        <source>Pre-training cancelled; no run was started</source>
        <translation>预训练已取消；没有开始运行</translation>
    </message>
</context>
</TS>
