// accord report --html: the page's content and safety, its atomic write,
// and the page in a real browser (headless Chromium via scripts/browser-check).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "test_support.hpp"

extern char** environ;

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::run_accord;
using test::RunResult;
using test::slurp;
using test::source_dir;
using test::TempDir;
using test::write_file;

constexpr const char* k_hugo = R"(defaultContentLanguage = "en"
[languages]
  [languages.en]
    weight = 1
  [languages.et]
    weight = 2
)";

constexpr const char* k_source = R"(---
title: "Privacy <script>window.__pwned=3</script> Policy"
ogImage: "https://example.org/logo.png"
---

# 1. Introduction <script>window.__pwned=4</script>

We keep your e-mail address for 30 days and never sell it to anyone.

<script>window.__pwned=1</script>

<img src=x onerror="window.__pwned=2">

# 2. Contacts

If you have any questions about this policy, write to privacy@example.org and we will answer you.
)";

constexpr const char* k_target = R"(---
title: "Privaatsus <script>window.__pwned=3</script> poliitika"
ogImage: "https://evil.example/x.png"
---

# 1. Sissejuhatus <script>window.__pwned=4</script>

Hoiame teie e-posti aadressi 14 päeva ja ei müü seda kunagi kellelegi.

<script>window.__pwned=1</script>

<img src=x onerror="window.__pwned=2">

# 2. Contacts

If you have any questions about this policy, write to privacy@example.org and we will answer you.
)";

// A Hugo site whose pair carries script payloads everywhere text can go,
// with findings of three rules and two severities.
void write_malicious_site(const fs::path& root) {
  write_file(root / "hugo.toml", k_hugo);
  write_file(root / "content/policy.en.md", k_source);
  write_file(root / "content/policy.et.md", k_target);
}

// Runs ARGV (argv[0] looked up in PATH) in CWD, capturing its output.
RunResult run_program(const std::vector<std::string>& args, const fs::path& cwd = {}) {
  TempDir io;
  fs::path out_path = io / "out";
  fs::path err_path = io / "err";
  std::vector<std::string> argv_s = args;
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  RunResult r;
  if (rc != 0) {
    r.err = "cannot run " + argv_s[0];
    return r;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

std::size_t count(const std::string& text, const std::regex& re) {
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

// Files in DIR other than KEEP: left-over temporary files.
std::vector<std::string> others_in(const fs::path& dir, const std::string& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename() != keep) out.push_back(e.path().filename().string());
  }
  return out;
}

// The report of the malicious site, made once per test.
struct MaliciousReport {
  TempDir dir;
  std::string html;
  RunResult run;
  MaliciousReport() {
    write_malicious_site(dir / "site");
    run = run_accord({"report", "--html", (dir / "report.html").string(), (dir / "site").string()});
    if (fs::exists(dir / "report.html")) html = slurp(dir / "report.html");
  }
};

TEST(ReportBrowser, MaliciousPairRunsNothingLoadsNothingAndFiltersWork) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  fs::path shot = report.dir / "shot.png";
  auto start = std::chrono::steady_clock::now();
  auto r = run_program({"python3", (source_dir() / "scripts/browser-check").string(),
                        (report.dir / "report.html").string(), "--screenshot", shot.string(),
                        "--click-filter", "untranslated"});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(0, r.exit_code) << r.out << r.err
                            << "\n(needs Debian's chromium and chromium-driver: scripts/setup)";
  EXPECT_NE(std::string::npos, r.out.find("browser-check: ok: ")) << r.out;
  std::string png = slurp(shot);
  EXPECT_EQ(0u, png.rfind("\x89PNG\r\n\x1a\n", 0));
  EXPECT_GT(png.size(), 4096u);
  EXPECT_LT(seconds, 90.0);
}

