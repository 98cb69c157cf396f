#include "srw/report/svg_chart.h"

#include "srw/report/html_escape.h"
#include "svg_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace srw {
namespace svg {

std::vector<double> niceTicks(double lo, double hi, int wanted) {
    if (!(hi > lo)) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / std::max(1, wanted);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    std::vector<double> out;
    for (double v = std::floor(lo / step) * step; v <= hi + step * 1e-9; v += step)
        out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return out;
}

std::string tickLabel(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string coord(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string open(int width, int height, const std::string& title) {
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" font-family=\"Noto Sans, Noto Sans CJK SC, DejaVu Sans, sans-serif\">";
    // Explicit sizes: Qt's SVG renderer (the PDF export) does not resolve percentages here.
    s += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" fill=\"#ffffff\"/>";
    if (!title.empty())
        s += text(12, 20, title, "start", 14, " font-weight=\"bold\" fill=\"#222\"");
    return s;
}

std::string text(double x, double y, const std::string& content, const char* anchor, int size,
                 const char* extra) {
    return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" font-size=\"" +
           std::to_string(size) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" +
           escapeHtml(content) + "</text>";
}

} // namespace svg

std::string seriesColor(std::size_t i) {
    static const char* const kColors[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                          "#E69F00", "#56B4E9", "#000000", "#F0E442"};
    return kColors[i % (sizeof kColors / sizeof kColors[0])];
}

namespace {

// The plot area and the legend to its right.
struct Frame {
    double left = 64, top = 34, right, bottom;
    double legendX;
};

Frame frameFor(int width, int height, bool legend) {
    Frame f;
    f.right = width - (legend ? 190.0 : 16.0);
    f.bottom = height - 44.0;
    f.legendX = f.right + 14;
    return f;
}

std::string axes(const Frame& f, const std::vector<double>& yTicks, double y0, double y1,
                 const std::string& xLabel, const std::string& yLabel, int height) {
    std::string s;
    const auto ty = [&](double v) { return f.bottom - (v - y0) / (y1 - y0) * (f.bottom - f.top); };
    for (double v : yTicks) {
        const std::string y = svg::coord(ty(v));
        s += "<line x1=\"" + svg::coord(f.left) + "\" x2=\"" + svg::coord(f.right) + "\" y1=\"" +
             y + "\" y2=\"" + y + "\" stroke=\"#e3e3e3\"/>";
        s += svg::text(f.left - 6, ty(v) + 4, svg::tickLabel(v), "end", 10, " fill=\"#555\"");
    }
    s += "<rect x=\"" + svg::coord(f.left) + "\" y=\"" + svg::coord(f.top) + "\" width=\"" +
         svg::coord(f.right - f.left) + "\" height=\"" + svg::coord(f.bottom - f.top) +
         "\" fill=\"none\" stroke=\"#888\"/>";
    s += svg::text((f.left + f.right) / 2, height - 8, xLabel, "middle", 11, " fill=\"#333\"");
    const std::string cy = svg::coord((f.top + f.bottom) / 2);
    s += "<text x=\"14\" y=\"" + cy +
         "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\" "
         "transform=\"rotate(-90 14 " +
         cy + ")\">" + escapeHtml(yLabel) + "</text>";
    return s;
}

std::string legend(const Frame& f, const std::vector<ChartSeries>& series) {
    std::string s;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const double y = f.top + 8 + 18.0 * double(i);
        s += "<rect x=\"" + svg::coord(f.legendX) + "\" y=\"" + svg::coord(y - 8) +
             "\" width=\"12\" height=\"12\" fill=\"" + seriesColor(i) + "\"/>";
        std::string name = series[i].name;
        if (name.size() > 24) // the legend column is narrow; the tables carry the full names
            name = name.substr(0, 22) + "\xE2\x80\xA6";
        s += svg::text(f.legendX + 18, y + 2, name, "start", 11, " fill=\"#222\"");
    }
    return s;
}

void valueRange(const std::vector<ChartSeries>& series, bool useX, double& lo, double& hi) {
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (const auto& s : series)
        for (double v : useX ? s.x : s.y)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    if (!std::isfinite(lo))
        lo = 0, hi = 1;
}

} // namespace

std::string renderLineChart(const LineChartSpec& spec) {
    std::string s = svg::open(spec.width, spec.height, spec.title);
    const Frame f = frameFor(spec.width, spec.height, true);
    double x0, x1, y0, y1;
    valueRange(spec.series, true, x0, x1);
    valueRange(spec.series, false, y0, y1);
    if (spec.yFromZero)
        y0 = std::min(0.0, y0);
    const bool logX = spec.logX && x0 > 0;
    const auto fx = [&](double v) { return logX ? std::log10(v) : v; };
    double lx0 = fx(x0), lx1 = fx(x1);
    if (!(lx1 > lx0))
        lx0 -= 0.5, lx1 += 0.5;
    std::vector<double> yTicks = svg::niceTicks(y0, y1, 5);
    y0 = std::min(y0, yTicks.front());
    y1 = std::max(y1, yTicks.back());
    const double pad = (lx1 - lx0) * 0.04;
    lx0 -= pad;
    lx1 += pad;
    const auto px = [&](double v) {
        return f.left + (fx(v) - lx0) / (lx1 - lx0) * (f.right - f.left);
    };
    const auto py = [&](double v) { return f.bottom - (v - y0) / (y1 - y0) * (f.bottom - f.top); };
    s += axes(f, yTicks, y0, y1, spec.xLabel, spec.yLabel, spec.height);
    std::vector<double> xTicks = spec.xTicks;
    if (xTicks.empty() && !logX)
        xTicks = svg::niceTicks(x0, x1, 6);
    for (double v : xTicks) {
        if (v < x0 - 1e-12 || v > x1 + 1e-12 || (logX && v <= 0))
            continue;
        s += svg::text(px(v), f.bottom + 15, svg::tickLabel(v), "middle", 10, " fill=\"#555\"");
    }
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const auto& se = spec.series[i];
        std::string points;
        std::string dots;
        for (std::size_t k = 0; k < std::min(se.x.size(), se.y.size()); ++k) {
            if (!std::isfinite(se.y[k]) || (logX && se.x[k] <= 0))
                continue;
            const std::string p = svg::coord(px(se.x[k])) + "," + svg::coord(py(se.y[k]));
            points += (points.empty() ? "" : " ") + p;
            if (spec.markers)
                dots += "<circle cx=\"" + svg::coord(px(se.x[k])) + "\" cy=\"" +
                        svg::coord(py(se.y[k])) + "\" r=\"3\" fill=\"" + seriesColor(i) + "\"/>";
        }
        s += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + seriesColor(i) +
             "\" points=\"" + points + "\"/>" + dots;
    }
    s += legend(f, spec.series);
    return s + "</svg>";
}

