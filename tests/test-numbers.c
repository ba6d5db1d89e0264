/* test-numbers.c
 *
 * Copyright 2026 The Gazette developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-numbers"

#include "config.h"

#include <string.h>

#include "gazette-numbers.h"

/* Sentences copied from data/sample/districts.json. */
#define THAI_TITLE "เซียวชานตั้งเป้าเศรษฐกิจสารสนเทศทะลุ 1.2 แสนล้านหยวนภายในปี 2565"
#define THAI_SUMMARY "เขตเซียวชาน นครหางโจว " \
  "ตั้งเป้าให้เศรษฐกิจสารสนเทศมีมูลค่าเกิน 1.2 แสนล้านหยวน " \
  "และอุตสาหกรรมหลักด้านเศรษฐกิจดิจิทัลมีมูลค่าเกิน 7.2 หมื่นล้านหยวนภายในปี 2565 " \
  "โดยเน้นพัฒนาคลัสเตอร์อุตสาหกรรม 4 ด้าน"
#define CHINESE_SUMMARY "萧山区提出，到2022年全区信息经济规模突破1200亿元、数字经济核心产业规模超过720亿元，" \
  "重点培育人工智能、智慧医疗、工业大数据和智能制造四大产业集群。"
#define CHINESE_BODY \
  "规划中提到的企业包括网易、商汤科技、科大讯飞、微医和先临三维等。" \
  "中共萧山区委书记佟桂莉表示：“数字经济是萧山发展的第一动能。”" \
  "把发展数字经济作为全区经济转型升级的“一号工程”"
#define ENGLISH_SUMMARY \
  "Xiaoshan District aims to grow its information economy above 120 billion " \
  "yuan and its core digital-economy industries above 72 billion yuan by 2022, built around " \
  "four industrial clusters."
#define ENGLISH_BODY \
  "Companies named in the plan include NetEase, SenseTime, iFLYTEK, WeDoctor and SHINING 3D."

static void
assert_amount (const char *text,
               double      value,
               const char *currency)
{
  GazetteAmount amount = { 0, };

  g_test_message ("amount: %s", text);
  g_assert_true (gazette_parse_amount (text, &amount));
  g_assert_cmpfloat (amount.value, ==, value);
  g_assert_cmpstr (amount.currency, ==, currency);
}

static void
assert_not_amount (const char *text)
{
  GazetteAmount amount = { 0, };

  g_test_message ("not an amount: %s", text);
  g_assert_false (gazette_parse_amount (text, &amount));
}

static void
assert_year (const char *text,
             int         expected)
{
  int year = 0;

  g_test_message ("year: %s", text);
  g_assert_true (gazette_parse_year (text, &year));
  g_assert_cmpint (year, ==, expected);
}

static void
assert_not_year (const char *text)
{
  int year = 0;

  g_test_message ("not a year: %s", text);
  g_assert_false (gazette_parse_year (text, &year));
}

static void
assert_span (const char *text,
             gsize       start,
             gsize       end,
             const char *expected)
{
  g_autofree char *span = NULL;

  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, strlen (text));
  span = g_strndup (text + start, end - start);
  g_assert_cmpstr (span, ==, expected);
}

static void
assert_found_amount (const char *text,
                     GArray     *amounts,
                     guint       index,
                     const char *span,
                     double      value,
                     const char *currency)
{
  const GazetteAmount *amount;

  g_assert_cmpuint (index, <, amounts->len);
  amount = &g_array_index (amounts, GazetteAmount, index);
  assert_span (text, amount->start, amount->end, span);
  g_assert_cmpfloat (amount->value, ==, value);
  g_assert_cmpstr (amount->currency, ==, currency);
}

static void
assert_found_year (const char *text,
                   GArray     *years,
                   guint       index,
                   const char *span,
                   int         year)
{
  const GazetteYearMatch *match;

  g_assert_cmpuint (index, <, years->len);
  match = &g_array_index (years, GazetteYearMatch, index);
  assert_span (text, match->start, match->end, span);
  g_assert_cmpint (match->year, ==, year);
}

