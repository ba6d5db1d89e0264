/* test-format.c
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

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gazette-format.h"
#include "gazette-numbers.h"

/* Every test runs with the local time zone seven hours ahead of UTC, without daylight
 * saving (a POSIX rule, so no tzdata is needed): 20:00 UTC is already the next day there,
 * which shows that dates are written in local time. */
#define LOCAL_ZONE "ICT-7"

/* ICU 72 (CLDR 42) puts a narrow no-break space before AM and PM. */
#define NNBSP "\u202f"

static GDateTime *
utc (const char *iso8601)
{
  GDateTime *ret = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (ret);
  return ret;
}

#define assert_format(expr, expected) \
  G_STMT_START { \
    g_autofree char *_text = (expr); \
    g_assert_cmpstr (_text, ==, (expected)); \
  } G_STMT_END

static void
test_date (void)
{
  g_autoptr(GDateTime) date = utc ("2026-11-24T20:00:00Z");
  g_autoptr(GDateTime) early = utc ("2018-09-14T02:00:00Z");

  assert_format (gazette_format_date (date, "en"), "Nov 25, 2026");
  assert_format (gazette_format_date (date, "en_US"), "Nov 25, 2026");
  assert_format (gazette_format_date (date, "en_GB"), "25 Nov 2026");
  /* Thai: day, abbreviated Thai month, and the Buddhist-era year (2026 + 543). */
  assert_format (gazette_format_date (date, "th_TH"), "25 พ.ย. 2569");
  assert_format (gazette_format_date (date, "th"), "25 พ.ย. 2569");
  assert_format (gazette_format_date (early, "th"), "14 ก.ย. 2561");
  assert_format (gazette_format_date (date, "zh_CN"), "2026年11月25日");
  assert_format (gazette_format_date (early, "zh_CN"), "2018年9月14日");

  /* POSIX names and BCP 47 tags name the same locales. */
  assert_format (gazette_format_date (date, "th_TH.UTF-8"), "25 พ.ย. 2569");
  assert_format (gazette_format_date (date, "zh-Hans"), "2026年11月25日");
  assert_format (gazette_format_date (date, "zh-Hans-CN"), "2026年11月25日");
  assert_format (gazette_format_date (date, "en-GB"), "25 Nov 2026");
  /* An ICU keyword is honoured, a POSIX modifier dropped. */
  assert_format (gazette_format_date (date, "th_TH@calendar=gregorian"), "25 พ.ย. 2026");
  assert_format (gazette_format_date (date, "en_GB.UTF-8@euro"), "25 Nov 2026");

  /* C, POSIX and languages ICU does not know are written in English, not in ICU's root
   * locale ("2026 M11 25"). */
  assert_format (gazette_format_date (date, "C"), "Nov 25, 2026");
  assert_format (gazette_format_date (date, "POSIX"), "Nov 25, 2026");
  assert_format (gazette_format_date (date, "xx_YY"), "Nov 25, 2026");
  assert_format (gazette_format_date (date, "not a tag-"), "Nov 25, 2026");
}

static void
test_date_time (void)
{
  g_autoptr(GDateTime) date = utc ("2026-11-24T20:05:00Z");
  g_autoptr(GDateTime) afternoon = utc ("2018-09-14T08:30:00Z");

  assert_format (gazette_format_date_time (date, "en"), "Nov 25, 2026, 3:05" NNBSP "AM");
  assert_format (gazette_format_date_time (afternoon, "en"), "Sep 14, 2018, 3:30" NNBSP "PM");
  assert_format (gazette_format_date_time (date, "en_GB"), "25 Nov 2026, 03:05");
  assert_format (gazette_format_date_time (date, "th_TH"), "25 พ.ย. 2569 03:05");
  assert_format (gazette_format_date_time (afternoon, "th"), "14 ก.ย. 2561 15:30");
  assert_format (gazette_format_date_time (date, "zh_CN"), "2026年11月25日 03:05");
}

static void
test_year (void)
{
  int year = 0;

  assert_format (gazette_format_year (2022, "en"), "2022");
  assert_format (gazette_format_year (2022, "th_TH"), "พ.ศ. 2565");
  assert_format (gazette_format_year (2022, "th"), "พ.ศ. 2565");
  assert_format (gazette_format_year (2022, "zh_CN"), "2022年");
  assert_format (gazette_format_year (1, "zh_CN"), "1年");

  /* What the window writes, the parser reads back. */
  {
    g_autofree char *thai = gazette_format_year (2022, "th");

    g_assert_true (gazette_parse_year (thai, &year));
    g_assert_cmpint (year, ==, 2022);
  }

  /* Outside what GLib can hold: plain numbers, never a crash. */
  assert_format (gazette_format_year (0, "th"), "0");
  assert_format (gazette_format_year (-44, "en"), "-44");
  assert_format (gazette_format_year (12000, "zh_CN"), "12000");
}