TEST(ReportBrowser, ExampleSitePassesInTheBrowser) {
  TempDir dir;
  auto made =
      run_accord({"report", "--html", (dir / "site.html").string(), "fixtures/site"}, source_dir());
  ASSERT_EQ(0, made.exit_code) << made.err;
  auto r = run_program({"python3", (source_dir() / "scripts/browser-check").string(),
                        (dir / "site.html").string(), "--click-filter", "untranslated"});
  EXPECT_EQ(0, r.exit_code) << r.out << r.err;
}

TEST(Report, MaliciousPairWritesTheReportAndSaysSo) {
  MaliciousReport report;
  EXPECT_EQ(0, report.run.exit_code) << report.run.err;
  EXPECT_EQ("wrote " + (report.dir / "report.html").string() +
                ": 2 errors, 1 warning in 1 pair\nnote: " + (report.dir / "site").string() +
                ": not in a git repository; the history rules (outdated) were skipped\n",
            report.run.out);
  EXPECT_EQ("", report.run.err);
  EXPECT_EQ(1u, count(report.html, "data-rule=\"untranslated\" data-severity=\"error\""));
  EXPECT_EQ(1u, count(report.html, "data-rule=\"invariant-mismatch\" data-severity=\"error\""));
  EXPECT_EQ(1u,
            count(report.html, "data-rule=\"front-matter-mismatch\" data-severity=\"warning\""));
}

TEST(Report, EscapesEveryPieceOfDocumentText) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  const std::string& html = report.html;
  EXPECT_NE(std::string::npos, html.find("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
  EXPECT_NE(std::string::npos, html.find("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;"));
  // The title in front matter, on both sides. The document model drops the
  // headings' inline HTML and keeps its text: both headings, and the
  // invariant-mismatch message that quotes the target's.
  EXPECT_EQ(2u, count(html, "&lt;script&gt;window.__pwned=3&lt;/script&gt;"));
  EXPECT_EQ(3u, count(html, "window.__pwned=4"));
  EXPECT_EQ(std::string::npos, html.find("<script>window.__pwned"));
  EXPECT_EQ(std::string::npos, html.find("<img"));
  EXPECT_EQ(std::string::npos, html.find("onerror=\""));
  // The page's own script is the only one.
  EXPECT_EQ(1u, count(html, "<script"));
}

TEST(Report, ContentSecurityPolicyAllowsOnlyTheNoncedInlineCode) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  const std::string& html = report.html;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      html, m,
      std::regex("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'nonce-([A-Za-z0-9+/=]{24})'; script-src 'nonce-\\1'; "
                 "base-uri 'none'; form-action 'none'\">")))
      << html.substr(0, 600);
  std::string nonce = m[1];
  EXPECT_EQ(1u, count(html, "<style nonce=\"" + nonce + "\">"));
  EXPECT_EQ(1u, count(html, "<script nonce=\"" + nonce + "\">"));
  EXPECT_EQ(1u, count(html, "<style"));
  // No inline event handlers and no style attributes: the policy would block
  // them, and document text can never produce a tag (it is escaped).
  EXPECT_EQ(0u, count(html, std::regex("<[^>]*\\son[a-z]+\\s*=", std::regex::icase)));
  EXPECT_EQ(0u, count(html, std::regex("<[^>]*\\sstyle\\s*=", std::regex::icase)));
  // A fresh nonce per report.
  MaliciousReport again;
  EXPECT_EQ(std::string::npos, again.html.find(nonce));
}

TEST(Report, LoadsNothingFromOutside) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  const std::string& html = report.html;
  // The documents' URLs are shown as text; no attribute points anywhere but
  // into the page itself.
  EXPECT_NE(std::string::npos, html.find("https://evil.example/x.png"));
  EXPECT_EQ(0u, count(html, std::regex("\\s(src|href|action|poster|data)\\s*=\\s*\"(?!#)",
                                       std::regex::icase)));
  EXPECT_EQ(0u, count(html, std::regex("<(link|iframe|object|embed|img|video|audio|source|base)\\b",
                                       std::regex::icase)));
  EXPECT_EQ(std::string::npos, html.find("@import"));
  EXPECT_EQ(std::string::npos, html.find("url("));
  EXPECT_EQ(std::string::npos, html.find("@font-face"));
  EXPECT_GT(count(html, "href=\"#f-"), 0u);  // badges link to their findings
}

