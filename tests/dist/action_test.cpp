// The GitHub Action (action.yml, scripts/action) and the workflow example in
// docs/github-actions.md. Both YAML files are parsed and checked against each
// other; then the workflow is run as a runner would, in a scratch git
// repository: its `run:` steps and the action's are executed with bash, the
// GitHub variables pointing at scratch files, the accord of this build tree
// on PATH (so the action's install step finds it and downloads nothing), and
// apt-get replaced by a stub that records its arguments. `uses:` steps other
// than the action itself are skipped with a note; the SARIF upload is
// recorded with the file it would upload.
#include <gtest/gtest.h>
#include <regex.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::sh_quoted;
using test::shell;
using test::slurp;
using test::source_dir;
using test::TempDir;
using test::write_file;

const std::string k_version = ACCORD_VERSION;
const std::string k_action_ref = "v" + k_version;
const std::string k_action_uses = "OWNER/accord@" + k_action_ref;

// The fenced ```yaml blocks of docs/github-actions.md.
std::vector<std::string> doc_yaml_blocks() {
  std::istringstream in(slurp(source_dir() / "docs/github-actions.md"));
  std::vector<std::string> blocks;
  std::string line;
  std::optional<std::string> block;
  while (std::getline(in, line)) {
    if (!block && line == "```yaml") {
      block.emplace();
    } else if (block && line == "```") {
      blocks.push_back(*block);
      block.reset();
    } else if (block) {
      *block += line + "\n";
    }
  }
  return blocks;
}

// The doc's block that has KEY at its top level.
YAML::Node doc_block_with(const std::string& key) {
  for (const auto& text : doc_yaml_blocks()) {
    YAML::Node node = YAML::Load(text);
    if (node.IsMap() && node[key]) return node;
  }
  ADD_FAILURE() << "docs/github-actions.md has no ```yaml block with a top-level '" << key << "'";
  return YAML::Node();
}

YAML::Node action_yaml() { return YAML::LoadFile((source_dir() / "action.yml").string()); }

std::string str(const YAML::Node& node) { return node ? node.as<std::string>() : std::string(); }

// What ${{ }} can see: the action's inputs, the outputs of earlier steps,
// and the github context.
struct Context {
  std::map<std::string, std::string> inputs;
  std::map<std::string, std::map<std::string, std::string>> steps;
  std::set<std::string> not_run;  // ids of steps skipped after a failure
  std::map<std::string, std::string> github;
  std::string runner_temp;
};

bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// Value of one expression. Only the forms the workflow and the action use
// are known; anything else fails the test, so that a new expression cannot
// slip through unexecuted. (No std::regex: GCC 12 warns inside it at -O2.)
std::string evaluate(const std::string& expr, const Context& ctx) {
  std::string_view e = expr;
  if (e.rfind("inputs.", 0) == 0 && is_name(e.substr(7))) {
    auto it = ctx.inputs.find(std::string(e.substr(7)));
    if (it != ctx.inputs.end()) return it->second;
    ADD_FAILURE() << "${{ " << expr << " }}: no such input";
  } else if (auto dot = e.find(".outputs.");
             e.rfind("steps.", 0) == 0 && dot != std::string_view::npos &&
             is_name(e.substr(6, dot - 6)) && is_name(e.substr(dot + 9))) {
    auto step = ctx.steps.find(std::string(e.substr(6, dot - 6)));
    if (step == ctx.steps.end()) {
      if (ctx.not_run.count(std::string(e.substr(6, dot - 6)))) return "";
      ADD_FAILURE() << "${{ " << expr << " }}: no earlier step with that id";
      return "";
    }
    auto it = step->second.find(std::string(e.substr(dot + 9)));
    return it == step->second.end() ? "" : it->second;
  } else if (e.rfind("github.", 0) == 0 && is_name(e.substr(7))) {
    auto it = ctx.github.find(std::string(e.substr(7)));
    if (it != ctx.github.end()) return it->second;
    ADD_FAILURE() << "${{ " << expr << " }}: not stubbed by this test";
  } else if (expr == "runner.temp") {
    return ctx.runner_temp;
  } else {
    ADD_FAILURE() << "${{ " << expr << " }}: an expression this test does not know";
  }
  return "";
}

