/* gazette-format.c
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

#define G_LOG_DOMAIN "gazette-format"

#include "config.h"

#include <math.h>
#include <string.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unumberformatter.h>
#include <unicode/ureldatefmt.h>

#include "gazette-format.h"

/* From this size on, amounts use the locale's large units ("120 billion", "1.2 แสนล้าน",
 * "1200亿"); below it every digit is written, which still reads at a glance. */
#define COMPACT_FROM 1e6

typedef enum {
  DATE_STYLE_DATE,
  DATE_STYLE_DATE_TIME,
  DATE_STYLE_YEAR,
} DateStyle;

/* Opening a date or number formatter costs 10-30 µs, a pattern generator 250 µs, and using
 * one 1-2 µs (ICU 72, measured on the 2-core build machine); the list formats a date per
 * row, so formatters are kept per locale for the life of the process. UNumberFormatter is
 * immutable and thread-safe, so it is used outside the lock; UDateFormat and
 * URelativeDateTimeFormatter keep mutable state (a calendar), so they are only used with
 * cache_lock held, which costs far less than opening one per call. */
static GMutex cache_lock;
static GHashTable *resolved_locales;     /* what a caller passed → interned ICU locale ID */
static GHashTable *number_formatters;    /* "locale|skeleton" → UNumberFormatter */
static GHashTable *date_formatters;      /* "locale|style" → UDateFormat */
static GHashTable *relative_formatters;  /* interned locale → URelativeDateTimeFormatter */

static const UChar utc_zone[] = { 'U', 'T', 'C', 0 };

static char *
utf16_to_utf8 (const UChar *text,
               int32_t      length)
{
  return g_utf16_to_utf8 ((const gunichar2 *) text, length, NULL, NULL, NULL);
}

static UChar *
utf8_to_utf16 (const char *text,
               int32_t    *length)
{
  glong n_written = 0;
  gunichar2 *ret = g_utf8_to_utf16 (text, -1, NULL, &n_written, NULL);

  *length = (int32_t) n_written;
  return (UChar *) ret;
}

typedef int32_t (*IcuWriter) (gconstpointer  formatter,
                              gconstpointer  data,
                              UChar         *buffer,
                              int32_t        capacity,
                              UErrorCode    *status);

/* Runs an ICU "write into this buffer" call, again with a bigger buffer when it asks for one. */
static char *
icu_write (IcuWriter      writer,
           gconstpointer  formatter,
           gconstpointer  data)
{
  UChar stack_buffer[128];
  g_autofree UChar *heap_buffer = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length;

  length = writer (formatter, data, stack_buffer, G_N_ELEMENTS (stack_buffer), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      heap_buffer = g_new (UChar, length + 1);
      status = U_ZERO_ERROR;
      length = writer (formatter, data, heap_buffer, length + 1, &status);
    }
  if (U_FAILURE (status))
    {
      g_debug ("ICU could not format: %s", u_errorName (status));
      return NULL;
    }

  return utf16_to_utf8 (heap_buffer != NULL ? heap_buffer : stack_buffer, length);
}

static gboolean
is_known_language (const char *language)
{
  static GHashTable *languages;

  if (g_once_init_enter (&languages))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (int32_t i = 0; i < uloc_countAvailable (); i++)
        {
          char buffer[ULOC_LANG_CAPACITY];
          UErrorCode status = U_ZERO_ERROR;

          uloc_getLanguage (uloc_getAvailable (i), buffer, sizeof buffer, &status);
          if (U_SUCCESS (status) && status != U_STRING_NOT_TERMINATED_WARNING)
            g_hash_table_add (set, g_strdup (buffer));
        }
      g_once_init_leave (&languages, set);
    }

  return g_hash_table_contains (languages, language);
}

/* An ICU locale ID for a POSIX name ("th_TH.UTF-8"), a BCP 47 tag ("zh-Hans") or an ICU ID
 * ("zh_CN"), or NULL for C, POSIX and languages ICU has no data for, which would otherwise
 * come out in ICU's root locale ("2026 M11 25"). */
