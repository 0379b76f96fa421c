#include <gtest/gtest.h>

#include <accord/date.hpp>
#include <accord/text.hpp>

namespace accord {
namespace {

TEST(Date, ParsesTheWholeYearRange) {
  ASSERT_TRUE(parse_date("0001-01-01"));
  ASSERT_TRUE(parse_date("9999-12-31"));
  EXPECT_EQ(parse_date("9999-12-31")->to_string(), "9999-12-31");
  EXPECT_FALSE(parse_date("0000-01-01"));
  EXPECT_FALSE(parse_date("2024-00-10"));
  EXPECT_FALSE(parse_date("2024-04-31"));
  EXPECT_FALSE(parse_date("2024/04/30"));
  EXPECT_FALSE(parse_date(" 2024-04-30"));
}

TEST(Date, LocalTimeReadsTheOffset) {
  // 2024-04-02T01:00:00Z
  const long long t = 1712019600;
  EXPECT_EQ(iso_time(t, 0), "2024-04-02T01:00:00+00:00");
  EXPECT_EQ(iso_time(t, -300), "2024-04-01T20:00:00-05:00");
  EXPECT_EQ(iso_time(t, 330), "2024-04-02T06:30:00+05:30");
  EXPECT_EQ(local_time(t, -300).date, (Date{2024, 4, 1}));
  EXPECT_EQ(local_time(t, 0).date, (Date{2024, 4, 2}));
  EXPECT_EQ(local_time(t, -300).hour, 20);
}

TEST(Date, LocalTimeBeforeTheEpoch) { EXPECT_EQ(iso_time(-1, 0), "1969-12-31T23:59:59+00:00"); }

TEST(Date, TodayIsARealDay) {
  Date today = today_local();
  ASSERT_TRUE(parse_date(today.to_string())) << today.to_string();
  EXPECT_GE(today.year, 2024);
}

TEST(CollapseSpace, OneSpaceBetweenWordsNoneAtTheEnds) {
  EXPECT_EQ(collapse_space("  a \t\n b\r\n\fc\v "), "a b c");
  EXPECT_EQ(collapse_space("abc"), "abc");
  EXPECT_EQ(collapse_space(" \n\t "), "");
  EXPECT_EQ(collapse_space(""), "");
  // U+00A0 is not ASCII white space: kept.
  EXPECT_EQ(collapse_space("a\xC2\xA0 b"), "a\xC2\xA0 b");
}

TEST(ToValidUtf8, ReplacesEachMaximalSubpart) {
  EXPECT_EQ(to_valid_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(to_valid_utf8("a\xFF"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  // A truncated three-byte sequence is one maximal subpart: one U+FFFD.
  EXPECT_EQ(to_valid_utf8("a\xE2\x82"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  // Two stray continuation bytes are two.
  EXPECT_EQ(to_valid_utf8("\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(to_valid_utf8(""), "");
}

}  // namespace
}  // namespace accord