TEST(Report, EveryColumnHasALangAttribute) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  std::regex column("<div class=\"col (src|tgt)[^\"]*\"([^>]*)>");
  std::size_t columns = 0;
  for (std::sregex_iterator it(report.html.begin(), report.html.end(), column), end; it != end;
       ++it) {
    ++columns;
    std::string expected = (*it)[1] == "src" ? " lang=\"en\"" : " lang=\"et\"";
    EXPECT_EQ(0u, (*it)[2].str().rfind(expected, 0)) << it->str();
  }
  EXPECT_GE(columns, 10u);
  EXPECT_NE(std::string::npos, report.html.find("<html lang=\"en\">"));
}

TEST(Report, OutsideGitTheNoticeStatusSaysSo) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  EXPECT_NE(std::string::npos, report.html.find("Notice status <span class=\"muted\">(from git "
                                                "history)</span>"));
  EXPECT_EQ(2u, count(report.html,
                      "<td colspan=\"3\" class=\"muted\">not in a git "
                      "repository</td>"));
}

TEST(Report, GitHistoryGivesTheDateInForceAndTheNextEffectiveDate) {
  test::TestRepo repo;
  write_malicious_site(repo.path());
  repo.commit("Privacy policy\n", 1704153600);  // 2024-01-02
  repo.write("content/policy.en.md", std::string(k_source) + "\nA new paragraph.\n");
  std::string next = repo.commit("New retention rules\n\nEffective-Date: 2999-01-01\n", 1706745600);
  TempDir out;
  auto r = run_accord({"report", "--html", (out / "r.html").string(), repo.path().string()});
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::string html = slurp(out / "r.html");
  EXPECT_NE(std::string::npos,
            html.find("<td>2999-01-01 <span class=\"muted\">(Effective-Date trailer)</span><span "
                      "class=\"commit\" title=\"New retention rules\"><code>" +
                      next.substr(0, 12) + "</code> New retention rules</span></td><td>2</td>"))
      << html;
  EXPECT_EQ(2u, count(html, "<td>2024-01-02 <span class=\"muted\">(commit date)</span>"));
  EXPECT_EQ(1u, count(html, "<td>none committed</td><td>1</td>"));
}

TEST(Report, OutdatedSectionShowsTheWordDiffOfItsSource) {
  test::TestRepo repo;
  write_malicious_site(repo.path());
  repo.commit("Privacy policy\n", 1704153600);  // 2024-01-02
  std::string source = k_source;
  source.replace(source.find("write to privacy@example.org"), 28, "call +372 5555 1234");
  repo.write("content/policy.en.md", source);
  repo.commit("Contacts: phone instead of e-mail\n", 1706745600);
  TempDir out;
  auto r = run_accord({"report", "--html", (out / "r.html").string(), repo.path().string()});
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::string html = slurp(out / "r.html");
  EXPECT_EQ(1u, count(html, "data-rule=\"outdated\" data-severity=\"error\""));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, std::regex("<p class=\"diff\" lang=\"en\">(.*)</p>")))
      << html;
  // word_diff's runs, escaped (the link's "<mailto:…>" is part of the text).
  EXPECT_EQ(
      "If you have any questions about this policy, <del>write</del><ins>call</ins> "
      "<del>to</del><ins>+372</ins> <del>privacy@example.org</del><ins>5555</ins> <ins>1234 "
      "</ins>and we will answer you.<del> &lt;mailto:privacy@example.org&gt;</del>",
      m[1].str());
  EXPECT_NE(std::string::npos, html.find("“Contacts: phone instead of e-mail”")) << html;
}