static char *
icu_locale_from_name (const char *name)
{
  g_autofree char *posix = g_strdup (name);
  char buffer[ULOC_FULLNAME_CAPACITY];
  char language[ULOC_LANG_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  char *at;
  char *dot;

  /* "th_TH.UTF-8", "sr_RS@latin": the codeset and a POSIX modifier mean nothing to ICU, but
   * ICU keywords ("th_TH@calendar=gregorian") are kept. */
  at = strchr (posix, '@');
  if (at != NULL && strchr (at, '=') == NULL)
    *at = '\0';
  dot = strchr (posix, '.');
  if (dot != NULL)
    {
      const char *rest = dot + strcspn (dot, "@");

      memmove (dot, rest, strlen (rest) + 1);
    }

  if (*posix == '\0' || g_str_equal (posix, "C") || g_str_equal (posix, "POSIX"))
    return NULL;

  if (strchr (posix, '-') != NULL)
    {
      int32_t parsed = 0;

      uloc_forLanguageTag (posix, buffer, sizeof buffer, &parsed, &status);
      if (parsed != (int32_t) strlen (posix))
        return NULL;
    }
  else
    uloc_canonicalize (posix, buffer, sizeof buffer, &status);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING)
    return NULL;

  uloc_getLanguage (buffer, language, sizeof language, &status);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING
      || !is_known_language (language))
    return NULL;

  return g_strdup (buffer);
}

/**
 * gazette_format_get_default_locale:
 *
 * The ICU locale of the user interface's language: the first entry of
 * g_get_language_names() that ICU can format for ("th_TH" under `LANG=th_TH.UTF-8`, "th"
 * under `LANGUAGE=th`, "zh_CN"), or "en" when there is none (C, POSIX). It is worked out on
 * the first call and kept, as gettext keeps the language it chose.
 *
 * Returns: (transfer none): an ICU locale ID
 */
const char *
gazette_format_get_default_locale (void)
{
  static const char *default_locale;

  if (g_once_init_enter (&default_locale))
    {
      const char * const *names = g_get_language_names ();
      const char *locale = NULL;

      for (guint i = 0; names[i] != NULL && locale == NULL; i++)
        {
          g_autofree char *icu = icu_locale_from_name (names[i]);

          if (icu != NULL)
            locale = g_intern_string (icu);
        }
      g_once_init_leave (&default_locale, locale != NULL ? locale : g_intern_static_string ("en"));
    }

  return default_locale;
}

/* The ICU locale to format for: @locale as an ICU ID, the UI's for NULL, English for one ICU
 * knows nothing about. */
static const char *
resolve_locale (const char *locale)
{
  const char *resolved;

  if (locale == NULL || *locale == '\0')
    return gazette_format_get_default_locale ();

  g_mutex_lock (&cache_lock);
  if (resolved_locales == NULL)
    resolved_locales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  resolved = g_hash_table_lookup (resolved_locales, locale);
  if (resolved == NULL)
    {
      g_autofree char *icu = icu_locale_from_name (locale);

      resolved = g_intern_string (icu != NULL ? icu : "en");
      g_hash_table_insert (resolved_locales, g_strdup (locale), (gpointer) resolved);
    }
  g_mutex_unlock (&cache_lock);

  return resolved;
}

static void
get_language (const char *locale,
              char        language[ULOC_LANG_CAPACITY])
{
  UErrorCode status = U_ZERO_ERROR;

  uloc_getLanguage (locale, language, ULOC_LANG_CAPACITY, &status);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING)
    language[0] = '\0';
}

/* ---- dates ---------------------------------------------------------------------------- */

