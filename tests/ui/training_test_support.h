#pragma once
// A tiny training workspace for the training tests: 200 sample sessions spread over the whole
// month (every 100th session, so the temporal split keeps a training, validation and test
// part), the item catalogue, prepared and split; and options that train in seconds.
#include "ui_test_support.h"

#include "srw/data/preparation.h"
#include "srw/data/splitter.h"
#include "srw/model/bert_mlp_options.h"

#include <QFile>
#include <QTextStream>

namespace srw::ui::test {

struct TinyTrainingWorkspace {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("ws.sqlite"));

    TinyTrainingWorkspace() {
        const QString sample = QStringLiteral(SRW_SAMPLE_DIR);
        const QString events = dir.filePath(QStringLiteral("events.csv"));
        QFile in(sample + QStringLiteral("/events.csv")), out(events);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            qFatal("cannot write the tiny events file");
        QTextStream r(&in), w(&out);
        w << r.readLine() << '\n';
        while (!r.atEnd()) {
            const QString line = r.readLine();
            if (line.section(QLatin1Char(','), 0, 0).toLongLong() % 100 == 0)
                w << line << '\n';
        }
        out.close();
        SessionStore store(path.toStdString());
        importFile(store, "tiny", events.toStdString(), "csv", {});
        importFile(store, "tiny", (sample + QStringLiteral("/items.csv")).toStdString(),
                   "catalog", {});
        PrepareOptions po;
        po.minItemSupport = 1; // 200 sessions: most items are seen once
        prepareDataset(store, "tiny", po, false);
        splitDataset(store, "tiny", SplitOptions{});
    }
};

/** @brief A model that trains on 200 sessions in a few seconds on one or two cores. */
inline BertMlpOptions tinyOptions() {
    BertMlpOptions o;
    o.mlpWidths = {32};
    o.batchSize = 8;
    o.negatives = 8;
    o.epochs = 1;
    o.itemTextTokens = 16;
    o.validSessions = 50;
    o.device = "cpu";
    o.threads = 1;
    o.deterministic = true;
    return o;
}

} // namespace srw::ui::test