static void
test_thai_scales (void)
{
  assert_amount ("1.20 แสนล้านหยวน", 120000000000.0, "CNY");
  assert_amount ("1.2 แสนล้านหยวน", 120000000000.0, "CNY");
  assert_amount ("7.2 หมื่นล้านหยวน", 72000000000.0, "CNY");
  assert_amount ("3 พันล้านบาท", 3000000000.0, "THB");
  assert_amount ("2.5 ล้านคน", 2500000.0, NULL);
  assert_amount ("2.5 ล้าน", 2500000.0, NULL);
  assert_amount ("5 พัน", 5000.0, NULL);
  assert_amount ("4 หมื่น", 40000.0, NULL);
  assert_amount ("6 แสน", 600000.0, NULL);
  assert_amount ("2 ล้านล้านบาท", 2e12, "THB");
  assert_amount ("1.2แสนล้านหยวน", 120000000000.0, "CNY");
  assert_amount ("  1.2  แสนล้าน  หยวน  ", 120000000000.0, "CNY");
  assert_amount ("500 บาท", 500.0, "THB");
  assert_amount ("฿500", 500.0, "THB");
  assert_amount ("฿ 3 ล้าน", 3e6, "THB");

  /* "พันธุ์" (variety) is not พัน; a unit word alone is no amount. */
  assert_not_amount ("5 พันธุ์");
  assert_not_amount ("หมื่น");
  assert_not_amount ("แสนล้านหยวน");
  assert_not_amount ("ล้านคน");
}

static void
test_thai_digits (void)
{
  assert_amount ("๑.๒ แสนล้านหยวน", 120000000000.0, "CNY");
  assert_amount ("๗.๒ หมื่นล้านหยวน", 72000000000.0, "CNY");
  assert_amount ("๓ พันล้านบาท", 3e9, "THB");
  assert_amount ("๑๒๓", 123.0, NULL);
  assert_amount ("๑,๒๐๐ บาท", 1200.0, "THB");
  assert_amount ("1๒3", 123.0, NULL);
  assert_amount ("๑๒๐๐亿元", 1.2e11, "CNY");
}

static void
test_chinese_numerals (void)
{
  assert_amount ("七百二十亿元", 7.2e10, "CNY");
  assert_amount ("一千二百亿", 1.2e11, NULL);
  assert_amount ("十二", 12.0, NULL);
  assert_amount ("十", 10.0, NULL);
  assert_amount ("二十", 20.0, NULL);
  assert_amount ("二十五", 25.0, NULL);
  assert_amount ("一百零五", 105.0, NULL);
  assert_amount ("一千零十", 1010.0, NULL);
  assert_amount ("两千", 2000.0, NULL);
  assert_amount ("三万五千", 35000.0, NULL);
  assert_amount ("三万五", 35000.0, NULL);
  assert_amount ("一百五", 150.0, NULL);
  assert_amount ("一亿零五百万", 105000000.0, NULL);
  assert_amount ("三亿五千万", 350000000.0, NULL);
  assert_amount ("一亿五", 150000000.0, NULL);
  assert_amount ("一万亿", 1e12, NULL);
  assert_amount ("五", 5.0, NULL);
  assert_amount ("零", 0.0, NULL);
  assert_amount ("二〇二二", 2022.0, NULL);
  assert_amount ("一二三", 123.0, NULL);
  assert_amount ("人民币七百二十亿元", 7.2e10, "CNY");
  assert_amount ("三元", 3.0, "CNY");

  /* Words, not numbers. */
  assert_not_amount ("一些");
  assert_not_amount ("千万");
  assert_not_amount ("万一");
  assert_not_amount ("亿");
  assert_not_amount ("五五百");
  /* 兆 is deliberately not read: "100兆瓦" is 100 MW. */
  assert_not_amount ("一兆");
}