/* Called with cache_lock held. */
static UDateFormat *
date_formatter_locked (const char *locale,
                       DateStyle   style)
{
  g_autofree char *key = g_strdup_printf ("%s|%d", locale, style);
  UDateFormat *formatter;
  UErrorCode status = U_ZERO_ERROR;

  if (date_formatters == NULL)
    date_formatters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  formatter = g_hash_table_lookup (date_formatters, key);
  if (formatter != NULL)
    return formatter;

  switch (style)
    {
    case DATE_STYLE_DATE:
      formatter = udat_open (UDAT_NONE, UDAT_MEDIUM, locale, utc_zone, -1, NULL, 0, &status);
      break;

    case DATE_STYLE_DATE_TIME:
      formatter = udat_open (UDAT_SHORT, UDAT_MEDIUM, locale, utc_zone, -1, NULL, 0, &status);
      break;

    case DATE_STYLE_YEAR:
      {
        static const UChar skeleton[] = { 'y', 0 };
        UDateTimePatternGenerator *generator = udatpg_open (locale, &status);
        UChar pattern[64];
        int32_t length = 0;

        if (U_SUCCESS (status))
          length = udatpg_getBestPattern (generator, skeleton, -1, pattern,
                                          G_N_ELEMENTS (pattern), &status);
        if (U_SUCCESS (status))
          formatter = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, utc_zone, -1, pattern,
                                 length, &status);
        udatpg_close (generator);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (U_FAILURE (status))
    {
      g_debug ("No date format for %s: %s", locale, u_errorName (status));
      g_clear_pointer (&formatter, udat_close);
      return NULL;
    }

  g_hash_table_insert (date_formatters, g_steal_pointer (&key), formatter);
  return formatter;
}

static int32_t
write_date (gconstpointer  formatter,
            gconstpointer  data,
            UChar         *buffer,
            int32_t        capacity,
            UErrorCode    *status)
{
  return udat_format (formatter, *(const UDate *) data, buffer, capacity, NULL, status);
}

/* @wall_clock: milliseconds since 1970 of the wall-clock time, read as if it were UTC. The
 * formatters all run in UTC and are handed the local time that way: the fields that come out
 * are the same, and one formatter serves every time zone and daylight-saving offset. */
static char *
format_wall_clock (UDate       wall_clock,
                   const char *locale,
                   DateStyle   style)
{
  UDateFormat *formatter;
  char *ret = NULL;

  g_mutex_lock (&cache_lock);
  formatter = date_formatter_locked (locale, style);
  if (formatter != NULL)
    ret = icu_write (write_date, formatter, &wall_clock);
  g_mutex_unlock (&cache_lock);

  return ret;
}

static UDate
local_wall_clock (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return ((double) g_date_time_to_unix (local)
          + (double) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC)) * 1000.0;
}

static char *
format_date_style (GDateTime  *date,
                   const char *locale,
                   DateStyle   style)
{
  char *ret = format_wall_clock (local_wall_clock (date), resolve_locale (locale), style);

  if (ret == NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (date);

      ret = g_date_time_format (local, style == DATE_STYLE_DATE ? "%Y-%m-%d" : "%Y-%m-%d %H:%M");
    }

  return ret;
}

/**
 * gazette_format_date:
 * @date: a date
 * @locale: (nullable): an ICU locale, POSIX locale name or BCP 47 tag, or %NULL for the
 *   user interface's (gazette_format_get_default_locale())
 *
 * Writes the day of @date, in the local time zone, as @locale writes dates (ICU's medium
 * style): "Nov 25, 2026" in American English, "25 Nov 2026" in British English, "25 พ.ย. 2569"
 * in Thai (Buddhist era, Thai month names) and "2026年11月25日" in Chinese.
 *
 * Returns: (transfer full): the text
 */
char *
gazette_format_date (GDateTime  *date,
                     const char *locale)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_date_style (date, locale, DATE_STYLE_DATE);
}

/**
 * gazette_format_date_time:
 * @date: a date and time
 * @locale: (nullable): a locale as for gazette_format_date(), or %NULL for the user
 *   interface's
 *
 * Writes @date with its time of day, in the local time zone: "Nov 25, 2026, 4:46 PM",
 * "25 พ.ย. 2569 16:46", "2026年11月25日 16:46".
 *
 * Returns: (transfer full): the text
 */