std::string expand(const std::string& text, const Context& ctx) {
  std::string out;
  std::size_t last = 0;
  for (auto open = text.find("${{"); open != std::string::npos; open = text.find("${{", last)) {
    auto close = text.find("}}", open);
    if (close == std::string::npos) {
      ADD_FAILURE() << "unclosed ${{ in: " << text;
      break;
    }
    out += text.substr(last, open - last);
    out += evaluate(trimmed(std::string_view(text).substr(open + 3, close - open - 3)), ctx);
    last = close + 2;
  }
  return out + text.substr(last);
}

// A step's `if:`. The action has one form, "steps.ID.outputs.NAME != ''".
bool condition(const std::string& expr, const Context& ctx) {
  const std::string not_empty = " != ''";
  if (expr.size() > not_empty.size() &&
      expr.compare(expr.size() - not_empty.size(), not_empty.size(), not_empty) == 0 &&
      expr.rfind("steps.", 0) == 0) {
    return !evaluate(expr.substr(0, expr.size() - not_empty.size()), ctx).empty();
  }
  ADD_FAILURE() << "if: " << expr << ": a condition this test does not know";
  return false;
}

// The step ids named as steps.ID.outputs in TEXT.
std::vector<std::string> step_ids_read(const std::string& text) {
  std::vector<std::string> ids;
  for (auto at = text.find("steps."); at != std::string::npos; at = text.find("steps.", at + 1)) {
    auto end = text.find(".outputs.", at + 6);
    if (end != std::string::npos && is_name(std::string_view(text).substr(at + 6, end - at - 6))) {
      ids.push_back(text.substr(at + 6, end - at - 6));
    }
  }
  return ids;
}

// Whether TEXT matches the extended regular expression PATTERN (POSIX).
bool matches(const std::string& pattern, const std::string& text) {
  regex_t re;
  if (regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB) != 0) {
    ADD_FAILURE() << "bad pattern " << pattern;
    return false;
  }
  bool found = regexec(&re, text.c_str(), 0, nullptr, 0) == 0;
  regfree(&re);
  return found;
}

// Lines NAME=VALUE (and NAME<<DELIM … DELIM) of a $GITHUB_OUTPUT file.
std::map<std::string, std::string> read_outputs(const fs::path& file) {
  std::map<std::string, std::string> outputs;
  std::istringstream in(slurp(file));
  std::string line;
  while (std::getline(in, line)) {
    auto heredoc = line.find("<<");
    auto eq = line.find('=');
    if (heredoc != std::string::npos && (eq == std::string::npos || heredoc < eq)) {
      std::string delim = line.substr(heredoc + 2), value, next;
      while (std::getline(in, next) && next != delim) value += (value.empty() ? "" : "\n") + next;
      outputs[line.substr(0, heredoc)] = value;
    } else if (eq != std::string::npos) {
      outputs[line.substr(0, eq)] = line.substr(eq + 1);
    } else {
      ADD_FAILURE() << "$GITHUB_OUTPUT line without '=': " << line;
    }
  }
  return outputs;
}

// A job run: the exit code of the step that failed it (0: none did), the
// log of every step, what was skipped, and the SARIF file uploaded.
struct Job {
  int exit_code = 0;
  std::string log;
  std::vector<std::string> skipped;
  std::optional<fs::path> uploaded;
  std::map<std::string, std::string> action_outputs;
};

