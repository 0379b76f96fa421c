#include "test_support.hpp"

#include <fcntl.h>
#include <git2.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace accord::test {
namespace fs = std::filesystem;

fs::path source_dir() { return ACCORD_SOURCE_DIR; }

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test: cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("test: cannot write " + path.string());
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "accord-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("test: mkdtemp failed");
  m_path = fs::canonical(tmpl);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

namespace {
void check(int rc, const char* what) {
  if (rc < 0) {
    const git_error* e = git_error_last();
    throw std::runtime_error(std::string("test: ") + what + ": " + (e ? e->message : "?"));
  }
}
}  // namespace

TestRepo::TestRepo() {
  git_libgit2_init();
  git_repository* repo = nullptr;
  check(git_repository_init(&repo, m_dir.path().c_str(), 0), "git_repository_init");
  m_repo = repo;
}

TestRepo::~TestRepo() {
  git_repository_free(static_cast<git_repository*>(m_repo));
  git_libgit2_shutdown();
}

void TestRepo::write(const std::string& rel, std::string_view bytes) {
  write_file(path() / rel, bytes);
}

std::string TestRepo::commit(const std::string& message, long long time, int offset_minutes) {
  return commit_as(message, time, "Accord Test", "test@example.org", nullptr, offset_minutes);
}

std::string TestRepo::commit_as(const std::string& message, long long time, const std::string& name,
                                const std::string& email, const char* encoding,
                                int offset_minutes) {
  auto* repo = static_cast<git_repository*>(m_repo);
  git_index* index = nullptr;
  check(git_repository_index(&index, repo), "index");
  git_strarray all{};
  char star[] = "*";
  char* paths[] = {star};
  all.strings = paths;
  all.count = 1;
  check(git_index_add_all(index, &all, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr), "add_all");
  check(git_index_update_all(index, &all, nullptr, nullptr), "update_all");
  check(git_index_write(index), "index write");
  git_oid tree_id;
  check(git_index_write_tree(&tree_id, index), "write_tree");
  git_index_free(index);
  git_tree* tree = nullptr;
  check(git_tree_lookup(&tree, repo, &tree_id), "tree lookup");
  git_signature* sig = nullptr;
  check(git_signature_new(&sig, name.c_str(), email.c_str(), time, offset_minutes), "sig");
  git_commit* parent = nullptr;
  git_oid head;
  int parents = 0;
  if (git_reference_name_to_id(&head, repo, "HEAD") == 0) {
    check(git_commit_lookup(&parent, repo, &head), "parent");
    parents = 1;
  }
  git_oid id;
  const git_commit* parent_list[] = {parent};
  check(git_commit_create(&id, repo, "HEAD", sig, sig, encoding, message.c_str(), tree, parents,
                          parent_list),
        "commit");
  git_commit_free(parent);
  git_signature_free(sig);
  git_tree_free(tree);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

RunResult run_accord(const std::vector<std::string>& args, const fs::path& cwd) {
  TempDir io;
  fs::path out_path = io / "out";
  fs::path err_path = io / "err";
  std::vector<std::string> argv_s = {ACCORD_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
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
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    std::string_view v(*e);
    if (v.rfind("NO_COLOR=", 0) == 0) continue;
    env_s.emplace_back(v);
  }
  env_s.emplace_back("NO_COLOR=1");
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("test: cannot run " + argv_s[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

std::string sh_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string shell(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return "popen failed";
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int rc = pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

}  // namespace accord::test