char *
gazette_format_date_time (GDateTime  *date,
                          const char *locale)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_date_style (date, locale, DATE_STYLE_DATE_TIME);
}

/**
 * gazette_format_year:
 * @year: a year of the Gregorian calendar, such as a figure's target year
 * @locale: (nullable): a locale as for gazette_format_date(), or %NULL for the user
 *   interface's
 *
 * Writes a year as @locale names years: "2022" in English, "พ.ศ. 2565" in Thai (the Buddhist
 * era), "2022年" in Chinese. Years GLib cannot represent (before 1 or after 9999) are written
 * as plain numbers.
 *
 * Returns: (transfer full): the text
 */
char *
gazette_format_year (int         year,
                     const char *locale)
{
  char *ret = NULL;

  if (year >= 1 && year <= 9999)
    {
      g_autoptr(GDateTime) middle = g_date_time_new_utc (year, 7, 1, 12, 0, 0);

      /* The middle of the year, so that no calendar's new year can fall on the other side. */
      ret = format_wall_clock ((double) g_date_time_to_unix (middle) * 1000.0,
                               resolve_locale (locale), DATE_STYLE_YEAR);
    }

  return ret != NULL ? ret : g_strdup_printf ("%d", year);
}

/* ---- relative dates ------------------------------------------------------------------- */

typedef struct
{
  double                offset;
  URelativeDateTimeUnit unit;
} RelativeDate;

static int32_t
write_relative (gconstpointer  formatter,
                gconstpointer  data,
                UChar         *buffer,
                int32_t        capacity,
                UErrorCode    *status)
{
  const RelativeDate *relative = data;

  return ureldatefmt_format (formatter, relative->offset, relative->unit, buffer, capacity,
                             status);
}

static char *
format_relative (const char            *locale,
                 double                 offset,
                 URelativeDateTimeUnit  unit)
{
  URelativeDateTimeFormatter *formatter;
  RelativeDate relative = { offset, unit };
  char *ret = NULL;

  g_mutex_lock (&cache_lock);
  if (relative_formatters == NULL)
    relative_formatters = g_hash_table_new (g_direct_hash, g_direct_equal);
  formatter = g_hash_table_lookup (relative_formatters, locale);
  if (formatter == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      formatter = ureldatefmt_open (locale, NULL, UDAT_STYLE_LONG,
                                    UDISPCTX_CAPITALIZATION_NONE, &status);
      if (U_FAILURE (status))
        {
          g_debug ("No relative date format for %s: %s", locale, u_errorName (status));
          g_clear_pointer (&formatter, ureldatefmt_close);
        }
      else
        g_hash_table_insert (relative_formatters, (gpointer) locale, formatter);
    }
  if (formatter != NULL)
    ret = icu_write (write_relative, formatter, &relative);
  g_mutex_unlock (&cache_lock);

  return ret;
}

/* The day of @date in the local calendar, as a count, so that days can be subtracted. */
static gint64
local_day_number (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  int year, month, day;
  GDate local_day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&local_day, 1);
  g_date_set_dmy (&local_day, day, month, year);
  return g_date_get_julian (&local_day);
}

/**
 * gazette_format_relative_date:
 * @date: the date to write
 * @now: the present, as the caller sees it (so that a list can write all its rows against
 *   one instant)
 * @locale: (nullable): a locale as for gazette_format_date(), or %NULL for the user
 *   interface's
 *
 * Writes how long ago @date was, in words ICU translates, while that is the clearer way:
 * "now" within a minute; "5 minutes ago" ("5 นาทีที่ผ่านมา", "5分钟前") within the hour; "3
 * hours ago" for earlier the same day; "yesterday" ("เมื่อวาน", "昨天") or "3 days ago" for
 * the previous six days, counted in calendar days of the local time zone; the date, as
 * gazette_format_date() writes it, from a week on. Dates after @now read the same way
 * forwards ("in 5 minutes", "tomorrow"), since clocks and publishers disagree.
 *
 * Returns: (transfer full): the text
 */
