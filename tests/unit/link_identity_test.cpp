// Link identity, stamps, reordering and the Markdown-aware classification
// of a section pair (issue 15). Each rule has a case that fires and one
// that stays quiet.
#include "change/link_identity.hpp"

#include <gtest/gtest.h>

#include <accord/change.hpp>

#include "change/stamps.hpp"

namespace accord {
namespace {

std::string kinds(const Classification& c) {
  std::string out;
  for (const auto& r : c.reasons) out += (out.empty() ? "" : ",") + r.kind;
  return out;
}

TEST(LinkIdentity, TrackingParametersAreNotTheResource) {
  EXPECT_TRUE(
      same_resource("https://x.example/a?utm_source=mail&utm_medium=web", "https://x.example/a"));
  EXPECT_TRUE(
      same_resource("https://x.example/a?gclid=Cj0KCQjw&fbclid=IwAR2", "https://x.example/a"));
  EXPECT_TRUE(same_resource("https://x.example/t?aid=304142;label=gen173nr-1FCAE;sid=9a8e",
                            "https://x.example/t?aid=356980&label=gen173nr-1BCAE&sid=0f1e"));
  EXPECT_TRUE(
      same_resource("https://x.example/p?labscom-did=0b6f3e0e-52b4-4d1a-9c3f-7f3c1e2a9d10",
                    "https://x.example/p?labscom-did=c3a9f1d2-7e44-4b8c-a2d1-5e6f7a8b9c0d"));
}

TEST(LinkIdentity, ParametersThatNameAPageAreTheResource) {
  EXPECT_FALSE(
      same_resource("https://x.example/hc?id=360001234", "https://x.example/hc?id=360009876"));
  EXPECT_FALSE(same_resource("https://x.example/i.php?page=terms-2023",
                             "https://x.example/i.php?page=terms-2025"));
  // A short value under an unknown name is kept: a video id, not a token.
  EXPECT_FALSE(same_resource("https://v.example/watch?v=dQw4w9WgXcQ",
                             "https://v.example/watch?v=aBcDeFgHiJk"));
}

TEST(LinkIdentity, ValueShapesMarkSessionTokens) {
  EXPECT_TRUE(link::is_token_value("0b6f3e0e-52b4-4d1a-9c3f-7f3c1e2a9d10"));
  EXPECT_TRUE(link::is_token_value("e3b0c44298fc1c149afbf4c8996fb92427ae41e4"));
  EXPECT_TRUE(link::is_token_value("1717171717"));
  EXPECT_FALSE(link::is_token_value("terms-2023"));
  EXPECT_FALSE(link::is_token_value("360001234"));
  EXPECT_TRUE(same_resource("https://c.example/d.png?v=3f9a1c7be2d04f6a8c5b",
                            "https://c.example/d.png?v=9b2e4d6f8a0c1e3f5a7d"));
}

TEST(LinkIdentity, SchemeHostFragmentOrderAndSlash) {
  EXPECT_TRUE(same_resource("http://ico.example/complain/", "https://ico.example/complain"));
  EXPECT_TRUE(same_resource("https://staging.clip.example/g/", "https://www.clip.example/g/"));
  EXPECT_TRUE(same_resource("https://trust-staging.m.example/s", "https://trust.m.example/s"));
  EXPECT_TRUE(same_resource("#content", "#user-content-content"));
  EXPECT_TRUE(same_resource("https://h.example/f?b=2&a=1", "https://h.example/f?a=1;b=2"));
  EXPECT_TRUE(same_resource("https://h.example/a%2Db", "https://h.example/a-b"));
  // Another site, another path, a developer portal: another resource.
  EXPECT_FALSE(same_resource("https://a.example/optout", "https://b.example/optout"));
  EXPECT_FALSE(same_resource("https://x.example/cookies", "https://x.example/cookies-2"));
  EXPECT_FALSE(same_resource("https://dev.x.example/terms", "https://x.example/terms"));
}

TEST(LinkIdentity, RedirectWrappersAreUnwrapped) {
  EXPECT_TRUE(same_resource("https://l.p.example/l.php?u=https%3A%2F%2Fopt.example%2F&h=AT0f3",
                            "https://opt.example/"));
  EXPECT_FALSE(same_resource("https://l.p.example/l.php?u=https%3A%2F%2Fopt.example%2F&h=AT0f3",
                             "https://l.p.example/l.php?u=https%3A%2F%2Fother.example%2F&h=AT0f3"));
}

TEST(LinkIdentity, DifferenceSaysWhatChanged) {
  EXPECT_EQ("same resource: http -> https",
            link::difference("http://a.example/x", "https://a.example/x"));
  EXPECT_EQ(
      "same resource: tracking or session parameter utm_source",
      link::difference("https://a.example/x?utm_source=a", "https://a.example/x?utm_source=b"));
}

TEST(Classify, UrlInTextRewrittenToTheSameResourceIsEditorial) {
  auto c = classify_change("More at http://www.choices.example/ today.",
                           "More at https://www.choices.example/ today.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("link", kinds(c));
  EXPECT_EQ("same resource: http -> https", c.reasons[0].detail);
  auto d = classify_change("More at https://a.example/x today.",
                           "More at https://a.example/y today.", "en");
  EXPECT_TRUE(d.substantial);
}

TEST(Stamps, FoundAtLineStartsAndAfterSeparators) {
  auto s = stamp::find_stamps("Privacy Notice. Last Updated: 12th June 2023.");
  ASSERT_EQ(1u, s.size());
  EXPECT_EQ("Last Updated", s[0].label);
  EXPECT_EQ("12th June 2023", s[0].value);
  EXPECT_FALSE(s[0].effective);
  auto v = stamp::find_stamps("Versioon 2.4, viimati uuendatud 1. augustil 2024");
  ASSERT_EQ(2u, v.size());
  EXPECT_EQ("2.4", v[0].value);
  EXPECT_EQ("1. augustil 2024", v[1].value);
  auto e = stamp::find_stamps("Last updated and effective: 22 Dec 2023");
  ASSERT_EQ(1u, e.size());
  EXPECT_TRUE(e[0].effective);
  // A sentence of the policy is not a stamp.
  EXPECT_TRUE(stamp::find_stamps("This policy was last updated on March 3, 2025.").empty());
  EXPECT_TRUE(stamp::find_stamps("Version 2 of the app collects less.").empty());
}

TEST(Stamps, MonthDates) {
  EXPECT_EQ((std::vector<std::string>{"9 April 2026"}),
            stamp::month_dates_in("effective as of 9 April 2026."));
  EXPECT_EQ((std::vector<std::string>{"3. märtsil 2025"}),
            stamp::month_dates_in("uuendati viimati 3. märtsil 2025."));
  EXPECT_TRUE(stamp::month_dates_in("You may ask us.").empty());
}

TEST(Classify, ARevisionStampIsEditorialAndAnEffectiveDateIsNot) {
  auto c = classify_change("Last updated: 22 Dec 2023\nWe keep logs.",
                           "Last updated: 5 Sept 2024\nWe keep logs.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("stamp", kinds(c));
  EXPECT_NE(std::string::npos, c.reasons[0].detail.find("not the effective date"));
  auto e = classify_change("Effective date: 1 January 2024", "Effective date: 1 March 2025", "en");
  EXPECT_TRUE(e.substantial);
  EXPECT_EQ("date", kinds(e));
  EXPECT_NE(std::string::npos, e.reasons[0].detail.find("the effective date"));
  auto s = classify_change("This policy was last updated on March 3, 2025.",
                           "This policy was last updated on March 3, 2026.", "en");
  EXPECT_TRUE(s.substantial);
}

TEST(Classify, SameContentWordsReorderedAreEditorial) {
  auto c = classify_change(
      "We process it for Stayfinder's or a third-party's legitimate interests.",
      "We process it for the legitimate interests of Stayfinder or of a third-party.", "en");
  EXPECT_FALSE(c.substantial) << kinds(c);
  EXPECT_EQ("reordered", kinds(c));
  auto roles = classify_change("Stayfinder shares details with the provider.",
                               "The provider shares details with Stayfinder.", "en");
  EXPECT_TRUE(roles.substantial);
  auto et = classify_change("Sinu nõusolekul jagame andmeid partneritega.",
                            "Jagame andmeid partneritega sinu nõusolekul.", "et");
  EXPECT_FALSE(et.substantial);
  auto added = classify_change("Sinu nõusolekul jagame andmeid partneritega.",
                               "Jagame andmeid ja asukohta partneritega sinu nõusolekul.", "et");
  EXPECT_TRUE(added.substantial);
}

TEST(Classify, SentencesInAnotherOrderAreMoved) {
  auto c = classify_change("We do A. We do B. We do C.", "We do B. We do A. We do C.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("moved", kinds(c));
  auto d = classify_change("We do A. We do B.", "We do B. We do D.", "en");
  EXPECT_TRUE(d.substantial);
}

TEST(ClassifyMarkdown, BareUrlMadeALinkIsMarkup) {
  auto c = classify_markdown_change("Findings: <https://r.example/2024>.",
                                    "Findings in [its report](https://r.example/2024).", "en");
  EXPECT_FALSE(c.substantial) << kinds(c);
  EXPECT_EQ("markup", kinds(c));
  auto d = classify_markdown_change("See our [Cookie Policy] (https://w.example/c).",
                                    "See our [Cookie Policy](https://w.example/c).", "en");
  EXPECT_FALSE(d.substantial) << kinds(d);
  auto e = classify_markdown_change("See [the policy](https://w.example/c).",
                                    "See [the new policy](https://w.example/c).", "en");
  EXPECT_TRUE(e.substantial);
}

TEST(ClassifyMarkdown, LinkDestinationsOfOneResourceAreEditorial) {
  auto c = classify_markdown_change("Read [the terms](https://t.example/terms?ref=footer).",
                                    "Read [the terms](https://t.example/terms?ref=menu).", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("link", kinds(c));
  auto d = classify_markdown_change("Read [the terms](https://t.example/terms).",
                                    "Read [the terms](https://t.example/legal).", "en");
  EXPECT_TRUE(d.substantial);
  EXPECT_EQ("url", kinds(d));
}

TEST(ClassifyMarkdown, SiteChromeIsEditorialButAListOfPartnersIsNot) {
  auto c = classify_markdown_change(
      "- [Home](/)\n- [Blog](/blog)\n- [Help](/help)\n\nWe keep logs.",
      "- [Home](/)\n- [Blog](/blog)\n- [Jobs](/jobs)\n- [Help](/help)\n\nWe keep logs.", "en");
  EXPECT_FALSE(c.substantial) << kinds(c);
  EXPECT_EQ("chrome", kinds(c));
  EXPECT_EQ("Jobs", c.reasons[0].new_value);
  auto d = classify_markdown_change(
      "- [Alpha](https://alpha.example/p)\n- [Beta](https://beta.example/p)\n- "
      "[Gamma](https://gamma.example/p)",
      "- [Alpha](https://alpha.example/p)\n- [Beta](https://beta.example/p)\n- "
      "[Gamma](https://gamma.example/p)\n- [Delta](https://delta.example/p)",
      "en");
  EXPECT_TRUE(d.substantial);
}

TEST(ClassifyMarkdown, ReasonsDoNotRepeat) {
  auto c = classify_markdown_change(
      "[A](https://s.example/a?sid=1a2b3c4d5e6f7a8b9c0d) "
      "[B](https://s.example/b?sid=1a2b3c4d5e6f7a8b9c0d) text",
      "[A](https://s.example/a?sid=9f8e7d6c5b4a39281706) "
      "[B](https://s.example/b?sid=9f8e7d6c5b4a39281706) text",
      "en");
  EXPECT_FALSE(c.substantial);
  ASSERT_EQ(1u, c.reasons.size()) << kinds(c);
  EXPECT_EQ("same resource: tracking or session parameter sid (2 links)", c.reasons[0].detail);
}

}  // namespace
}  // namespace accord