static void
test_chinese_units_with_digits (void)
{
  assert_amount ("1200亿元", 1.2e11, "CNY");
  assert_amount ("720亿元", 7.2e10, "CNY");
  assert_amount ("3.5万", 35000.0, NULL);
  assert_amount ("1.2万亿", 1.2e12, NULL);
  assert_amount ("5千万", 5e7, NULL);
  assert_amount ("人民币720亿元", 7.2e10, "CNY");
  assert_amount ("720亿元人民币", 7.2e10, "CNY");
  assert_amount ("720亿人民币", 7.2e10, "CNY");
  assert_amount ("720 亿元", 7.2e10, "CNY");
  assert_amount ("50亿美元", 5e9, "USD");
  assert_amount ("１２００亿元", 1.2e11, "CNY");
}

static void
test_english (void)
{
  assert_amount ("120 billion yuan", 1.2e11, "CNY");
  assert_amount ("72 billion yuan", 7.2e10, "CNY");
  assert_amount ("CNY 72 billion", 7.2e10, "CNY");
  assert_amount ("RMB 1.2 trillion", 1.2e12, "CNY");
  assert_amount ("rmb720billion", 7.2e11, "CNY");
  assert_amount ("3 thousand", 3000.0, NULL);
  assert_amount ("2.5 million people", 2.5e6, NULL);
  assert_amount ("120,000,000,000 yuan", 1.2e11, "CNY");
  assert_amount ("¥1.2 billion", 1.2e9, "CNY");
  assert_amount ("CN¥ 720 million", 7.2e8, "CNY");
  assert_amount ("3,000 baht", 3000.0, "THB");
  assert_amount ("THB 3 million", 3e6, "THB");
  assert_amount ("US$5 million", 5e6, "USD");
  assert_amount ("5 million US dollars", 5e6, "USD");
  assert_amount ("1.5 Billion Yuan", 1.5e9, "CNY");

  assert_not_amount ("billion");
  assert_not_amount ("120 billionaires");
  assert_not_amount ("3D");
  assert_not_amount ("5G");
  assert_not_amount ("15%");
  assert_not_amount ("CNY");
  assert_not_amount ("120 billion yuan and 72 billion yuan");
}

static void
test_grouping (void)
{
  assert_amount ("120,000,000,000", 1.2e11, NULL);
  assert_amount ("1,200", 1200.0, NULL);
  assert_amount ("1,234,567.89", 1234567.89, NULL);
  assert_amount ("1234567", 1234567.0, NULL);

  /* Only groups of exactly three digits continue a number. */
  assert_not_amount ("1,23");
  assert_not_amount ("1,2345");
  assert_not_amount ("1234,567");
}

static void
test_exact (void)
{
  GazetteAmount amount;

  /* 1.2 * 1e11 in binary floating point is not 120000000000; the parser must be. */
  g_assert_true (gazette_parse_amount ("1.2 แสนล้านหยวน", &amount));
  g_assert_true (amount.value == 120000000000.0);
  g_assert_true (gazette_parse_amount ("7.2 หมื่นล้านหยวน", &amount));
  g_assert_true (amount.value == 72000000000.0);
  g_assert_true (gazette_parse_amount ("1.2万亿", &amount));
  g_assert_true (amount.value == 1200000000000.0);
  g_assert_true (gazette_parse_amount ("0.1 ล้าน", &amount));
  g_assert_true (amount.value == 100000.0);
  g_assert_true (gazette_parse_amount ("0.07 billion", &amount));
  g_assert_true (amount.value == 70000000.0);
  g_assert_true (gazette_parse_amount ("0.5", &amount));
  g_assert_true (amount.value == 0.5);
  g_assert_true (gazette_parse_amount ("000.0012 thousand", &amount));
  g_assert_true (amount.value == 1.2);

  /* Offsets count bytes of the input, surrounding white space excluded. */
  g_assert_true (gazette_parse_amount ("  720亿元 ", &amount));
  g_assert_cmpuint (amount.start, ==, 2);
  g_assert_cmpuint (amount.end, ==, 2 + strlen ("720亿元"));
}

