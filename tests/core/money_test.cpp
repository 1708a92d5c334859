// money: exact öre, parsing of decimal strings, canonical text, checked arithmetic.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "orgmodel/core/checked.hpp"
#include "orgmodel/core/money.hpp"

namespace om = orgmodel;

TEST(Money, ParsesWholeAndDecimalAmounts) {
  // "4000000" SEK = 4 000 000 × 100 öre = 400 000 000 öre.
  EXPECT_EQ(om::money::parse("4000000")->minor(), 400'000'000);
  // "1.6" = 1 SEK 60 öre = 160 öre (one decimal means tenths of a krona).
  EXPECT_EQ(om::money::parse("1.6")->minor(), 160);
  EXPECT_EQ(om::money::parse("1.60")->minor(), 160);
  EXPECT_EQ(om::money::parse("0.05")->minor(), 5);
  EXPECT_EQ(om::money::parse("-12.05")->minor(), -1205);
  EXPECT_EQ(om::money::parse("+3")->minor(), 300);
  EXPECT_EQ(om::money::parse("0")->minor(), 0);
  EXPECT_EQ(om::money::parse("007.10")->minor(), 710);
}

TEST(Money, RejectsWhatIsNotAnExactAmount) {
  for (const char* bad : {"", "-", "+", ".5", "5.", "1.234", "1,5", "abc", "1e3", "12 ", " 12", "1.2.3", "--1", "0x10",
                          "1.-5", "١٢"})
    EXPECT_FALSE(om::money::parse(bad).has_value()) << '"' << bad << '"';
}

TEST(Money, ParseRejectsOverflowInsteadOfWrapping) {
  // INT64_MAX = 9 223 372 036 854 775 807 öre = 92 233 720 368 547 758.07 SEK: the largest amount.
  EXPECT_EQ(om::money::parse("92233720368547758.07")->minor(), std::numeric_limits<std::int64_t>::max());
  // One öre more does not fit.
  EXPECT_FALSE(om::money::parse("92233720368547758.08").has_value());
  EXPECT_FALSE(om::money::parse("99999999999999999999").has_value());
  EXPECT_FALSE(om::money::parse("92233720368547759").has_value());  // × 100 overflows
}

TEST(Money, TextHasTwoDecimals) {
  EXPECT_EQ(om::money::from_minor(616'023'200).str(), "6160232.00");
  EXPECT_EQ(om::money::from_minor(5).str(), "0.05");
  EXPECT_EQ(om::money::from_minor(-1205).str(), "-12.05");
  EXPECT_EQ(om::money::from_minor(-5).str(), "-0.05");
  EXPECT_EQ(om::money::from_minor(0).str(), "0.00");
  EXPECT_EQ(om::money::from_major(10).str(), "10.00");
  // INT64_MIN has no positive counterpart: its text must still be exact.
  EXPECT_EQ(om::money::from_minor(std::numeric_limits<std::int64_t>::min()).str(), "-92233720368547758.08");
  EXPECT_EQ(om::money::from_minor(std::numeric_limits<std::int64_t>::max()).str(), "92233720368547758.07");
}

TEST(Money, TextParsesBackToTheSameAmount) {
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{99}, std::int64_t{100},
                         std::int64_t{123456789}, std::numeric_limits<std::int64_t>::max()}) {
    auto m = om::money::from_minor(v);
    EXPECT_EQ(om::money::parse(m.str()), m) << v;
  }
}

TEST(Money, ArithmeticIsExactAndChecked) {
  auto a = *om::money::parse("0.10"), b = *om::money::parse("0.20");
  EXPECT_EQ((a + b).minor(), 30);  // no 0.30000000000000004
  EXPECT_EQ((b - a).minor(), 10);
  EXPECT_EQ((-a).minor(), -10);
  // 10 SEK × 30 221 inhabitants (Karlskoga, SCB 2023) = 302 210 SEK.
  EXPECT_EQ((om::money::from_major(10) * 30'221).str(), "302210.00");
  EXPECT_EQ((3 * a).minor(), 30);
  auto c = a;
  c += b;
  c -= a;
  EXPECT_EQ(c, b);
  EXPECT_LT(a, b);
  EXPECT_DOUBLE_EQ(om::money::from_minor(160).major(), 1.6);

  const auto max = om::money::from_minor(std::numeric_limits<std::int64_t>::max());
  const auto min = om::money::from_minor(std::numeric_limits<std::int64_t>::min());
  EXPECT_THROW((void)(max + om::money::from_minor(1)), om::arithmetic_error);
  EXPECT_THROW((void)(min - om::money::from_minor(1)), om::arithmetic_error);
  EXPECT_THROW((void)(-min), om::arithmetic_error);
  EXPECT_THROW((void)(max * 2), om::arithmetic_error);
  EXPECT_THROW((void)om::money::from_major(std::numeric_limits<std::int64_t>::max() / 10), om::arithmetic_error);
  try {
    (void)(max + max);
  } catch (const om::arithmetic_error& e) {
    EXPECT_EQ(e.code(), om::error_code::overflow);
    EXPECT_EQ(std::string(e.what()), "[orgmodel.arithmetic_error.overflow] money sum overflows 64 bits");
  }
}

TEST(Checked, MulDivRoundsHalfAwayFromZero) {
  // 7 × 1 / 2 = 3.5 → 4; −7 / 2 = −3.5 → −4; 5 / 3 = 1.67 → 2; 4 / 3 = 1.33 → 1.
  EXPECT_EQ(om::mul_div_round(7, 1, 2), 4);
  EXPECT_EQ(om::mul_div_round(-7, 1, 2), -4);
  EXPECT_EQ(om::mul_div_round(7, 1, -2), -4);
  EXPECT_EQ(om::mul_div_round(5, 1, 3), 2);
  EXPECT_EQ(om::mul_div_round(4, 1, 3), 1);
  // The product needs 128 bits: (2^62 × 6) / 4 = 2^62 × 1.5 = 6 917 529 027 641 081 856.
  EXPECT_EQ(om::mul_div_round(std::int64_t{1} << 62, 6, 4), 6'917'529'027'641'081'856);
  EXPECT_THROW((void)om::mul_div_round(std::int64_t{1} << 62, 4, 1), om::arithmetic_error);
  EXPECT_EQ(om::checked_add(2, 3), 5);
  EXPECT_THROW((void)om::checked_sub(std::numeric_limits<std::int64_t>::min(), 1), om::arithmetic_error);
}