std::string renderBarChart(const BarChartSpec& spec) {
    std::string s = svg::open(spec.width, spec.height, spec.title);
    const Frame f = frameFor(spec.width, spec.height, spec.series.size() > 1);
    double y0, y1, unused;
    valueRange(spec.series, false, unused, y1);
    y0 = 0;
    std::vector<double> yTicks = svg::niceTicks(y0, std::max(y1, 1e-12), 5);
    y1 = std::max(y1, yTicks.back());
    s += axes(f, yTicks, y0, y1, spec.xLabel, spec.yLabel, spec.height);
    const std::size_t groups = std::max<std::size_t>(1, spec.categories.size());
    const double groupWidth = (f.right - f.left) / double(groups);
    const double barWidth = groupWidth * 0.8 / double(std::max<std::size_t>(1, spec.series.size()));
    // Label every category when they fit, else about ten of them.
    const std::size_t labelEvery = std::max<std::size_t>(1, groups / 10);
    for (std::size_t c = 0; c < spec.categories.size(); ++c) {
        const double gx = f.left + groupWidth * double(c) + groupWidth * 0.1;
        for (std::size_t i = 0; i < spec.series.size(); ++i) {
            const auto& y = spec.series[i].y;
            if (c >= y.size() || !std::isfinite(y[c]))
                continue;
            const double h = y[c] / y1 * (f.bottom - f.top);
            s += "<rect x=\"" + svg::coord(gx + barWidth * double(i)) + "\" y=\"" +
                 svg::coord(f.bottom - h) + "\" width=\"" +
                 svg::coord(std::max(1.0, barWidth - 1)) + "\" height=\"" + svg::coord(h) +
                 "\" fill=\"" + seriesColor(i) + "\"/>";
        }
        if (c % labelEvery == 0)
            s += svg::text(f.left + groupWidth * (double(c) + 0.5), f.bottom + 15,
                           spec.categories[c], "middle", 10, " fill=\"#555\"");
    }
    if (spec.series.size() > 1)
        s += legend(f, spec.series);
    return s + "</svg>";
}

} // namespace srw
