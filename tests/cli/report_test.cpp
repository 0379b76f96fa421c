// accord report --html: the page's content and safety, its atomic write,
// and the page in a real browser (headless Chromium via scripts/browser-check).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cctype>
#include <chrono>
#include <filesystem>
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

// The text between the first BEGIN and the next END after it, or "(none)".
// (No std::regex: GCC 12's regex trips -Wmaybe-uninitialized under the
// sanitizers.)
std::string between(const std::string& text, const std::string& begin, const std::string& end) {
  auto from = text.find(begin);
  if (from == std::string::npos) return "(none)";
  from += begin.size();
  auto to = text.find(end, from);
  return to == std::string::npos ? "(none)" : text.substr(from, to - from);
}

// Every tag of a page outside <script> and <style> content. Document text is
// escaped, so every other '<' opens a tag the report wrote.
std::vector<std::string> tags_of(const std::string& html) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    auto end = html.find('>', pos);
    if (end == std::string::npos) break;
    out.push_back(html.substr(pos, end - pos + 1));
    pos = end + 1;
    for (std::string raw : {"script", "style"}) {
      if (out.back().rfind("<" + raw, 0) == 0) pos = html.find("</" + raw + ">", pos);
    }
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The attributes of TAG, names lower-cased; values without their quotes.
std::vector<std::pair<std::string, std::string>> attributes(const std::string& tag) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = tag.find_first_of(" \t\n>");
  auto space = [&](std::size_t k) { return k < tag.size() && std::isspace(tag[k]); };
  while (i < tag.size()) {
    while (space(i)) ++i;
    std::size_t name = i;
    while (i < tag.size() && !space(i) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/') ++i;
    if (i == name) break;
    std::string key = lower(tag.substr(name, i - name));
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        auto close = tag.find(tag[i], i + 1);
        value = tag.substr(i + 1, close - i - 1);
        i = close == std::string::npos ? tag.size() : close + 1;
      } else {
        std::size_t v = i;
        while (i < tag.size() && !space(i) && tag[i] != '>') ++i;
        value = tag.substr(v, i - v);
      }
    }
    out.emplace_back(key, value);
  }
  return out;
}

std::string tag_name(const std::string& tag) {
  return lower(tag.substr(1, tag.find_first_of(" \t\n>") - 1));
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
  std::string nonce = between(html, "'nonce-", "'");
  ASSERT_EQ(24u, nonce.size()) << html.substr(0, 600);
  EXPECT_EQ(
      std::string::npos,
      nonce.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"));
  EXPECT_EQ(1u, count(html,
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                      "'none'; style-src 'nonce-" +
                          nonce + "'; script-src 'nonce-" + nonce +
                          "'; base-uri 'none'; form-action 'none'\">"));
  EXPECT_EQ(1u, count(html, "<style nonce=\"" + nonce + "\">"));
  EXPECT_EQ(1u, count(html, "<script nonce=\"" + nonce + "\">"));
  EXPECT_EQ(1u, count(html, "<style"));
  // No inline event handlers and no style attributes: the policy would block
  // them, and document text can never produce a tag (it is escaped).
  auto tags = tags_of(html);
  EXPECT_GT(tags.size(), 100u);
  for (const auto& tag : tags) {
    for (const auto& [name, value] : attributes(tag)) {
      EXPECT_NE(0u, name.rfind("on", 0)) << tag;
      EXPECT_NE("style", name) << tag;
    }
  }
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
  std::size_t links = 0;
  for (const auto& tag : tags_of(html)) {
    for (const char* loader : {"link", "iframe", "object", "embed", "img", "video", "audio",
                               "source", "base", "frame", "track", "portal"}) {
      EXPECT_NE(loader, tag_name(tag)) << tag;
    }
    for (const auto& [name, value] : attributes(tag)) {
      for (const char* url : {"src", "href", "action", "formaction", "poster", "data", "srcset",
                              "background", "ping", "manifest"}) {
        if (name != url) continue;
        ++links;
        EXPECT_EQ(0u, value.rfind('#', 0)) << tag;
      }
    }
  }
  EXPECT_GT(links, 0u);  // the badges' links to their findings
  EXPECT_EQ(std::string::npos, html.find("@import"));
  EXPECT_EQ(std::string::npos, html.find("url("));
  EXPECT_EQ(std::string::npos, html.find("@font-face"));
}

TEST(Report, EveryColumnHasALangAttribute) {
  MaliciousReport report;
  ASSERT_EQ(0, report.run.exit_code) << report.run.err;
  std::size_t columns = 0;
  for (const auto& tag : tags_of(report.html)) {
    auto attrs = attributes(tag);
    if (attrs.empty() || attrs[0].first != "class" || attrs[0].second.rfind("col ", 0) != 0) {
      continue;
    }
    ++columns;
    bool source = attrs[0].second.rfind("col src", 0) == 0;
    ASSERT_GE(attrs.size(), 2u) << tag;
    EXPECT_EQ("lang", attrs[1].first) << tag;
    EXPECT_EQ(source ? "en" : "et", attrs[1].second) << tag;
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
  // word_diff's runs, escaped (the link's "<mailto:…>" is part of the text).
  EXPECT_EQ(
      "If you have any questions about this policy, <del>write</del><ins>call</ins> "
      "<del>to</del><ins>+372</ins> <del>privacy@example.org</del><ins>5555</ins> <ins>1234 "
      "</ins>and we will answer you.<del> &lt;mailto:privacy@example.org&gt;</del>",
      between(html, "<p class=\"diff\" lang=\"en\">", "</p>"));
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
  std::string step =
      between(html, "<div class=\"step gapped\" id=\"pair-1-s2\">", "<div class=\"step");
  EXPECT_NE(std::string::npos, step.find("<h3 class=\"heading\" data-line=\"7\">2. Cookies"));
  EXPECT_NE(std::string::npos,
            step.find("<div class=\"col tgt gap\" lang=\"et\" data-label=\"ET\"><p "
                      "class=\"gap-note\" lang=\"en\">Missing in the translation</p></div>"));
  EXPECT_NE(std::string::npos, step.find("data-rule=\"missing-section\"")) << step;
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
