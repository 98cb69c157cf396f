#include "explore/explore_panel.h"

#include "explore/explore_worker.h"
#include "explore/recommendation_model.h"
#include "explore/score_bar_delegate.h"

#include "srw/data/run_store.h"
#include "srw/data/session_store.h"

#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>

namespace srw::ui {
namespace {
constexpr int kSliderSteps = 100;
const char* const kBaselines[] = {"sknn", "iknn", "vsknn", "sr", "ar", "pop"};
} // namespace

ExplorePanel::ExplorePanel(const QString& databasePath, QWidget* parent)
    : QWidget(parent), m_path(databasePath), m_runner(new ExploreRunner(databasePath, this)),
      m_model(new RecommendationModel(this)) {
    m_models = new QComboBox(this);
    m_models->setToolTip(tr("A trained BERT+MLP run, or a baseline fitted on the training part"));
    auto* load = new QPushButton(tr("Load"), this);
    m_alphaSlider = new QSlider(Qt::Horizontal, this);
    m_alphaSlider->setRange(0, kSliderSteps);
    m_alpha = new QDoubleSpinBox(this);
    m_alpha->setRange(0, 1);
    m_alpha->setSingleStep(0.05);
    m_alpha->setDecimals(2);
    m_alpha->setToolTip(tr("α: weight of s_cf in p; re-ranks at once, without a model call"));
    m_k = new QSpinBox(this);
    m_k->setRange(1, 200);
    m_k->setValue(20);
    m_k->setPrefix(tr("top "));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model:"), this));
    top->addWidget(m_models, 1);
    top->addWidget(load);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("α:"), this));
    top->addWidget(m_alphaSlider, 1);
    top->addWidget(m_alpha);
    top->addWidget(m_k);

    m_tests = new QComboBox(this);
    m_tests->setToolTip(tr("A session of the test part; its next item is marked in the list"));
    m_prev = new QPushButton(tr("◀ Prev"), this);
    m_next = new QPushButton(tr("Next ▶"), this);
    m_position = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search the catalogue by title…"));
    m_search->setClearButtonEnabled(true);
    auto* completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);
    auto* add = new QPushButton(tr("Add"), this);
    m_sessionList = new QListWidget(this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* clear = new QPushButton(tr("Clear"), this);
    auto* sessionBox = new QGroupBox(tr("Session"), this);
    auto* sl = new QVBoxLayout(sessionBox);
    sl->addWidget(m_tests);
    auto* steps = new QHBoxLayout;
    steps->addWidget(m_prev);
    steps->addWidget(m_position, 1, Qt::AlignCenter);
    steps->addWidget(m_next);
    sl->addLayout(steps);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(add);
    sl->addLayout(searchRow);
    sl->addWidget(m_sessionList, 1);
    auto* edit = new QHBoxLayout;
    edit->addWidget(remove);
    edit->addWidget(clear);
    sl->addLayout(edit);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("exploreRecommendations"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegateForColumn(RecommendationModel::CfColumn,
                                      new ScoreBarDelegate(QColor(66, 133, 244), this));
    m_table->setItemDelegateForColumn(RecommendationModel::NeuralColumn,
                                      new ScoreBarDelegate(QColor(234, 134, 54), this));
    m_table->setItemDelegateForColumn(RecommendationModel::ScoreColumn,
                                      new ScoreBarDelegate(QColor(52, 168, 83), this));
    QHeaderView* h = m_table->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Fixed);
    h->setSectionResizeMode(RecommendationModel::ItemColumn, QHeaderView::Stretch);
    for (int c = RecommendationModel::CfColumn; c <= RecommendationModel::ScoreColumn; ++c)
        h->resizeSection(c, 110);
    h->resizeSection(RecommendationModel::RankColumn, 36);
    m_reason = new QLabel(tr("Select a recommendation to see why it is there."), this);
    m_reason->setWordWrap(true);
    m_reason->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_reason->setTextFormat(Qt::RichText);
    auto* reasonBox = new QGroupBox(tr("Why this item"), this);
    (new QVBoxLayout(reasonBox))->addWidget(m_reason);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_table);
    right->addWidget(reasonBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(sessionBox);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({320, 800});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(load, &QPushButton::clicked, this, &ExplorePanel::loadModel);
    connect(m_alphaSlider, &QSlider::valueChanged, this,
            [this](int v) { m_alpha->setValue(double(v) / kSliderSteps); });
    connect(m_alpha, &QDoubleSpinBox::valueChanged, this, [this](double a) {
        const QSignalBlocker block(m_alphaSlider);
        m_alphaSlider->setValue(qRound(a * kSliderSteps));
        m_model->setAlpha(a);
    });
    connect(m_k, &QSpinBox::valueChanged, m_model, &RecommendationModel::setK);
    connect(m_tests, &QComboBox::activated, this, &ExplorePanel::selectTestSession);
    connect(m_prev, &QPushButton::clicked, this, [this] { stepTo(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { stepTo(m_step + 1); });
    connect(add, &QPushButton::clicked, this, &ExplorePanel::addSearchedItem);
    connect(m_search, &QLineEdit::returnPressed, this, &ExplorePanel::addSearchedItem);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_sessionList->currentRow();
        QVector<int> items = m_session;
        if (row >= 0 && row < items.size())
            items.remove(row);
        setSession(items, -1);
    });
    connect(clear, &QPushButton::clicked, this, [this] { setSession({}, -1); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid() || m_session.isEmpty())
                    return;
                m_explained = current.data(RecommendationModel::ItemRole).toInt();
                m_runner->explain(m_session, m_explained);
            });
    connect(m_runner, &ExploreRunner::loaded, this, [this] {
        const auto cat = m_runner->catalogue();
        m_model->setTitles(cat->titles);
        m_alpha->setEnabled(cat->hasParts);
        m_alphaSlider->setEnabled(cat->hasParts);
        m_alpha->setValue(cat->alpha);
        m_model->setAlpha(cat->alpha);
        qobject_cast<QStringListModel*>(m_search->completer()->model())->setStringList(cat->titles);
        m_tests->clear();
        for (int i = 0; i < cat->testIds.size(); ++i)
            m_tests->addItem(tr("Session %1 (%2 items)")
                                 .arg(cat->testIds[i])
                                 .arg(cat->testSessions[i].size()));
        Q_EMIT statusMessage(tr("Explore: %1 loaded").arg(cat->modelName));
        selectTestSession(0);
    });
    connect(m_runner, &ExploreRunner::scored, this, [this](auto scores) {
        if (scores->prefix != m_session)
            return; // the session changed since: a newer request is on its way
        m_model->setScores(scores->cf, scores->f, m_runner->catalogue()->rankBlend);
    });
    connect(m_runner, &ExploreRunner::explained, this, &ExplorePanel::showReason);
    connect(m_runner, &ExploreRunner::failed, this, [this](const QString& message) {
        Q_EMIT statusMessage(tr("Explore: %1").arg(message));
    });
    setSession({}, -1);
}