char *
gazette_format_relative_date (GDateTime  *date,
                              GDateTime  *now,
                              const char *locale)
{
  const char *icu_locale;
  GTimeSpan ago;
  gint64 days;
  char *ret = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  icu_locale = resolve_locale (locale);
  ago = g_date_time_difference (now, date);
  days = local_day_number (now) - local_day_number (date);

  if (ABS (ago) < G_TIME_SPAN_MINUTE)
    ret = format_relative (icu_locale, 0, UDAT_REL_UNIT_SECOND);
  else if (ABS (ago) < G_TIME_SPAN_HOUR)
    ret = format_relative (icu_locale, -(double) (ago / G_TIME_SPAN_MINUTE),
                           UDAT_REL_UNIT_MINUTE);
  else if (days == 0)
    ret = format_relative (icu_locale, -(double) (ago / G_TIME_SPAN_HOUR), UDAT_REL_UNIT_HOUR);
  else if (ABS (days) < 7)
    ret = format_relative (icu_locale, -(double) days, UDAT_REL_UNIT_DAY);

  return ret != NULL ? ret : format_date_style (date, icu_locale, DATE_STYLE_DATE);
}

/* ---- numbers and amounts -------------------------------------------------------------- */

static const UNumberFormatter *
number_formatter (const char *locale,
                  const char *skeleton)
{
  g_autofree char *key = g_strconcat (locale, "|", skeleton, NULL);
  UNumberFormatter *formatter;

  g_mutex_lock (&cache_lock);
  if (number_formatters == NULL)
    number_formatters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  formatter = g_hash_table_lookup (number_formatters, key);
  if (formatter == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      int32_t length = 0;
      g_autofree UChar *uskeleton = utf8_to_utf16 (skeleton, &length);

      formatter = unumf_openForSkeletonAndLocale (uskeleton, length, locale, &status);
      if (U_FAILURE (status))
        {
          g_debug ("No number format “%s” for %s: %s", skeleton, locale, u_errorName (status));
          g_clear_pointer (&formatter, unumf_close);
        }
      else
        g_hash_table_insert (number_formatters, g_steal_pointer (&key), formatter);
    }
  g_mutex_unlock (&cache_lock);

  return formatter;
}

static int32_t
write_number (gconstpointer  result,
              gconstpointer  data,
              UChar         *buffer,
              int32_t        capacity,
              UErrorCode    *status)
{
  return unumf_resultToString (result, buffer, capacity, status);
}

/* @value through the ICU number skeleton @skeleton, or NULL when ICU fails. */
static char *
format_skeleton (double      value,
                 const char *locale,
                 const char *skeleton)
{
  const UNumberFormatter *formatter = number_formatter (locale, skeleton);
  UFormattedNumber *result;
  UErrorCode status = U_ZERO_ERROR;
  char *ret = NULL;

  if (formatter == NULL)
    return NULL;

  result = unumf_openResult (&status);
  unumf_formatDouble (formatter, value, result, &status);
  if (U_SUCCESS (status))
    ret = icu_write (write_number, result, NULL);
  unumf_closeResult (result);

  /* Some locales leave the space meant for a hidden currency symbol: "500.000 ". */
  return ret != NULL ? g_strstrip (ret) : NULL;
}