static void
test_limits (void)
{
  g_autofree char *long_digits = g_strnfill (5000, '9');
  g_autofree char *long_fraction = g_strconcat ("1.", long_digits, NULL);
  g_autofree char *long_chinese = NULL;
  g_autoptr(GString) units = g_string_new ("1");
  g_autoptr(GArray) found = NULL;

  assert_amount ("999999999999999999", 999999999999999999.0, NULL);
  assert_amount ("1 ล้านล้านล้าน", 1e18, NULL);
  assert_not_amount ("2 ล้านล้านล้าน");
  assert_not_amount ("10000000000000000000");
  assert_not_amount (long_digits);
  assert_amount (long_fraction, 2.0, NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (units, "ล้าน");
  assert_not_amount (units->str);

  long_chinese = g_strnfill (3 * 40, 'x');
  for (guint i = 0; i < 40; i++)
    memcpy (long_chinese + 3 * i, "九", 3);
  assert_not_amount (long_chinese);
  assert_not_amount ("九千九百九十九亿亿亿");

  found = gazette_find_amounts (long_digits);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_non_amounts (void)
{
  g_autoptr(GArray) found = NULL;
  GazetteAmount amount;

  assert_not_amount ("");
  assert_not_amount ("   ");
  assert_not_amount ("hello");
  assert_not_amount ("เศรษฐกิจดิจิทัล");
  assert_not_amount ("数字经济");
  assert_not_amount ("1.2.3");
  assert_not_amount ("2022年");
  /* Invalid UTF-8 (not logged: the TAP stream must stay valid). */
  g_assert_false (gazette_parse_amount ("\xff\xfe" "1200", &amount));
  g_assert_false (gazette_parse_amount ("1200\xc3", &amount));

  /* A phone number is just a number. */
  assert_amount ("0812345678", 812345678.0, NULL);

  found = gazette_find_amounts ("");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = gazette_find_amounts ("1200亿元 \xff 720亿元");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = gazette_find_amounts ("一些人说万一千万不要 หมื่น แสนล้าน SHINING 3D, 5G, A320, 15%");
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_find_thai (void)
{
  g_autoptr(GArray) found = gazette_find_amounts (THAI_SUMMARY);

  g_assert_cmpuint (found->len, ==, 3);
  assert_found_amount (THAI_SUMMARY, found, 0, "1.2 แสนล้านหยวน", 1.2e11, "CNY");
  assert_found_amount (THAI_SUMMARY, found, 1, "7.2 หมื่นล้านหยวน", 7.2e10, "CNY");
  assert_found_amount (THAI_SUMMARY, found, 2, "4", 4.0, NULL);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_amounts (THAI_TITLE);
  g_assert_cmpuint (found->len, ==, 1);
  assert_found_amount (THAI_TITLE, found, 0, "1.2 แสนล้านหยวน", 1.2e11, "CNY");
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_amounts ("ประชากร ๒.๕ ล้านคน งบ 3 พันล้านบาท");
  g_assert_cmpuint (found->len, ==, 2);
  assert_found_amount ("ประชากร ๒.๕ ล้านคน งบ 3 พันล้านบาท", found, 0, "๒.๕ ล้านคน", 2.5e6, NULL);
  assert_found_amount ("ประชากร ๒.๕ ล้านคน งบ 3 พันล้านบาท", found, 1, "3 พันล้านบาท", 3e9, "THB");
}

static void
test_find_chinese (void)
{
  g_autoptr(GArray) found = gazette_find_amounts (CHINESE_SUMMARY);

  /* 2022年 is a year and 四大 a word, so only the two amounts remain. */
  g_assert_cmpuint (found->len, ==, 2);
  assert_found_amount (CHINESE_SUMMARY, found, 0, "1200亿元", 1.2e11, "CNY");
  assert_found_amount (CHINESE_SUMMARY, found, 1, "720亿元", 7.2e10, "CNY");
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_amounts (CHINESE_BODY);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_amounts ("总投资人民币七百二十亿元，二〇二二年建成，带动三万五千人就业。");
  g_assert_cmpuint (found->len, ==, 2);
  assert_found_amount ("总投资人民币七百二十亿元，二〇二二年建成，带动三万五千人就业。", found, 0,
                       "人民币七百二十亿元", 7.2e10, "CNY");
  assert_found_amount ("总投资人民币七百二十亿元，二〇二二年建成，带动三万五千人就业。", found, 1,
                       "三万五千人", 35000.0, NULL);
}

static void
test_find_english (void)
{
  g_autoptr(GArray) found = gazette_find_amounts (ENGLISH_SUMMARY);

  g_assert_cmpuint (found->len, ==, 2);
  assert_found_amount (ENGLISH_SUMMARY, found, 0, "120 billion yuan", 1.2e11, "CNY");
  assert_found_amount (ENGLISH_SUMMARY, found, 1, "72 billion yuan", 7.2e10, "CNY");
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_amounts (ENGLISH_BODY);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_amounts ("Revenue: CNY 72 billion (¥1,200), call 0812345678.");
  g_assert_cmpuint (found->len, ==, 3);
  assert_found_amount ("Revenue: CNY 72 billion (¥1,200), call 0812345678.", found, 0,
                       "CNY 72 billion", 7.2e10, "CNY");
  assert_found_amount ("Revenue: CNY 72 billion (¥1,200), call 0812345678.", found, 1,
                       "¥1,200", 1200.0, "CNY");
  assert_found_amount ("Revenue: CNY 72 billion (¥1,200), call 0812345678.", found, 2,
                       "0812345678", 812345678.0, NULL);
}

/* Whatever find reports must read back, on its own, as the same amount; tried on random
 * mixtures of pieces that border each other in awkward ways. */
static void
test_find_reparse (void)
{
  static const char * const pieces[] = {
    "1.2", " ", "แสน", "ล้าน", "หยวน", "บาท", "๗", "๒", ".", ",", "000", "亿", "万", "元",
    "人民币", "一", "二", "十", "百", "千", "零", "〇", "年", "ปี", "พ.ศ.", " billion", " yuan",
    "CNY ", "¥", "฿", "A", "3D", "%", "2022", "2565", "คน", "人", "些", "1,200",
  };

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) found = NULL;
      g_autoptr(GArray) years = NULL;
      guint n = (guint) g_test_rand_int_range (1, 12);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);

      found = gazette_find_amounts (text->str);
      for (guint i = 0; i < found->len; i++)
        {
          const GazetteAmount *a = &g_array_index (found, GazetteAmount, i);
          g_autofree char *span = g_strndup (text->str + a->start, a->end - a->start);
          GazetteAmount again;

          g_assert_cmpuint (a->start, <, a->end);
          g_assert_cmpuint (a->end, <=, text->len);
          if (i > 0)
            g_assert_cmpuint (g_array_index (found, GazetteAmount, i - 1).end, <=, a->start);
          g_assert_true (gazette_parse_amount (span, &again));
          g_assert_cmpfloat (again.value, ==, a->value);
          g_assert_cmpstr (again.currency, ==, a->currency);
        }

      years = gazette_find_years (text->str);
      for (guint i = 0; i < years->len; i++)
        {
          const GazetteYearMatch *y = &g_array_index (years, GazetteYearMatch, i);
          g_autofree char *span = g_strndup (text->str + y->start, y->end - y->start);
          int again = 0;

          g_assert_cmpuint (y->start, <, y->end);
          g_assert_true (gazette_parse_year (span, &again));
          g_assert_cmpint (again, ==, y->year);
        }
    }
}