// Runs the doc's workflow in WORKSPACE. WITH overrides the action's `with:`.
class Runner {
 public:
  Runner(fs::path workspace, std::map<std::string, std::string> with = {})
      : m_workspace(std::move(workspace)), m_with_override(std::move(with)) {
    fs::create_directories(m_scratch / "home");
    fs::create_directories(m_scratch / "temp");
    fs::create_directories(m_scratch / "bin");
    // apt-get: records its arguments, installs nothing.
    write_file(m_scratch / "bin/apt-get",
               "#!/bin/sh\necho \"apt-get $*\" >> " + sh_quoted(apt_log().string()) + "\n");
    fs::permissions(m_scratch / "bin/apt-get", fs::perms::owner_all);
    write_file(apt_log(), "");
    write_file(summary(), "");
  }

  Job run() {
    YAML::Node workflow = doc_block_with("jobs");
    YAML::Node steps = workflow["jobs"]["accord"]["steps"];
    Context ctx;
    ctx.github = {{"workspace", m_workspace.string()}};
    ctx.runner_temp = (m_scratch / "temp").string();
    for (const auto& step : steps) {
      if (step["run"]) {
        // A workflow's run step without shell: is `bash -e {0}`.
        if (!run_step(step, ctx, "bash -e", {})) return m_job;
      } else if (str(step["uses"]).rfind("actions/checkout@", 0) == 0) {
        m_job.skipped.push_back(str(step["uses"]) + ": the scratch repository is the checkout");
      } else if (str(step["uses"]) == k_action_uses) {
        if (!run_action(step["with"])) return m_job;
      } else {
        ADD_FAILURE() << "workflow step this test cannot run: " << YAML::Dump(step);
        return m_job;
      }
    }
    return m_job;
  }

  fs::path apt_log() const { return m_scratch / "apt-get.log"; }
  fs::path summary() const { return m_scratch / "summary.md"; }
  fs::path home() const { return m_scratch / "home"; }

 private:
  // Runs the action's steps with its inputs from WITH (and the defaults).
  bool run_action(const YAML::Node& with) {
    YAML::Node action = action_yaml();
    Context ctx;
    for (const auto& input : action["inputs"]) {
      ctx.inputs[input.first.as<std::string>()] = str(input.second["default"]);
    }
    for (const auto& given : with) {
      std::string key = given.first.as<std::string>();
      EXPECT_TRUE(ctx.inputs.count(key))
          << "the workflow passes '" << key << "', which action.yml does not declare";
      ctx.inputs[key] = given.second.as<std::string>();
    }
    for (const auto& [key, value] : m_with_override) ctx.inputs[key] = value;
    ctx.github = {{"action_path", source_dir().string()},
                  {"action_ref", k_action_ref},
                  {"action_repository", "OWNER/accord"},
                  {"workspace", m_workspace.string()}};
    ctx.runner_temp = (m_scratch / "temp").string();
    std::map<std::string, std::string> env = {{"GITHUB_ACTION_PATH", source_dir().string()}};
    bool ok = true;
    for (const auto& step : action["runs"]["steps"]) {
      if (step["run"]) {
        EXPECT_EQ("bash", str(step["shell"])) << "a composite action's run step needs shell: bash";
        EXPECT_FALSE(step["if"]) << "this test runs run steps unconditionally";
        if (!run_step(step, ctx, "bash --noprofile --norc -eo pipefail", env)) {
          ok = false;
          break;
        }
      } else if (str(step["uses"]) == "github/codeql-action/upload-sarif@v3") {
        if (step["if"] && !condition(str(step["if"]), ctx)) {
          m_job.skipped.push_back("upload-sarif: its condition is false");
          continue;
        }
        m_job.uploaded = expand(str(step["with"]["sarif_file"]), ctx);
        m_job.skipped.push_back("upload-sarif: recorded, not uploaded");
      } else {
        ADD_FAILURE() << "action step this test cannot run: " << YAML::Dump(step);
        return false;
      }
    }
    // The outputs are there when a step fails too (the last step fails on
    // findings); those of steps that did not run are empty.
    for (const auto& step : action["runs"]["steps"]) {
      if (step["id"] && !ctx.steps.count(str(step["id"]))) ctx.not_run.insert(str(step["id"]));
    }
    for (const auto& output : action["outputs"]) {
      m_job.action_outputs[output.first.as<std::string>()] =
          expand(str(output.second["value"]), ctx);
    }
    return ok;
  }