static char *
format_plain (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

/**
 * gazette_format_number:
 * @value: a number
 * @locale: (nullable): a locale as for gazette_format_date(), or %NULL for the user
 *   interface's
 *
 * Writes @value in full with the locale's digits and separators ("120,000,000,000",
 * "12.345,67" in German), with at most six decimals.
 *
 * Returns: (transfer full): the text
 */
char *
gazette_format_number (double      value,
                       const char *locale)
{
  char *ret = format_skeleton (value, resolve_locale (locale), "");

  return ret != NULL ? ret : format_plain (value);
}

/* An ISO 4217 code ICU knows, in capitals, or NULL. */
static char *
currency_code (const char *unit)
{
  g_autofree char *code = NULL;
  UChar ucode[4];
  UErrorCode status = U_ZERO_ERROR;

  if (strlen (unit) != 3 || !g_ascii_isalpha (unit[0]) || !g_ascii_isalpha (unit[1])
      || !g_ascii_isalpha (unit[2]))
    return NULL;

  code = g_ascii_strup (unit, -1);
  for (guint i = 0; i < 4; i++)
    ucode[i] = (UChar) code[i];
  if (!ucurr_isAvailable (ucode, -HUGE_VAL, HUGE_VAL, &status) || U_FAILURE (status))
    return NULL;

  return g_steal_pointer (&code);
}

/* Thai and Chinese write an amount as a number and the currency's name ("1.2 แสนล้านบาท",
 * "1200亿元") rather than with a symbol. ICU gives the formal names, which are right for
 * most currencies (บาท, ดอลลาร์สหรัฐ, ยูโร; 美元, 泰铢, 欧元) but not for the yuan: ICU
 * says "หยวนจีน" and "人民币", where announcements and their readers say "หยวน" and "元"
 * ("7.2 หมื่นล้านหยวน", "720亿元"). */
static char *
currency_word (const char *currency,
               const char *locale,
               const char *language)
{
  static const struct {
    const char *language;
    const char *currency;
    const char *word;
  } words[] = {
    { "th", "CNY", "หยวน" },
    { "zh", "CNY", "元" },
  };
  UChar ucode[4];
  const UChar *name;
  UBool is_choice_format = FALSE;
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (words[i].language, language) && g_str_equal (words[i].currency, currency))
      return g_strdup (words[i].word);

  for (guint i = 0; i < 4; i++)
    ucode[i] = (UChar) currency[i];
  name = ucurr_getName (ucode, locale, UCURR_LONG_NAME, &is_choice_format, &length, &status);
  if (U_FAILURE (status) || name == NULL)
    return g_strdup (currency);

  return utf16_to_utf8 (name, length);
}

/* A number and a unit as the language sets them. Chinese puts a unit in Han characters
 * right after the number ("1200亿元", "150吨"); Thai joins a unit word to a number word
 * ("1.2 แสนล้านหยวน") but keeps a space after digits ("500 บาท"); other languages, and units
 * in Latin letters, take a space. */
static char *
join_unit (const char *number,
           const char *unit,
           const char *language)
{
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (number, number + strlen (number)));
  GUnicodeScript last_script = g_unichar_get_script (last);
  GUnicodeScript unit_script = g_unichar_get_script (g_utf8_get_char (unit));
  gboolean space = TRUE;

  if ((g_str_equal (language, "zh") || g_str_equal (language, "ja"))
      && unit_script == G_UNICODE_SCRIPT_HAN)
    space = FALSE;
  else if (g_str_equal (language, "th")
           && last_script == G_UNICODE_SCRIPT_THAI && unit_script == G_UNICODE_SCRIPT_THAI)
    space = FALSE;

  return g_strconcat (number, space ? " " : "", unit, NULL);
}

/* What the locale writes before and after the digits of an amount of @currency: "CN¥" and ""
 * in English, "" and " CN¥" in German; with the minus sign when @negative. */
static gboolean
currency_affixes (const char  *currency,
                  const char  *locale,
                  gboolean     negative,
                  char       **prefix,
                  char       **suffix)
{
  g_autofree char *skeleton = g_strdup_printf ("currency/%s precision-integer", currency);
  const UNumberFormatter *formatter = number_formatter (locale, skeleton);
  UFormattedNumber *result;
  UFieldPosition position = { UNUM_INTEGER_FIELD, 0, 0 };
  UChar text[64];
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  gboolean found = FALSE;

  if (formatter == NULL)
    return FALSE;

  result = unumf_openResult (&status);
  unumf_formatDouble (formatter, negative ? -1.0 : 1.0, result, &status);
  length = unumf_resultToString (result, text, G_N_ELEMENTS (text), &status);
  if (U_SUCCESS (status) && status != U_STRING_NOT_TERMINATED_WARNING)
    found = unumf_resultNextFieldPosition (result, &position, &status) && U_SUCCESS (status);
  unumf_closeResult (result);

  if (!found)
    return FALSE;

  *prefix = utf16_to_utf8 (text, position.beginIndex);
  *suffix = utf16_to_utf8 (text + position.endIndex, length - position.endIndex);
  return *prefix != NULL && *suffix != NULL;
}

