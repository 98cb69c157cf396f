#include "srw/report/html_escape.h"
#include "srw/report/svg_chart.h"
#include "srw/util/error.h"
#include "svg_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace srw {
namespace {

// Sequential white -> blue for non-negative data; diverging blue - white - red when the scale
// crosses zero (cosine similarities can be negative), so zero always reads as white.
std::string cellColor(double v, double lo, double hi) {
    if (!std::isfinite(v))
        return "#cccccc";
    auto mix = [](double t, int r, int g, int b) {
        t = std::clamp(t, 0.0, 1.0);
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", int(255 + (r - 255) * t),
                      int(255 + (g - 255) * t), int(255 + (b - 255) * t));
        return std::string(buf);
    };
    if (lo < 0 && hi > 0) {
        const double m = std::max(-lo, hi);
        return v >= 0 ? mix(v / m, 178, 24, 43) : mix(-v / m, 33, 102, 172);
    }
    return mix(hi > lo ? (v - lo) / (hi - lo) : 1.0, 8, 69, 148);
}

std::string shorten(const std::string& s, std::size_t max) {
    if (s.size() <= max)
        return s;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0u) == 0x80u)
        --cut; // never split a UTF-8 sequence
    return s.substr(0, cut) + "\xE2\x80\xA6";
}

struct Layout {
    bool labels;
    double cell, x0, y0;
    int width, height;
};

Layout layoutOf(const HeatmapSpec& spec) {
    const std::size_t nr = spec.rows.size(), nc = spec.columns.size();
    Layout l;
    l.labels = nr <= 40 && nc <= 40;
    const double labelSpace = l.labels ? 150 : 10;
    l.cell = spec.cellSize > 0
                 ? spec.cellSize
                 : std::max(1.0, std::min(24.0, 560.0 / double(std::max(nr, nc) + 1)));
    l.x0 = labelSpace;
    l.y0 = 34 + (l.labels ? 110 : 0);
    l.width = int(l.x0 + l.cell * double(nc) + 110);
    l.height = int(std::max(l.y0 + l.cell * double(nr) + 20, l.y0 + 200));
    return l;
}

} // namespace

std::pair<int, int> heatmapSize(const HeatmapSpec& spec) {
    const Layout l = layoutOf(spec);
    return {l.width, l.height};
}

std::string renderHeatmap(const HeatmapSpec& spec) {
    const std::size_t nr = spec.rows.size(), nc = spec.columns.size();
    if (spec.values.size() != nr * nc)
        throw UsageError("heatmap: " + std::to_string(spec.values.size()) + " values for " +
                         std::to_string(nr) + " x " + std::to_string(nc) + " cells");
    double lo = spec.min.value_or(0), hi = spec.max.value_or(0);
    if (!spec.min || !spec.max) {
        double dlo = 0, dhi = 0;
        bool any = false;
        for (double v : spec.values)
            if (std::isfinite(v)) {
                dlo = any ? std::min(dlo, v) : v;
                dhi = any ? std::max(dhi, v) : v;
                any = true;
            }
        if (!spec.min)
            lo = dlo;
        if (!spec.max)
            hi = dhi;
    }
    const Layout l = layoutOf(spec);
    const bool labels = l.labels;
    const double cell = l.cell, x0 = l.x0, y0 = l.y0;
    const int width = l.width, height = l.height;
    std::string s = svg::open(width, height, spec.title);
    for (std::size_t r = 0; r < nr; ++r)
        for (std::size_t c = 0; c < nc; ++c) {
            const double v = spec.values[r * nc + c];
            s += "<rect x=\"" + svg::coord(x0 + cell * double(c)) + "\" y=\"" +
                 svg::coord(y0 + cell * double(r)) + "\" width=\"" + svg::coord(cell) +
                 "\" height=\"" + svg::coord(cell) + "\" fill=\"" + cellColor(v, lo, hi) +
                 "\"><title>" + escapeHtml(spec.rows[r]) + " \xC3\x97 " +
                 escapeHtml(spec.columns[c]) + ": " + formatNumber(v, 3) + "</title></rect>";
        }
    if (labels) {
        for (std::size_t r = 0; r < nr; ++r)
            s += svg::text(x0 - 4, y0 + cell * (double(r) + 0.5) + 4, shorten(spec.rows[r], 24),
                           "end", 10, " fill=\"#333\"");
        for (std::size_t c = 0; c < nc; ++c) {
            const std::string x = svg::coord(x0 + cell * (double(c) + 0.5) + 3);
            const std::string y = svg::coord(y0 - 4);
            s += "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"10\" fill=\"#333\" " +
                 "transform=\"rotate(-60 " + x + " " + y + ")\">" +
                 escapeHtml(shorten(spec.columns[c], 24)) + "</text>";
        }
    }
    // The legend: ten swatches from high to low (no gradient ids, which would clash when
    // several charts sit inline in one HTML page).
    const double lx = x0 + cell * double(nc) + 20;
    s += svg::text(lx, y0 - 8, spec.legendLabel, "start", 10, " fill=\"#333\"");
    for (int i = 0; i < 10; ++i) {
        const double v = hi - (hi - lo) * i / 9.0;
        s += "<rect x=\"" + svg::coord(lx) + "\" y=\"" + svg::coord(y0 + 16.0 * i) +
             "\" width=\"16\" height=\"16\" fill=\"" + cellColor(v, lo, hi) +
             "\" stroke=\"#999\" stroke-width=\"0.5\"/>";
        if (i == 0 || i == 9 || i == 5)
            s += svg::text(lx + 22, y0 + 16.0 * i + 12, svg::tickLabel(v), "start", 10,
                           " fill=\"#333\"");
    }
    return s + "</svg>";
}

} // namespace srw
