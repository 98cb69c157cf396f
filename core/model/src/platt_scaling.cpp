#include "srw/model/platt_scaling.h"

#include <cmath>
#include <stdexcept>

namespace srw {
namespace {

/** log(1 + e^x) without overflow. */
double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

constexpr double kRidge = 1e-4; // relative to the total weight: a nudge, not a prior

double objective(const std::vector<double>& z, const std::vector<std::uint8_t>& y,
                 const std::vector<double>& w, double totalW, double a, double b) {
    double sum = 0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        const double t = a * z[i] + b;
        sum += w[i] * (y[i] ? softplus(-t) : softplus(t));
    }
    return sum / totalW + 0.5 * kRidge * ((a - 1) * (a - 1) + b * b);
}

} // namespace

double PlattScaling::apply(double logit) const { return sigmoid(scale * logit + bias); }

PlattScaling fitPlattScaling(const std::vector<double>& z, const std::vector<std::uint8_t>& y,
                             const std::vector<double>& w) {
    if (z.size() != y.size() || z.size() != w.size())
        throw std::invalid_argument("fitPlattScaling: logits, labels and weights differ in length");
    PlattScaling out;
    out.pairs = z.size();
    double totalW = 0;
    for (double x : w)
        totalW += x;
    if (z.empty() || !(totalW > 0))
        return out;
    double a = 1, b = 0;
    out.lossBefore = objective(z, y, w, totalW, a, b) ;
    double current = out.lossBefore;
    for (int iter = 0; iter < 50; ++iter) {
        // Gradient and Hessian of the mean weighted log-loss in (a, b).
        double ga = kRidge * (a - 1), gb = kRidge * b, haa = kRidge, hab = 0, hbb = kRidge;
        for (std::size_t i = 0; i < z.size(); ++i) {
            const double p = sigmoid(a * z[i] + b);
            const double r = w[i] / totalW * (p - (y[i] ? 1.0 : 0.0));
            const double h = w[i] / totalW * p * (1 - p);
            ga += r * z[i];
            gb += r;
            haa += h * z[i] * z[i];
            hab += h * z[i];
            hbb += h;
        }
        const double det = haa * hbb - hab * hab;
        if (!(det > 0))
            break;
        const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
        // Step halving keeps every step a descent (the ridge makes the problem strictly convex).
        double step = 1, next = current;
        for (; step > 1e-6; step *= 0.5) {
            next = objective(z, y, w, totalW, a - step * da, b - step * db);
            if (next <= current)
                break;
        }
        if (step <= 1e-6)
            break;
        a -= step * da;
        b -= step * db;
        const bool converged = current - next < 1e-12;
        current = next;
        if (converged)
            break;
    }
    out.scale = a;
    out.bias = b;
    out.lossAfter = current - 0.5 * kRidge * ((a - 1) * (a - 1) + b * b);
    return out;
}

} // namespace srw