TEST(Report, AnUntranslatedParagraphIsHighlightedAloneAndAMissingSectionAtItsGap) {
  TempDir dir;
  write_file(dir / "site/hugo.toml", k_hugo);
  write_file(dir / "site/content/p.en.md", R"(# 1. Introduction

Thank you for using our service. We help companies keep their content up to date.

We describe below how we collect, use and store your data when you use our services.

# 2. Cookies

We use cookies to remember your settings and to measure how our pages are used.

# 3. Contacts

Write to us at privacy@example.org if you have any questions about your data.
)");
  write_file(dir / "site/content/p.et.md", R"(# 1. Sissejuhatus

Täname teid meie teenuse kasutamise eest. Aitame ettevõtetel hoida oma sisu ajakohasena.

We describe below how we collect, use and store your data when you use our services.

Kirjeldame allpool, kuidas me teie andmeid kogume, kasutame ja säilitame, kui kasutate meie teenuseid ja veebisaite igapäevaselt.

# 3. Kontaktid

Kirjutage meile aadressil privacy@example.org, kui teil on küsimusi oma andmete kohta.
)");
  auto r = run_accord({"report", "--html", (dir / "r.html").string(), (dir / "site").string()});
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::string html = slurp(dir / "r.html");
  // The block at the finding's line, not its section.
  EXPECT_EQ(1u, count(html,
                      "<div class=\"block k-paragraph hl\" data-line=\"5\" "
                      "data-mark-rule=\"untranslated\"><a class=\"badge\" href=\"#f-1\" "
                      "lang=\"en\">untranslated</a><p>We describe below"));
  EXPECT_EQ(1u, count(html, " hl\""));
  EXPECT_EQ(1u, count(html, "<h3 class=\"heading\" data-line=\"1\">1. Sissejuhatus</h3>"));
  // The missing section is a gap in the translation's column, with its
  // finding in the same step.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      html, m,
      std::regex("<div class=\"step gapped\" id=\"pair-1-s2\">([^]*?)\n</div>\n<div "
                 "class=\"step")))
      << html;
  EXPECT_NE(std::string::npos, m[1].str().find("<h3 class=\"heading\" data-line=\"7\">2. Cookies"));
  EXPECT_NE(std::string::npos,
            m[1].str().find("<div class=\"col tgt gap\" lang=\"et\" data-label=\"ET\"><p "
                            "class=\"gap-note\" lang=\"en\">Missing in the translation</p></div>"));
  EXPECT_NE(std::string::npos, m[1].str().find("data-rule=\"missing-section\""));
}

TEST(Report, ExampleSiteShowsTheFiveUntranslatedSectionsAndTheDescription) {
  TempDir dir;
  auto r =
      run_accord({"report", "--html", (dir / "site.html").string(), "fixtures/site"}, source_dir());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("wrote " + (dir / "site.html").string() + ": 6 errors, 0 warnings in 1 pair\n", r.out);
  std::string html = slurp(dir / "site.html");
  EXPECT_EQ(6u, count(html, "<article class=\"finding"));
  EXPECT_EQ(5u, count(html, "data-rule=\"untranslated\" data-severity=\"error\""));
  EXPECT_EQ(1u, count(html, "data-rule=\"untranslated-front-matter\" data-severity=\"error\""));
  for (int line : {72, 77, 89, 95, 122}) {
    EXPECT_EQ(1u, count(html, "<h3 class=\"heading hl\" data-line=\"" + std::to_string(line) +
                                  "\" data-mark-rule=\"untranslated\">"))
        << line;
  }
  EXPECT_EQ(1u, count(html,
                      "<div class=\"block fmkey hl\" data-line=\"4\" "
                      "data-mark-rule=\"untranslated-front-matter\">"));
  EXPECT_NE(std::string::npos, html.find("<span class=\"k\" lang=\"en\">description</span> "
                                         "<span class=\"v\">Aligner - Privacy Policy</span>"));
  EXPECT_NE(std::string::npos, html.find("<dt>pairs</dt><dd>1</dd>"));
  EXPECT_NE(std::string::npos, html.find("<dt>documents</dt><dd>2</dd>"));
  EXPECT_NE(std::string::npos, html.find("<tr><td>untranslated</td><td>error</td><td>5</td></tr>"));
  EXPECT_NE(std::string::npos,
            html.find("<tr class=\"zero\"><td>missing-section</td><td>error</td><td>0</td></tr>"));
  EXPECT_NE(std::string::npos, html.find("6 of 6 findings shown"));
}