  // Runs one run step with SHELL; false (and the job's exit code) if it fails.
  bool run_step(const YAML::Node& step, Context& ctx, const std::string& shell_command,
                std::map<std::string, std::string> env) {
    ++m_steps;
    fs::path script = m_scratch / ("step-" + std::to_string(m_steps) + ".sh");
    fs::path output = m_scratch / ("output-" + std::to_string(m_steps));
    fs::path github_env = m_scratch / ("env-" + std::to_string(m_steps));
    fs::path github_path = m_scratch / ("path-" + std::to_string(m_steps));
    write_file(script, expand(str(step["run"]), ctx));
    for (auto* f : {&output, &github_env, &github_path}) write_file(*f, "");
    for (const auto& var : step["env"]) {
      env[var.first.as<std::string>()] = expand(str(var.second), ctx);
    }
    const char* path = std::getenv("PATH");
    env["PATH"] = (m_scratch / "bin").string() + ":" +
                  fs::path(ACCORD_BINARY).parent_path().string() + ":" +
                  (path ? path : "/usr/bin:/bin");
    env["HOME"] = home().string();
    env["GITHUB_ACTIONS"] = "true";
    env["CI"] = "true";
    env["GITHUB_WORKSPACE"] = m_workspace.string();
    env["GITHUB_OUTPUT"] = output.string();
    env["GITHUB_ENV"] = github_env.string();
    env["GITHUB_PATH"] = github_path.string();
    env["GITHUB_STEP_SUMMARY"] = summary().string();
    env["RUNNER_TEMP"] = (m_scratch / "temp").string();
    std::string command = "cd " + sh_quoted(m_workspace.string()) + " && env";
    for (const auto& [key, value] : env) command += " " + key + "=" + sh_quoted(value);
    command += " " + shell_command + " " + sh_quoted(script.string());
    int status = -1;
    std::string log = shell(command, &status);
    m_job.log += "== " + str(step["name"]) + "\n" + log;
    if (step["id"]) ctx.steps[str(step["id"])] = read_outputs(output);
    EXPECT_EQ("", slurp(github_env)) << "a step wrote $GITHUB_ENV, which this test does not apply";
    EXPECT_EQ("", slurp(github_path))
        << "a step wrote $GITHUB_PATH, which this test does not apply";
    if (status != 0) m_job.exit_code = status;
    return status == 0;
  }

  fs::path m_workspace;
  std::map<std::string, std::string> m_with_override;
  TempDir m_dir;
  fs::path m_scratch = m_dir.path();
  int m_steps = 0;
  Job m_job;
};

// A git repository holding a copy of fixtures/FIXTURE (one commit, fixed
// author and date).
class FixtureRepo {
 public:
  explicit FixtureRepo(const std::string& fixture) {
    fs::copy(source_dir() / "fixtures" / fixture, m_repo.path(), fs::copy_options::recursive);
    m_repo.commit("Privacy policy in English and Estonian", 1767261600);
  }
  const fs::path& path() const { return m_repo.path(); }

