#include "report/report_export.h"

#include "srw/report/html_report.h"
#include "srw/report/report_analyses.h"
#include "srw/util/error.h"
#ifdef SRW_UI_EXPLORE
#include "srw/model/bert_mlp_trainer.h"
#include "srw/model/model_analysis.h"
#include "training/training_worker.h"
#endif

#include <QBuffer>
#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>
#include <cstdio>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {

// Charts are rasterised at twice their size so they stay sharp in print.
constexpr int kChartScale = 2;

QImage renderSvg(const std::string& svg, int width, int height) {
    QSvgRenderer renderer(QByteArray::fromStdString(svg));
    QImage image(width * kChartScale, height * kChartScale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    return image;
}

bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

} // namespace

ReportContent loadReportWithAnalyses(SessionStore& store, const std::vector<std::int64_t>& runIds,
                                     const ReportOptions& options) {
    ReportContent content = loadReportContent(store, runIds, options);
    ReportAnalysisOptions analyses;
#ifdef SRW_UI_EXPLORE
    analyses.textVectors = [&store](const RunRecord& run, std::size_t& dim) {
        try {
            return modelTextVectors(
                *loadTrainedModel(store, run.id, TrainingRunner::modelLoadOverrides()), dim);
        } catch (const std::exception& e) {
            // The report still has its heatmap, of CF cosine, as srw report does then.
            spdlog::warn("report: the model of run {} did not load ({}); CF cosine heatmap",
                         run.id, e.what());
            dim = 0;
            return std::vector<float>();
        }
    };
#endif
    addLinkedAnalyses(content, store, analyses);
    return content;
}

QTextDocument* makeReportDocument(const ReportContent& content, QObject* parent) {
    const HtmlReport report = renderHtmlReport(content, ChartMode::ImageReferences);
    auto* doc = new QTextDocument(parent);
    // Noto Sans CJK carries Latin letters too, so one family renders every part of the report.
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans CJK SC"),
                      QStringLiteral("DejaVu Sans")});
    font.setPointSizeF(9);
    doc->setDefaultFont(font);
    for (const auto& chart : report.charts)
        doc->addResource(QTextDocument::ImageResource, QUrl(QString::fromStdString(chart.name)),
                         renderSvg(chart.svg, chart.width, chart.height));
    doc->setHtml(QString::fromStdString(report.html));
    return doc;
}

bool writeFileAtomic(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString e = file.errorString();
        file.cancelWriting();
        return fail(error, e);
    }
    if (!file.commit())
        return fail(error, file.errorString());
    return true;
}

bool writeReportPdf(const ReportContent& content, const QString& path, QString* error) {
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        QString title = QString::fromStdString(content.title);
        for (const auto& r : content.runs)
            title += QStringLiteral(" · ") + QString::fromStdString(runLabel(r.record));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("SessionRec Workbench"));
        std::unique_ptr<QTextDocument> doc(makeReportDocument(content));
        doc->print(&writer);
    }
    if (!bytes.startsWith("%PDF"))
        return fail(error, QStringLiteral("the PDF writer produced no document"));
    return writeFileAtomic(path, bytes, error);
}

bool writeReportHtml(const ReportContent& content, const QString& path, QString* error) {
    return writeFileAtomic(path, QByteArray::fromStdString(renderHtmlReport(content).html), error);
}

bool saveChart(QChart* chart, const QString& path, QString* error) {
    QGraphicsScene* scene = chart ? chart->scene() : nullptr;
    if (!scene)
        return fail(error, QStringLiteral("no chart to save"));
    const QRectF rect = chart->sceneBoundingRect();
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(rect.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), rect.size()));
        svg.setTitle(chart->title());
        QPainter painter(&svg);
        painter.setRenderHint(QPainter::Antialiasing);
        scene->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
        painter.end();
        return writeFileAtomic(path, buffer.data(), error);
    }
    QImage image((rect.size() * kChartScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene->render(&painter, QRectF(image.rect()), rect);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return fail(error, QStringLiteral("could not encode the PNG"));
    return writeFileAtomic(path, bytes, error);
}

int exportReportHeadless(const QString& databasePath, const QStringList& runIds,
                         const QString& pdfPath, const QString& htmlPath) {
    auto usage = [](const char* message) {
        std::fprintf(stderr, "srw-gui: %s\n", message);
        return 2;
    };
    if (pdfPath.isEmpty() && htmlPath.isEmpty())
        return usage("--export-report needs --pdf OUT (or --html OUT)");
    std::vector<std::int64_t> ids;
    for (const QString& part : runIds)
        for (const QString& id : part.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qlonglong v = id.trimmed().toLongLong(&ok);
            if (!ok || v <= 0)
                return usage(
                    "--export-report takes run ids, e.g. --export-report 3 4 --pdf out.pdf");
            ids.push_back(v);
        }
    if (ids.empty())
        return usage("--export-report needs at least one run id");
    try {
        SessionStore store(databasePath.toStdString(), Database::Mode::ReadOnly);
        const ReportContent content = loadReportWithAnalyses(store, ids);
        QString error;
        if (!pdfPath.isEmpty() && !writeReportPdf(content, pdfPath, &error)) {
            std::fprintf(stderr, "srw-gui: %s: %s\n", qPrintable(pdfPath), qPrintable(error));
            return 4;
        }
        if (!htmlPath.isEmpty() && !writeReportHtml(content, htmlPath, &error)) {
            std::fprintf(stderr, "srw-gui: %s: %s\n", qPrintable(htmlPath), qPrintable(error));
            return 4;
        }
    } catch (const UsageError& e) {
        std::fprintf(stderr, "srw-gui: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "srw-gui: %s\n", e.what());
        return 4;
    }
    return 0;
}

} // namespace srw::ui
