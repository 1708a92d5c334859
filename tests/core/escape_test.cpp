// escape_control_characters (core/escape.hpp): every expected string below is written by hand.
#include <gtest/gtest.h>

#include <string>

#include "orgmodel/core/escape.hpp"

TEST(EscapeControlCharacters, C0AndDelAreWrittenOut) {
  using orgmodel::escape_control_characters;
  EXPECT_EQ(escape_control_characters(std::string("a\x1b[2Jb", 6)), "a\\x1b[2Jb");
  EXPECT_EQ(escape_control_characters(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(escape_control_characters("line\nnext\r\tend"), "line\\nnext\\r\\tend");
  EXPECT_EQ(escape_control_characters("\x7f\x01\x1f"), "\\x7f\\x01\\x1f");
}

TEST(EscapeControlCharacters, TextIsKeptAndC1AndBadBytesAreMarked) {
  using orgmodel::escape_control_characters;
  EXPECT_EQ(escape_control_characters("Västerås \\ 100 %"), "Västerås \\ 100 %");  // UTF-8 and backslash unchanged
  EXPECT_EQ(escape_control_characters("\xC2\x9B" "31m"), "\\u009b31m");       // U+009B, the one-byte CSI
  EXPECT_EQ(escape_control_characters("\xC2\xA0"), "\xC2\xA0");                // U+00A0 is no control
  EXPECT_EQ(escape_control_characters("a\xFF" "b\xC3"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");  // stray and truncated → U+FFFD
}