typedef struct
{
  const char *now;
  const char *date;
  const char *en;
  const char *th;
  const char *zh;
} RelativeCase;

static void
test_relative_date (void)
{
  /* now is 12:00 on 25 November local time, except where the case says otherwise. */
  static const RelativeCase cases[] = {
    { "2026-11-25T05:00:00Z", "2026-11-25T05:00:00Z", "now", "ขณะนี้", "现在" },
    { "2026-11-25T05:00:00Z", "2026-11-25T04:59:01Z", "now", "ขณะนี้", "现在" },
    { "2026-11-25T05:00:00Z", "2026-11-25T04:55:00Z",
      "5 minutes ago", "5 นาทีที่ผ่านมา", "5分钟前" },
    { "2026-11-25T05:00:00Z", "2026-11-25T04:00:30Z",
      "59 minutes ago", "59 นาทีที่ผ่านมา", "59分钟前" },
    { "2026-11-25T05:00:00Z", "2026-11-25T02:00:00Z",
      "3 hours ago", "3 ชั่วโมงที่ผ่านมา", "3小时前" },
    /* 00:30 local is still today: hours, not "yesterday". */
    { "2026-11-25T05:00:00Z", "2026-11-24T17:30:00Z",
      "11 hours ago", "11 ชั่วโมงที่ผ่านมา", "11小时前" },
    /* Days are calendar days: 23:00 yesterday is yesterday, even 90 minutes ago. */
    { "2026-11-24T17:30:00Z", "2026-11-24T16:00:00Z", "yesterday", "เมื่อวาน", "昨天" },
    { "2026-11-25T05:00:00Z", "2026-11-24T05:00:00Z", "yesterday", "เมื่อวาน", "昨天" },
    { "2026-11-25T05:00:00Z", "2026-11-23T05:00:00Z", "2 days ago", "เมื่อวานซืน", "前天" },
    { "2026-11-25T05:00:00Z", "2026-11-22T05:00:00Z",
      "3 days ago", "3 วันที่ผ่านมา", "3天前" },
    { "2026-11-25T05:00:00Z", "2026-11-19T00:00:00Z",
      "6 days ago", "6 วันที่ผ่านมา", "6天前" },
    /* From a week on, the date. */
    { "2026-11-25T05:00:00Z", "2026-11-18T05:00:00Z",
      "Nov 18, 2026", "18 พ.ย. 2569", "2026年11月18日" },
    { "2026-11-25T05:00:00Z", "2018-09-14T02:00:00Z",
      "Sep 14, 2018", "14 ก.ย. 2561", "2018年9月14日" },
    /* A publisher's clock ahead of ours. */
    { "2026-11-25T05:00:00Z", "2026-11-25T05:05:00Z",
      "in 5 minutes", "ในอีก 5 นาที", "5分钟后" },
    { "2026-11-25T05:00:00Z", "2026-11-26T05:00:00Z", "tomorrow", "พรุ่งนี้", "明天" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = utc (cases[i].now);
      g_autoptr(GDateTime) date = utc (cases[i].date);

      g_test_message ("%s, now %s", cases[i].date, cases[i].now);
      assert_format (gazette_format_relative_date (date, now, "en"), cases[i].en);
      assert_format (gazette_format_relative_date (date, now, "th_TH"), cases[i].th);
      assert_format (gazette_format_relative_date (date, now, "zh_CN"), cases[i].zh);
    }
}

static void
test_number (void)
{
  assert_format (gazette_format_number (120000000000, "en"), "120,000,000,000");
  assert_format (gazette_format_number (12345.678, "en"), "12,345.678");
  assert_format (gazette_format_number (12345.678, "th_TH"), "12,345.678");
  assert_format (gazette_format_number (12345.678, "zh_CN"), "12,345.678");
  assert_format (gazette_format_number (12345.678, "de"), "12.345,678");
  assert_format (gazette_format_number (-0.5, "en"), "-0.5");
  assert_format (gazette_format_number (2022, "zh_CN"), "2,022");
  assert_format (gazette_format_number (1.0 / 3.0, "en"), "0.333333");
  /* Far past any buffer ICU is first given. */
  {
    g_autofree char *huge = gazette_format_number (1e200, "en");

    g_assert_true (g_str_has_prefix (huge, "100,000,000,000,000,"));
    g_assert_cmpuint (strlen (huge), ==, 201 + 66);
  }
}

typedef struct
{
  double      value;
  const char *unit;
  const char *en;
  const char *th;
  const char *zh;
} AmountCase;

static void
test_amount (void)
{
  static const AmountCase cases[] = {
    /* The Xiaoshan targets, as the Thai and Chinese announcements themselves write them. */
    { 120000000000, "CNY", "CN¥120 billion", "1.2 แสนล้านหยวน", "1200亿元" },
    { 72000000000, "CNY", "CN¥72 billion", "7.2 หมื่นล้านหยวน", "720亿元" },
    { 1500000, "CNY", "CN¥1.5 million", "1.5 ล้านหยวน", "150万元" },
    { -72000000000, "CNY", "-CN¥72 billion", "-7.2 หมื่นล้านหยวน", "-720亿元" },
    /* Below a million, in full; decimals only when there are some. */
    { 500000, "CNY", "CN¥500,000", "500,000 หยวน", "500,000元" },
    { 12345.67, "CNY", "CN¥12,345.67", "12,345.67 หยวน", "12,345.67元" },
    { 0.5, "CNY", "CN¥0.50", "0.50 หยวน", "0.50元" },
    /* Other currencies keep ICU's names. */
    { 120000000000, "THB", "THB" "\u00a0" "120 billion", "1.2 แสนล้านบาท", "1200亿泰铢" },
    { 3500, "THB", "THB" "\u00a0" "3,500", "3,500 บาท", "3,500泰铢" },
    { 72000000000, "USD", "$72 billion", "7.2 หมื่นล้านดอลลาร์สหรัฐ", "720亿美元" },
    { 72000000000, "cny", "CN¥72 billion", "7.2 หมื่นล้านหยวน", "720亿元" },
    /* Not currencies: a number, and the unit after it. */
    { 120000000000, NULL, "120 billion", "1.2 แสนล้าน", "1200亿" },
    { 12345, NULL, "12,345", "12,345", "12,345" },
    { 1500000, "people", "1.5 million people", "1.5 ล้าน people", "150万 people" },
    { 1500000, "คน", "1.5 million คน", "1.5 ล้านคน", "150万 คน" },
    { 2000, "吨", "2,000 吨", "2,000 吨", "2,000吨" },
    { 72000000000, "ABC", "72 billion ABC", "7.2 หมื่นล้าน ABC", "720亿 ABC" },
    { 30, "", "30", "30", "30" },
    { 12.5, "%", "12.5%", "12.5%", "12.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%g %s", cases[i].value, cases[i].unit);
      assert_format (gazette_format_amount (cases[i].value, cases[i].unit, "en"), cases[i].en);
      assert_format (gazette_format_amount (cases[i].value, cases[i].unit, "th_TH"),
                     cases[i].th);
      assert_format (gazette_format_amount (cases[i].value, cases[i].unit, "zh_CN"),
                     cases[i].zh);
    }

  /* Other languages: the locale's symbol where the locale puts it, around long words. */
  assert_format (gazette_format_amount (120000000000, "CNY", "en_GB"), "CN¥120 billion");
  assert_format (gazette_format_amount (120000000000, "CNY", "de"),
                 "120 Milliarden" "\u00a0" "CN¥");
  assert_format (gazette_format_amount (120000000000, "CNY", "zh_TW"), "1200億元");
  assert_format (gazette_format_amount (12345.67, "CNY", "de"), "12.345,67" "\u00a0" "CN¥");
}

/* What the window writes, the number reader takes back to the same value: the texts are the
 * ones announcements use. */
static void
test_amount_round_trip (void)
{
  static const double values[] = { 120000000000, 72000000000, 1500000, 35000000 };
  static const char * const locales[] = { "th_TH", "zh_CN" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (locales); j++)
      {
        g_autofree char *text = gazette_format_amount (values[i], "CNY", locales[j]);
        GazetteAmount amount = { 0 };

        g_test_message ("%s", text);
        g_assert_true (gazette_parse_amount (text, &amount));
        g_assert_cmpfloat (amount.value, ==, values[i]);
        g_assert_cmpstr (amount.currency, ==, "CNY");
      }
}

static void
test_default_locale_subprocess (void)
{
  g_print ("%s", gazette_format_get_default_locale ());
  /* Worked out once: a later change of language does not move it. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_true (gazette_format_get_default_locale () == gazette_format_get_default_locale ());
  g_print ("|%s", gazette_format_get_default_locale ());
}

static void
test_default_locale (void)
{
  static const struct {
    const char *language;
    const char *expected;
  } cases[] = {
    { "th", "th|th" },
    { "th_TH.UTF-8", "th_TH|th_TH" },
    { "zh_CN", "zh_CN|zh_CN" },
    { "zh_CN.UTF-8:en", "zh_CN|zh_CN" },
    { "xx_YY:fr_FR", "fr_FR|fr_FR" },
    { "C", "en|en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      g_test_trap_subprocess ("/core/format/default-locale/subprocess", 0,
                              G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("LANGUAGE");
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout (cases[i].expected);
    }
}

static void
test_null_locale (void)
{
  g_autoptr(GDateTime) date = utc ("2026-11-24T20:00:00Z");
  g_autofree char *with_null = gazette_format_date (date, NULL);
  g_autofree char *with_empty = gazette_format_date (date, "");
  g_autofree char *with_default = gazette_format_date (date,
                                                       gazette_format_get_default_locale ());

  /* The tests run with LC_ALL=C.UTF-8 and no LANGUAGE: English. */
  g_assert_cmpstr (gazette_format_get_default_locale (), ==, "en");
  g_assert_cmpstr (with_null, ==, with_default);
  g_assert_cmpstr (with_empty, ==, with_default);
  assert_format (gazette_format_amount (72000000000, "CNY", NULL), "CN¥72 billion");
}

typedef struct
{
  const char *locale;
  char       *date;
  char       *amount;
  char       *relative;
} ThreadCase;

static gpointer
format_in_thread (gpointer data)
{
  const ThreadCase *expected = data;
  g_autoptr(GDateTime) date = utc ("2026-11-24T20:00:00Z");
  g_autoptr(GDateTime) now = utc ("2026-11-28T20:00:00Z");

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *text = gazette_format_date (date, expected->locale);
      g_autofree char *amount = gazette_format_amount (72000000000, "CNY", expected->locale);
      g_autofree char *relative = gazette_format_relative_date (date, now, expected->locale);

      if (g_strcmp0 (text, expected->date) != 0 || g_strcmp0 (amount, expected->amount) != 0
          || g_strcmp0 (relative, expected->relative) != 0)
        return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

/* The window formats on the main thread, but nothing stops a worker from doing so too. */
static void
test_threads (void)
{
  ThreadCase cases[] = {
    { "en", NULL, NULL, NULL },
    { "th_TH", NULL, NULL, NULL },
    { "zh_CN", NULL, NULL, NULL },
    { "de", NULL, NULL, NULL },
  };
  g_autoptr(GDateTime) date = utc ("2026-11-24T20:00:00Z");
  g_autoptr(GDateTime) now = utc ("2026-11-28T20:00:00Z");
  GThread *threads[G_N_ELEMENTS (cases)];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cases[i].date = gazette_format_date (date, cases[i].locale);
      cases[i].amount = gazette_format_amount (72000000000, "CNY", cases[i].locale);
      cases[i].relative = gazette_format_relative_date (date, now, cases[i].locale);
    }
  g_assert_cmpstr (cases[1].relative, ==, "4 วันที่ผ่านมา");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    threads[i] = g_thread_new ("format", format_in_thread, &cases[i]);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_free (cases[i].date);
      g_free (cases[i].amount);
      g_free (cases[i].relative);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", LOCAL_ZONE, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/date", test_date);
  g_test_add_func ("/core/format/date-time", test_date_time);
  g_test_add_func ("/core/format/year", test_year);
  g_test_add_func ("/core/format/relative-date", test_relative_date);
  g_test_add_func ("/core/format/number", test_number);
  g_test_add_func ("/core/format/amount", test_amount);
  g_test_add_func ("/core/format/amount/round-trip", test_amount_round_trip);
  g_test_add_func ("/core/format/default-locale", test_default_locale);
  g_test_add_func ("/core/format/default-locale/subprocess", test_default_locale_subprocess);
  g_test_add_func ("/core/format/null-locale", test_null_locale);
  g_test_add_func ("/core/format/threads", test_threads);

  return g_test_run ();
}
