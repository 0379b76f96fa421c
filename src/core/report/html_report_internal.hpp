// The parts of the HTML report, one file each: the page and its summary
// (html_report.cpp), one pair side by side (html_report_pair.cpp), the inline
// CSS and JS (html_report_assets.cpp), git history (html_report_history.cpp).
#pragma once

#include <accord/html_report.hpp>
#include <string>
#include <string_view>

namespace accord::html {

// The page's stylesheet and script, without <style>/<script> tags. Neither
// contains "</" so they cannot close their element early.
std::string_view stylesheet();
std::string_view script();

// Appends html_escape(TEXT) to OUT.
void escape_to(std::string& out, std::string_view text);

// Appends the <section class="pair"> of PAIR, the INDEX-th pair (1-based:
// ids "pair-INDEX"). Findings get ids "f-N" in page order, N counting on
// from NEXT_FINDING, which is advanced.
void render_pair(const ReportPair& pair, std::size_t index, std::size_t& next_finding,
                 std::string& out);

}  // namespace accord::html