static char *
format_currency (double      value,
                 const char *currency,
                 const char *locale,
                 const char *language)
{
  gboolean large = fabs (value) >= COMPACT_FROM;
  g_autofree char *skeleton = NULL;
  g_autofree char *number = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  if (g_str_equal (language, "th") || g_str_equal (language, "zh"))
    {
      g_autofree char *word = currency_word (currency, locale, language);

      if (large)
        number = format_skeleton (value, locale, "compact-long");
      else
        {
          skeleton = g_strdup_printf ("currency/%s unit-width-hidden "
                                      "precision-currency-standard/w", currency);
          number = format_skeleton (value, locale, skeleton);
        }
      return number != NULL ? join_unit (number, word, language) : NULL;
    }

  if (!large)
    {
      skeleton = g_strdup_printf ("currency/%s precision-currency-standard/w", currency);
      return format_skeleton (value, locale, skeleton);
    }

  /* ICU has no long compact patterns for currencies and falls back to the short ones
   * ("CN¥120B"); the long words read better, so the amount is the locale's currency affixes
   * around the long compact number: "CN¥120 billion", "120 Milliarden CN¥". */
  number = format_skeleton (fabs (value), locale, "compact-long");
  if (number == NULL || !currency_affixes (currency, locale, value < 0, &prefix, &suffix))
    return NULL;
  return g_strconcat (prefix, number, suffix, NULL);
}

/**
 * gazette_format_amount:
 * @value: an amount in plain units: 120000000000 for 120 billion yuan
 * @unit: (nullable): an ISO 4217 currency code ("CNY", "THB", "USD"), "%", another unit
 *   written after the number ("people"), or %NULL
 * @locale: (nullable): a locale as for gazette_format_date(), or %NULL for the user
 *   interface's
 *
 * Writes a figure as a reader of @locale expects it. From a million on, amounts use the
 * locale's own large units through ICU's compact notation: 120000000000 CNY is
 * "CN¥120 billion" in English, "1.2 แสนล้านหยวน" in Thai and "1200亿元" in Chinese. Smaller
 * amounts are written in full ("CN¥12,345.67", "12,345.67 หยวน", "12,345.67元"), without
 * decimals when the amount is whole.
 *
 * Thai and Chinese name the currency after the number, as their announcements do, and call
 * the yuan "หยวน" and "元" where ICU says "หยวนจีน" and "人民币"; other languages get ICU's
 * currency symbol where the locale puts it. The chart labels and the command line use this
 * too.
 *
 * Returns: (transfer full): the text
 */
char *
gazette_format_amount (double      value,
                       const char *unit,
                       const char *locale)
{
  const char *icu_locale = resolve_locale (locale);
  char language[ULOC_LANG_CAPACITY];
  g_autofree char *currency = NULL;
  g_autofree char *number = NULL;
  char *ret = NULL;

  get_language (icu_locale, language);

  if (unit != NULL && g_str_equal (unit, "%"))
    ret = format_skeleton (value, icu_locale, "percent");
  else if (unit != NULL && (currency = currency_code (unit)) != NULL)
    ret = format_currency (value, currency, icu_locale, language);
  else
    {
      number = format_skeleton (value, icu_locale,
                                fabs (value) >= COMPACT_FROM ? "compact-long" : "");
      if (number != NULL && unit != NULL && *unit != '\0')
        ret = join_unit (number, unit, language);
      else
        ret = g_steal_pointer (&number);
    }

  if (ret == NULL)
    {
      g_autofree char *plain = format_plain (value);

      ret = unit != NULL && *unit != '\0' ? g_strconcat (plain, " ", unit, NULL)
                                          : g_steal_pointer (&plain);
    }

  return ret;
}