double ExplorePanel::alpha() const { return m_alpha->value(); }

void ExplorePanel::setDataset(const QString& name) {
    m_dataset = name;
    refreshModels();
}

void ExplorePanel::refreshModels() {
    m_models->clear();
    if (m_dataset.isEmpty())
        return;
    try {
        SessionStore store(m_path.toStdString());
        for (const RunRecord& r : RunStore(store).list(m_dataset.toStdString()))
            if (r.model == "bert-mlp" && r.kind == "train" && r.status == "finished")
                m_models->addItem(tr("Run %1: %2")
                                      .arg(r.id)
                                      .arg(QString::fromStdString(r.name.empty() ? r.model : r.name)),
                                  QVariantList{qint64(r.id), QString()});
    } catch (const std::exception& e) {
        Q_EMIT statusMessage(tr("Explore: %1").arg(QString::fromStdString(e.what())));
    }
    for (const char* name : kBaselines)
        m_models->addItem(tr("Baseline: %1").arg(QString::fromLatin1(name)),
                          QVariantList{qint64(0), QString::fromLatin1(name)});
}

void ExplorePanel::loadModel() {
    if (m_dataset.isEmpty() || m_models->currentIndex() < 0)
        return;
    const QVariantList choice = m_models->currentData().toList();
    m_model->clear();
    m_runner->load(m_dataset, choice.value(0).toLongLong(), choice.value(1).toString());
    Q_EMIT statusMessage(tr("Explore: loading %1…").arg(m_models->currentText()));
}

