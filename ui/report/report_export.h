#pragma once
#include "srw/report/report_content.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

class QChart;
class QObject;
class QTextDocument;

namespace srw::ui {

/**
 * @brief The report of runs as `srw report` writes it: loadReportContent() and the analyses
 * linked to the runs (α sweeps, bandit replays, cold start, similarity heatmap). In builds with
 * the model analyses the heatmap of a trained run is its text cosine, else CF cosine.
 */
ReportContent loadReportWithAnalyses(SessionStore& store, const std::vector<std::int64_t>& runIds,
                                     const ReportOptions& options = {});

/**
 * @brief The report as a Qt rich-text document: the core HTML with its charts as images
 * (Qt's rich text has no inline SVG), fonts that cover Chinese, A4 pages.
 */
QTextDocument* makeReportDocument(const ReportContent& content, QObject* parent = nullptr);

/** @brief Writes the report as PDF (atomically, QSaveFile). false and error on failure. */
bool writeReportPdf(const ReportContent& content, const QString& path, QString* error);
/** @brief Writes the self-contained HTML report (atomically). */
bool writeReportHtml(const ReportContent& content, const QString& path, QString* error);
/** @brief Writes bytes to path atomically (CSV and JSON exports). */
bool writeFileAtomic(const QString& path, const QByteArray& bytes, QString* error);
/** @brief Saves a chart as SVG (by suffix .svg, via QSvgGenerator) or else as PNG. */
bool saveChart(QChart* chart, const QString& path, QString* error);

/**
 * @brief `srw-gui --export-report RUN… --pdf OUT [--html OUT]` without a window: reads the
 * runs from the workspace and writes the files. Returns the exit status (0 ok, 2 bad usage,
 * 4 failure) after printing what went wrong to stderr.
 */
int exportReportHeadless(const QString& databasePath, const QStringList& runIds,
                         const QString& pdfPath, const QString& htmlPath);

} // namespace srw::ui