static void
test_parse_year (void)
{
  int year;

  assert_year ("พ.ศ. 2565", 2022);
  assert_year ("พ.ศ.2565", 2022);
  assert_year ("ปี 2565", 2022);
  assert_year ("ปี พ.ศ. 2565", 2022);
  assert_year ("ปี ๒๕๖๕", 2022);
  assert_year ("ปี 2022", 2022);
  assert_year ("ค.ศ. 2022", 2022);
  assert_year ("ปี ค.ศ. 2022", 2022);
  assert_year ("2022年", 2022);
  assert_year ("二〇二二年", 2022);
  assert_year ("二零二二年", 2022);
  assert_year ("2022", 2022);
  assert_year ("  1900 ", 1900);
  assert_year ("2100", 2100);

  assert_not_year ("");
  assert_not_year ("1899");
  assert_not_year ("2565");
  assert_not_year ("22");
  assert_not_year ("ปี");
  assert_not_year ("ปี 65");
  assert_not_year ("20222");
  assert_not_year ("2022 ล้าน");
  assert_not_year ("2,022");
  assert_not_year ("二〇二二");
  g_assert_false (gazette_parse_year ("\xff" "2022", &year));
}

static void
test_find_years (void)
{
  g_autoptr(GArray) found = gazette_find_years (THAI_SUMMARY);

  g_assert_cmpuint (found->len, ==, 1);
  assert_found_year (THAI_SUMMARY, found, 0, "ปี 2565", 2022);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_years (CHINESE_SUMMARY);
  g_assert_cmpuint (found->len, ==, 1);
  assert_found_year (CHINESE_SUMMARY, found, 0, "2022年", 2022);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_years (ENGLISH_SUMMARY);
  g_assert_cmpuint (found->len, ==, 1);
  assert_found_year (ENGLISH_SUMMARY, found, 0, "2022", 2022);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_years ("二〇二二年至2035年, in 2030, by 2025 and 5 million in A2024 "
                              "or 2024.5 or 1200亿元");
  g_assert_cmpuint (found->len, ==, 4);
  assert_found_year ("二〇二二年至2035年, in 2030, by 2025 and 5 million in A2024 "
                     "or 2024.5 or 1200亿元", found, 0, "二〇二二年", 2022);
  assert_found_year ("二〇二二年至2035年, in 2030, by 2025 and 5 million in A2024 "
                     "or 2024.5 or 1200亿元", found, 1, "2035年", 2035);
  assert_found_year ("二〇二二年至2035年, in 2030, by 2025 and 5 million in A2024 "
                     "or 2024.5 or 1200亿元", found, 2, "2030", 2030);
  assert_found_year ("二〇二二年至2035年, in 2030, by 2025 and 5 million in A2024 "
                     "or 2024.5 or 1200亿元", found, 3, "2025", 2025);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_years ("ปี พ.ศ. 2565 และ ค.ศ. 2023");
  g_assert_cmpuint (found->len, ==, 2);
  assert_found_year ("ปี พ.ศ. 2565 และ ค.ศ. 2023", found, 0, "ปี พ.ศ. 2565", 2022);
  assert_found_year ("ปี พ.ศ. 2565 และ ค.ศ. 2023", found, 1, "ค.ศ. 2023", 2023);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_years ("2022 \xff");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  found = gazette_find_years ("");
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/numbers/thai-scales", test_thai_scales);
  g_test_add_func ("/core/numbers/thai-digits", test_thai_digits);
  g_test_add_func ("/core/numbers/chinese-numerals", test_chinese_numerals);
  g_test_add_func ("/core/numbers/chinese-units-with-digits", test_chinese_units_with_digits);
  g_test_add_func ("/core/numbers/english", test_english);
  g_test_add_func ("/core/numbers/grouping", test_grouping);
  g_test_add_func ("/core/numbers/exact", test_exact);
  g_test_add_func ("/core/numbers/limits", test_limits);
  g_test_add_func ("/core/numbers/non-amounts", test_non_amounts);
  g_test_add_func ("/core/numbers/find/thai", test_find_thai);
  g_test_add_func ("/core/numbers/find/chinese", test_find_chinese);
  g_test_add_func ("/core/numbers/find/english", test_find_english);
  g_test_add_func ("/core/numbers/find/reparse", test_find_reparse);
  g_test_add_func ("/core/numbers/years/parse", test_parse_year);
  g_test_add_func ("/core/numbers/years/find", test_find_years);

  return g_test_run ();
}