void ExplorePanel::selectTestSession(int index) {
    const auto cat = m_runner->catalogue();
    if (!cat || index < 0 || index >= cat->testSessions.size())
        return setSession({}, -1);
    m_tests->setCurrentIndex(index);
    m_testSession = cat->testSessions[index];
    stepTo(m_testSession.size() - 1);
}

// Position p shows the first p items and marks item p as the true next one.
void ExplorePanel::stepTo(int position) {
    if (m_testSession.size() < 2)
        return;
    m_step = qBound(1, position, int(m_testSession.size()) - 1);
    setSession(m_testSession.mid(0, m_step), m_testSession[m_step]);
}

void ExplorePanel::setSession(const QVector<int>& items, int target) {
    if (target < 0)
        m_testSession.clear(); // an edited session is no longer the test session
    m_session = items;
    m_sessionList->clear();
    for (int item : items)
        m_sessionList->addItem(title(item));
    const bool stepping = m_testSession.size() >= 2;
    m_prev->setEnabled(stepping && m_step > 1);
    m_next->setEnabled(stepping && m_step < m_testSession.size() - 1);
    m_position->setText(stepping ? tr("position %1 of %2").arg(m_step).arg(m_testSession.size() - 1)
                                 : tr("own session"));
    m_model->setTarget(target);
    m_reason->setText(tr("Select a recommendation to see why it is there."));
    if (items.isEmpty())
        m_model->clear();
    else if (m_runner->catalogue())
        m_runner->score(items);
    Q_EMIT sessionChanged();
}

void ExplorePanel::addSearchedItem() {
    const auto cat = m_runner->catalogue();
    if (!cat)
        return;
    const int item = int(cat->titles.indexOf(m_search->text()));
    if (item < 0) {
        Q_EMIT statusMessage(tr("No item is titled '%1'").arg(m_search->text()));
        return;
    }
    m_search->clear();
    setSession(m_session + QVector<int>{item}, -1);
}

void ExplorePanel::openPair(int a, int b) {
    setSession({a}, -1);
    m_explained = b;
    m_runner->explain(m_session, b);
}

QString ExplorePanel::title(int item) const {
    const auto cat = m_runner->catalogue();
    return cat && item >= 0 && item < cat->titles.size() ? cat->titles[item]
                                                         : QString::number(item);
}

void ExplorePanel::showReason(const ExploreReason& reason) {
    if (reason.item != m_explained)
        return;
    auto list = [this](const QVector<QPair<int, double>>& near) {
        QString html;
        for (const auto& n : near)
            html += QStringLiteral("<li>%1 <i>(%2)</i></li>")
                        .arg(title(n.first).toHtmlEscaped())
                        .arg(n.second, 0, 'f', 3);
        return html.isEmpty() ? tr("<p>—</p>") : QStringLiteral("<ul>%1</ul>").arg(html);
    };
    if (!m_runner->catalogue() || !m_runner->catalogue()->hasParts) {
        m_reason->setText(tr("<b>%1</b><p>Baselines give no reasons: load a trained run to see "
                             "the nearest session items.</p>")
                              .arg(title(reason.item).toHtmlEscaped()));
        return;
    }
    m_reason->setText(tr("<b>%1</b><br>Nearest session items in the CF space:%2"
                         "Nearest session items in the text space:%3")
                          .arg(title(reason.item).toHtmlEscaped(), list(reason.nearestCf),
                               list(reason.nearestText)));
}

} // namespace srw::ui
