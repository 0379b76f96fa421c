// Benchmarks of the check pipeline on generated 2,000-section documents.
// Run: build/tests/accord_bench [--benchmark_filter=…]; figures go to
// docs/performance.md. Not a test: it asserts nothing and CI does not run it.
#include <benchmark/benchmark.h>

#include <accord/align.hpp>
#include <accord/check.hpp>
#include <accord/config.hpp>
#include <string>

namespace {

// Sentences in each language with the same invariants, so the generated
// pair is a faithful translation at scale.
const char* k_en[] = {
    "We keep your data for {n} days after you close your account.",
    "You can write to support@example.org at any time to ask what we store.",
    "Our payment partner Maksekeskus AS processes card payments on our behalf.",
    "Read more on https://www.example.org/privacy about how cookies work.",
    "We may update this policy and will notify you at least {n} days in advance.",
    "Your items are protected while you collaborate with other people."};
const char* k_et[] = {
    "Säilitame teie andmeid {n} päeva pärast konto sulgemist.",
    "Võite igal ajal kirjutada aadressile support@example.org, et küsida, mida me säilitame.",
    "Meie maksepartner Maksekeskus AS töötleb kaardimakseid meie nimel.",
    "Lugege lähemalt aadressil https://www.example.org/privacy, kuidas küpsised töötavad.",
    "Võime seda poliitikat uuendada ja teavitame teid vähemalt {n} päeva ette.",
    "Teie üksused on kaitstud, kui teete teistega koostööd."};

std::string fill(const char* pattern, int n) {
  std::string s = pattern;
  auto pos = s.find("{n}");
  if (pos != std::string::npos) s.replace(pos, 3, std::to_string(n));
  return s;
}

std::string generate(bool estonian, int sections) {
  std::string out = estonian ? "---\ntitle: Privaatsuspoliitika\n---\n\n"
                             : "---\ntitle: Privacy Policy\n---\n\n";
  for (int s = 1; s <= sections; ++s) {
    out += "{{% title4 \"" + std::to_string(s) + ". " +
           (estonian ? "Jaotis number " : "Section number ") + std::to_string(s) + "\" %}}\n\n";
    int paragraphs = 1 + s % 3;
    for (int p = 0; p < paragraphs; ++p) {
      int k = (s + p) % 6;
      out += fill(estonian ? k_et[k] : k_en[k], 7 + (s * 7 + p) % 90);
      out += ' ';
      out += fill(estonian ? k_et[(k + 1) % 6] : k_en[(k + 1) % 6], 3 + s % 11);
      out += "\n\n";
    }
  }
  return out;
}

struct Pair {
  accord::Document source;
  accord::Document target;
};

const Pair& pair() {
  static const Pair p = [] {
    Pair out;
    out.source = *accord::parse_document(generate(false, 2000), "p.en.md");
    out.target = *accord::parse_document(generate(true, 2000), "p.et.md");
    return out;
  }();
  return p;
}

void BM_Parse2000Sections(benchmark::State& state) {
  std::string text = generate(true, 2000);
  for (auto _ : state) {
    auto doc = accord::parse_document(text, "p.et.md");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Parse2000Sections)->Unit(benchmark::kMillisecond);

void BM_Align2000Sections(benchmark::State& state) {
  const Pair& p = pair();
  for (auto _ : state) {
    auto a = accord::align_sections(p.source, p.target, {"en", "et", 0});
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_Align2000Sections)->Unit(benchmark::kMillisecond);

void BM_AlignAndCheck2000Sections(benchmark::State& state) {
  const Pair& p = pair();
  static const accord::LanguageIdentifier langid({"en", "et"});
  accord::Config defaults;
  std::size_t findings = 0;
  for (auto _ : state) {
    accord::PairInput in{p.source, p.target, "p.en.md", "p.et.md", "en", "et", defaults.translatable_keys};
    auto f = accord::check_pair(in, langid);
    findings = f.size();
    benchmark::DoNotOptimize(f);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_AlignAndCheck2000Sections)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