TEST(Report, BadOutputPathIsExit2WithTheExactMessage) {
  TempDir dir;
  write_file(dir / "file", "not a folder");
  std::string target = (dir / "file/report.html").string();
  auto r = run_accord({"report", "--html", target, "fixtures/site"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + target + ": cannot create a temporary file in " +
                (dir / "file").string() +
                ": Not a directory; check that the folder exists and is writable, or choose "
                "another output path\n",
            r.err);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("not a folder", slurp(dir / "file"));
}

TEST(Report, MissingOutputFolderIsExit2) {
  TempDir dir;
  std::string target = (dir / "no/such/report.html").string();
  auto r = run_accord({"report", "--html", target, "fixtures/site"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + target + ": cannot create a temporary file in " +
                (dir / "no/such").string() +
                ": No such file or directory; check that the folder exists and is writable, or "
                "choose another output path\n",
            r.err);
  EXPECT_FALSE(fs::exists(dir / "no"));
}

TEST(Report, InputErrorLeavesTheOldReportIntact) {
  TempDir dir;
  write_file(dir / "report.html", "the old report");
  auto r = run_accord({"report", "--html", (dir / "report.html").string(), "no/such/site"},
                      source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: no/such/site: no such file or folder; check the path\n", r.err);
  EXPECT_EQ("the old report", slurp(dir / "report.html"));
  EXPECT_EQ(std::vector<std::string>{}, others_in(dir.path(), "report.html"));
}

TEST(Report, FullDiskLeavesTheOldReportIntact) {
  TempDir dir;
  fs::path target = dir / "report.html";
  write_file(target, "the old report");
  // ulimit -f in a shell of its own: the limit applies to accord alone.
  auto r = run_program({"/bin/sh", "-c", "ulimit -f 16 && exec \"$@\"", "sh", ACCORD_BINARY,
                        "report", "--html", target.string(), "fixtures/site"},
                       source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + target.string() +
                ": cannot write it: File too large; free disk space (or raise the file size "
                "limit) and run again; the previous file is unchanged\n",
            r.err);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("the old report", slurp(target));
  EXPECT_EQ(std::vector<std::string>{}, others_in(dir.path(), "report.html"));
}

TEST(Report, ASecondRunReplacesTheReport) {
  TempDir dir;
  write_file(dir / "report.html", "the old report");
  auto r = run_accord({"report", "--html", (dir / "report.html").string(), "fixtures/translated"},
                      source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  std::string html = slurp(dir / "report.html");
  EXPECT_EQ(0u, html.rfind("<!DOCTYPE html>\n", 0));
  EXPECT_NE(std::string::npos, html.find("0 of 0 findings shown"));
  EXPECT_EQ(std::vector<std::string>{}, others_in(dir.path(), "report.html"));
}

TEST(Report, HtmlOptionIsRequired) {
  auto r = run_accord({"report", "fixtures/site"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: --html is required; see 'accord --help'\n", r.err);
}

TEST(Report, HelpSaysThatReportHasNoFailOn) {
  auto r = run_accord({"report", "--help"}, source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("report has no\n--fail-on; gate CI with 'accord check'"))
      << r.out;
}

}  // namespace
}  // namespace accord