 private:
  test::TestRepo m_repo;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

nlohmann::json read_json(const fs::path& file) { return nlohmann::json::parse(slurp(file)); }

TEST(ActionWorkflow, ActionDeclaresExactlyItsFourInputs) {
  YAML::Node action = action_yaml();
  EXPECT_EQ("composite", str(action["runs"]["using"]));
  std::set<std::string> inputs;
  for (const auto& input : action["inputs"]) {
    inputs.insert(input.first.as<std::string>());
    EXPECT_FALSE(str(input.second["description"]).empty()) << input.first.as<std::string>();
    EXPECT_FALSE(input.second["required"].as<bool>()) << input.first.as<std::string>();
  }
  EXPECT_EQ((std::set<std::string>{"paths", "fail-on", "baseline", "format"}), inputs);
  // Each input reaches a step, and every expression names something real.
  std::string text = slurp(source_dir() / "action.yml");
  for (const auto& input : inputs) {
    EXPECT_NE(std::string::npos, text.find("${{ inputs." + input + " }}")) << input << " is unused";
  }
  std::set<std::string> ids;
  for (const auto& step : action["runs"]["steps"]) {
    std::vector<std::string> values = {str(step["run"]), str(step["if"])};
    for (const auto& map : {step["env"], step["with"]}) {
      for (const auto& entry : map) values.push_back(str(entry.second));
    }
    for (const auto& value : values) {
      for (const auto& id : step_ids_read(value)) {
        EXPECT_TRUE(ids.count(id))
            << "step '" << str(step["name"]) << "' reads steps." << id << " before that step";
      }
    }
    if (step["run"]) {
      // Inputs reach scripts as environment variables, never as text.
      EXPECT_EQ(std::string::npos, str(step["run"]).find("${{")) << str(step["name"]);
    }
    if (step["id"]) ids.insert(str(step["id"]));
  }
}

TEST(ActionWorkflow, DocPinsThisVersionWithFullHistory) {
  YAML::Node workflow = doc_block_with("jobs");
  YAML::Node job = workflow["jobs"]["accord"];
  ASSERT_TRUE(job) << "no job 'accord' in the workflow example";
  EXPECT_EQ("debian:12", str(job["container"]));
  EXPECT_EQ("write", str(job["permissions"]["security-events"]));
  int checkout = -1, action = -1, i = 0;
  for (const auto& step : job["steps"]) {
    if (str(step["uses"]).rfind("actions/checkout@", 0) == 0) {
      checkout = i;
      EXPECT_EQ("0", str(step["with"]["fetch-depth"])) << "accord needs fetch-depth: 0";
    }
    if (str(step["uses"]) == k_action_uses) action = i;
    ++i;
  }
  EXPECT_NE(-1, checkout) << "no actions/checkout step";
  EXPECT_NE(-1, action) << "no step 'uses: " << k_action_uses << "'";
  EXPECT_LT(checkout, action);
  // The pre-commit example pins the same tag.
  YAML::Node pre_commit = doc_block_with("repos");
  EXPECT_EQ(k_action_ref, str(pre_commit["repos"][0]["rev"]));
  // And the tag is this version's, in the README and the changelog.
  std::string readme = slurp(source_dir() / "README.md");
  EXPECT_NE(std::string::npos, readme.find("`uses: " + k_action_uses + "`"))
      << "README's Install names the Action at this version";
  std::string changelog = slurp(source_dir() / "CHANGELOG.md");
  EXPECT_NE(std::string::npos, changelog.find("## " + k_version + " - ")) << "CHANGELOG.md";
}

TEST(ActionWorkflow, FindingsFailTheJobWithExit1AndTheSarifIsUploaded) {
  FixtureRepo repo("site");
  Runner runner(repo.path());
  Job job = runner.run();
  EXPECT_EQ(1, job.exit_code) << job.log;
  EXPECT_EQ("1", job.action_outputs["exit-code"]) << job.log;
  // Annotations, with paths from the repository root.
  EXPECT_EQ(6u, count(job.log, "::error file=content/privacy.et.md,line=")) << job.log;
  EXPECT_NE(std::string::npos,
            job.log.find("::error file=content/privacy.et.md,line=72,title=accord untranslated::"))
      << job.log;
  EXPECT_NE(std::string::npos, job.log.find("::error title=accord action::findings at or above"))
      << job.log;
  // The SARIF log: written, valid JSON, every finding, and the one uploaded.
  ASSERT_TRUE(job.uploaded) << job.log;
  EXPECT_EQ(job.action_outputs["sarif-file"], job.uploaded->string());
  ASSERT_TRUE(fs::exists(*job.uploaded)) << job.log;
  auto sarif = read_json(*job.uploaded);
  EXPECT_EQ("2.1.0", sarif["version"]);
  EXPECT_EQ(6u, sarif["runs"][0]["results"].size());
  // The workflow's git step ran (apt-get stubbed) and made the workspace safe.
  std::string apt = slurp(runner.apt_log());
  EXPECT_NE(std::string::npos,
            apt.find("apt-get install -y -qq --no-install-recommends git ca-certificates"))
      << apt;
  EXPECT_NE(std::string::npos, slurp(runner.home() / ".gitconfig").find(repo.path().string()));
  // The install step found the build tree's accord (the same version).
  EXPECT_NE(std::string::npos, job.log.find("is already on PATH")) << job.log;
  EXPECT_NE(std::string::npos, slurp(runner.summary()).find("Exit 1: findings")) << job.log;
  EXPECT_EQ(1u, std::count(job.skipped.begin(), job.skipped.end(),
                           "actions/checkout@v4: the scratch repository is the checkout"));
}

TEST(ActionWorkflow, CleanSitePassesWithExit0AndAnEmptySarif) {
  FixtureRepo repo("translated");
  Runner runner(repo.path());
  Job job = runner.run();
  EXPECT_EQ(0, job.exit_code) << job.log;
  EXPECT_EQ("0", job.action_outputs["exit-code"]) << job.log;
  EXPECT_EQ(std::string::npos, job.log.find("::error")) << job.log;
  ASSERT_TRUE(job.uploaded) << job.log;
  auto sarif = read_json(*job.uploaded);
  EXPECT_EQ("2.1.0", sarif["version"]);
  EXPECT_EQ(0u, sarif["runs"][0]["results"].size()) << sarif.dump();
  EXPECT_NE(std::string::npos, slurp(runner.summary()).find("Exit 0: no finding")) << job.log;
}

TEST(ActionWorkflow, FailOnNeverReportsFindingsButPasses) {
  FixtureRepo repo("site");
  Job job = Runner(repo.path(), {{"fail-on", "never"}}).run();
  EXPECT_EQ(0, job.exit_code) << job.log;
  EXPECT_EQ(6u, count(job.log, "::error file=content/privacy.et.md,line=")) << job.log;
}

TEST(ActionWorkflow, FormatWithoutSarifWritesAndUploadsNone) {
  FixtureRepo repo("site");
  Job job = Runner(repo.path(), {{"format", "github"}}).run();
  EXPECT_EQ(1, job.exit_code) << job.log;
  EXPECT_FALSE(job.uploaded);
  EXPECT_EQ("", job.action_outputs["sarif-file"]);
  EXPECT_EQ(6u, count(job.log, "::error file=content/privacy.et.md,line=")) << job.log;
}

TEST(ActionWorkflow, UnknownFormatIsAUsageError) {
  FixtureRepo repo("site");
  Job job = Runner(repo.path(), {{"format", "github html"}}).run();
  EXPECT_EQ(2, job.exit_code) << job.log;
  EXPECT_NE(std::string::npos, job.log.find("input 'format': unknown format 'html'")) << job.log;
}

TEST(ActionWorkflow, ShallowCheckoutFailsAndNamesFetchDepth) {
  FixtureRepo repo("site");
  TempDir scratch;
  fs::path shallow = scratch / "shallow";
  int status = -1;
  std::string out = shell("git clone -q --depth 1 " + sh_quoted("file://" + repo.path().string()) +
                              " " + sh_quoted(shallow.string()),
                          &status);
  ASSERT_EQ(0, status) << out;
  Job job = Runner(shallow).run();
  EXPECT_EQ(1, job.exit_code) << job.log;
  EXPECT_NE(std::string::npos, job.log.find("the checkout is shallow")) << job.log;
  EXPECT_NE(std::string::npos, job.log.find("'fetch-depth: 0'")) << job.log;
  EXPECT_EQ(std::string::npos, job.log.find("::error file=")) << "check ran on a shallow clone";
}

TEST(ActionWorkflow, WorkspaceThatIsNotARepositoryFails) {
  TempDir plain;
  fs::copy(source_dir() / "fixtures/site", plain.path(), fs::copy_options::recursive);
  Job job = Runner(plain.path()).run();
  EXPECT_EQ(1, job.exit_code) << job.log;
  EXPECT_NE(std::string::npos, job.log.find("is not a git repository")) << job.log;
}

TEST(ActionWorkflow, BaselineIsPassedOnOnlyWhenCheckHasIt) {
  FixtureRepo repo("site");
  Job job = Runner(repo.path(), {{"baseline", "accord-baseline.json"}}).run();
  int status = -1;
  bool has_baseline =
      shell(sh_quoted(ACCORD_BINARY) + " check --help", &status).find("--baseline") !=
      std::string::npos;
  ASSERT_EQ(0, status);
  if (has_baseline) {
    EXPECT_EQ(std::string::npos, job.log.find("is reserved")) << job.log;
  } else {
    EXPECT_EQ(2, job.exit_code) << job.log;
    EXPECT_NE(std::string::npos, job.log.find("input 'baseline' is reserved")) << job.log;
    EXPECT_EQ(std::string::npos, job.log.find("::error file=")) << "check ran without the baseline";
  }
}

TEST(PreCommitHooks, OneForTheInstalledBinaryAndOneBuiltFromSource) {
  YAML::Node hooks = YAML::LoadFile((source_dir() / ".pre-commit-hooks.yaml").string());
  std::map<std::string, YAML::Node> by_id;
  for (const YAML::Node& hook : hooks) by_id[str(hook["id"])] = hook;
  ASSERT_EQ(2u, by_id.size());
  ASSERT_TRUE(by_id.count("accord-check"));
  ASSERT_TRUE(by_id.count("accord-check-from-source"));
  EXPECT_EQ("system", str(by_id["accord-check"]["language"]));
  EXPECT_EQ("accord check", str(by_id["accord-check"]["entry"]));
  EXPECT_EQ("script", str(by_id["accord-check-from-source"]["language"]));
  fs::path entry = source_dir() / str(by_id["accord-check-from-source"]["entry"]);
  EXPECT_TRUE(fs::exists(entry)) << entry;
  EXPECT_NE(fs::perms::none, fs::status(entry).permissions() & fs::perms::owner_exec) << entry;
  const std::string files = str(by_id["accord-check"]["files"]);
  for (const auto& [id, hook] : by_id) {
    EXPECT_EQ(str(by_id["accord-check"]["files"]), str(hook["files"])) << id;
  }
  EXPECT_TRUE(matches(files, "content/privacy.et.md"));
  EXPECT_TRUE(matches(files, "site/content/legal/terms.md"));
  EXPECT_FALSE(matches(files, "README.md"));
  EXPECT_FALSE(matches(files, "docs/content.md"));
}

// The from-source hook's script, with the build tree's accord as its build
// (building it again would take minutes): pre-commit runs it in the site's
// repository with the staged files.
TEST(PreCommitHooks, FromSourceHookChecksTheFilesItIsGiven) {
  std::string script = sh_quoted((source_dir() / "scripts/pre-commit-from-source").string());
  std::string env =
      "ACCORD_PRE_COMMIT_BUILD=" + sh_quoted(fs::path(ACCORD_BINARY).parent_path().string()) + " ";
  for (const auto& [fixture, expected] : {std::pair{"site", 1}, std::pair{"translated", 0}}) {
    FixtureRepo repo(fixture);
    int status = -1;
    std::string out = shell(
        "cd " + sh_quoted(repo.path().string()) + " && " + env + script + " content/privacy.et.md",
        &status);
    EXPECT_EQ(expected, status) << fixture << ": " << out;
    EXPECT_EQ(expected == 1 ? 6u : 0u, count(out, ": error: [untranslated")) << out;
    EXPECT_EQ(std::string::npos, out.find("building accord")) << out;
  }
}

}  // namespace
}  // namespace accord
