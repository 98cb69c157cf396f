// Escaping of untrusted text: markup, quotes, control characters and broken UTF-8.
#include "srw/report/html_escape.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace srw;

struct EscapeCase {
    std::string in, out;
};

class EscapeHtml : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeHtml, GivesSafeText) {
    EXPECT_EQ(escapeHtml(GetParam().in), GetParam().out);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EscapeHtml,
    ::testing::Values(
        EscapeCase{"plain", "plain"},
        EscapeCase{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        EscapeCase{"a & b", "a &amp; b"},
        EscapeCase{"\"double\" 'single'", "&quot;double&quot; &#39;single&#39;"},
        EscapeCase{"tab\tnew\nline", "tab\tnew\nline"},
        EscapeCase{std::string("nul\0x", 5), "nul\xEF\xBF\xBDx"},
        EscapeCase{"bell\x07 esc\x1b del\x7f", "bell\xEF\xBF\xBD esc\xEF\xBF\xBD del\xEF\xBF\xBD"},
        EscapeCase{"c1 \xC2\x85", "c1 \xEF\xBF\xBD"},
        EscapeCase{"broken \xC3", "broken \xEF\xBF\xBD"},
        EscapeCase{"overlong \xC0\xBC", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
        EscapeCase{"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        EscapeCase{"中文 ✓ 😀", "中文 ✓ 😀"}));

TEST(FormatNumber, FixedDecimalsAndDashForNaN) {
    EXPECT_EQ(formatNumber(0.12345), "0.1235");
    EXPECT_EQ(formatNumber(2.0, 1), "2.0");
    EXPECT_EQ(formatNumber(NAN), "\xE2\x80\x93");
}
