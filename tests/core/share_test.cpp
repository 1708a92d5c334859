// share and share_range: exact fractions, parsing, canonical text, arithmetic and ordering.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "orgmodel/core/share.hpp"

namespace om = orgmodel;

TEST(Share, ParsesDecimalsPercentagesAndFractions) {
  EXPECT_EQ(*om::share::parse("0.25"), om::share(1, 4));
  EXPECT_EQ(*om::share::parse("25%"), om::share(1, 4));
  EXPECT_EQ(*om::share::parse("25 %"), om::share(1, 4));
  EXPECT_EQ(*om::share::parse("12.5 %"), om::share(1, 8));  // 12.5/100 = 125/1000 = 1/8
  EXPECT_EQ(*om::share::parse("1/52"), om::share(1, 52));
  EXPECT_EQ(*om::share::parse("2/4"), om::share(1, 2));
  EXPECT_EQ(*om::share::parse("1"), om::share::one());
  EXPECT_EQ(*om::share::parse("0"), om::share::zero());
  EXPECT_EQ(*om::share::parse("75%"), om::share::percent(75));
  // 150 % parses (the range check is the reader's and the validator's job).
  EXPECT_EQ(*om::share::parse("150%"), om::share(3, 2));
}

TEST(Share, RejectsJunk) {
  for (const char* bad : {"", "abc", "-0.25", "-1/2", "1/0", "1/", "/2", "25%%", "1/2%", ".5", "5.", "0.1.2", "1e-2",
                          "0.1234567890123456", "99999999999999999999", "%"})
    EXPECT_FALSE(om::share::parse(bad).has_value()) << '"' << bad << '"';
}

TEST(Share, IsReducedToLowestTerms) {
  om::share s(6, 8);
  EXPECT_EQ(s.numerator(), 3);
  EXPECT_EQ(s.denominator(), 4);
  om::share z(0, 17);
  EXPECT_EQ(z.denominator(), 1);
  om::share n(1, -2);  // the sign moves to the numerator
  EXPECT_EQ(n.numerator(), -1);
  EXPECT_EQ(n.denominator(), 2);
}

TEST(Share, TextIsDecimalWhenExactOtherwiseAFraction) {
  EXPECT_EQ(om::share(1, 4).str(), "0.25");
  EXPECT_EQ(om::share(3, 40).str(), "0.075");
  EXPECT_EQ(om::share(1, 1).str(), "1");
  EXPECT_EQ(om::share(3, 2).str(), "1.5");
  EXPECT_EQ(om::share(0, 1).str(), "0");
  EXPECT_EQ(om::share(1, 3).str(), "1/3");
  EXPECT_EQ(om::share(1, 52).str(), "1/52");
  // 1/2^20 has a finite decimal but 20 digits, more than the 15 the text allows: a fraction.
  EXPECT_EQ(om::share(1, 1 << 20).str(), "1/1048576");
  // A difference of shares can be negative: 1/4 − 1/2 = −1/4.
  EXPECT_EQ((om::share(1, 4) - om::share(1, 2)).str(), "-0.25");
  EXPECT_EQ((om::share(1, 3) - om::share(1, 2)).str(), "-1/6");
}

TEST(Share, TextParsesBackToTheSameShare) {
  for (om::share s : {om::share(1, 4), om::share(1, 52), om::share(7, 8), om::share(123456, 1000000), om::share(2, 3),
                      om::share(1, 1), om::share(0, 1)})
    EXPECT_EQ(*om::share::parse(s.str()), s) << s.str();
}

TEST(Share, ArithmeticIsExact) {
  // 40 % + 40 % + 20 % is exactly one.
  EXPECT_EQ(om::share::percent(40) + om::share::percent(40) + om::share::percent(20), om::share::one());
  // 25 % split among 13 owners: 13 × 1/52 = 1/4.
  om::share sum;
  for (int i = 0; i < 13; ++i) sum = sum + om::share(1, 52);
  EXPECT_EQ(sum, om::share(1, 4));
  EXPECT_EQ(om::share(3, 4) * om::share(2, 3), om::share(1, 2));
  EXPECT_EQ(om::share::one() - om::share(1, 3), om::share(2, 3));
  EXPECT_DOUBLE_EQ(om::share(1, 8).value(), 0.125);
  // Overflow is an error, not a wrap: (2^62)/1 + (2^62)/1 = 2^63 does not fit.
  const om::share big(std::int64_t{1} << 62, 1);
  EXPECT_THROW((void)(big + big), om::arithmetic_error);
  EXPECT_THROW((void)(big * big), om::arithmetic_error);
}

TEST(Share, OrderingComparesValuesExactly) {
  EXPECT_LT(om::share(1, 3), om::share(1, 2));
  EXPECT_GT(om::share(2, 3), om::share(3, 5));
  EXPECT_EQ(om::share(1, 3) <=> om::share(2, 6), std::strong_ordering::equal);
  // Cross products need 128 bits: (2^62−1)/(2^62) < 1.
  const std::int64_t b = std::int64_t{1} << 62;
  EXPECT_LT(om::share(b - 1, b), om::share::one());
}

TEST(ShareRange, ExactAndIntervals) {
  om::share_range exact(om::share(1, 4));
  EXPECT_TRUE(exact.exact());
  EXPECT_DOUBLE_EQ(exact.mid(), 0.25);
  om::share_range range(om::share::percent(10), om::share::percent(15));
  EXPECT_FALSE(range.exact());
  EXPECT_DOUBLE_EQ(range.mid(), 0.125);  // (0.10 + 0.15) / 2
  EXPECT_EQ(range, om::share_range(om::share(1, 10), om::share(3, 20)));
  EXPECT_NE(range, exact);
  om::share_range def;
  EXPECT_TRUE(def.exact());
  EXPECT_EQ(def.low, om::share::zero());
}
