/* gazette-numbers.c
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

#define G_LOG_DOMAIN "gazette-numbers"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gazette-numbers.h"

/* No announcement states a larger amount; capping keeps long digit runs (identifiers, hashes)
 * out of the results and every accepted value finite. */
#define MAX_AMOUNT          1e18
#define MAX_INTEGER         G_GUINT64_CONSTANT (1000000000000000000)
#define MAX_MANTISSA_DIGITS 40
#define MAX_EXPONENT        1000
#define MAX_CHINESE_RUN     32

/* A number as decimal digits and a power of ten, so that "1.2" and "แสนล้าน" become "12e10"
 * and one correctly rounded conversion gives exactly 120000000000: multiplying 1.2 by 1e11 in
 * binary floating point would not. */
typedef struct
{
  char  mantissa[MAX_MANTISSA_DIGITS];
  guint n_digits;
  int   exponent;
} Decimal;

typedef struct
{
  const char *word;
  const char *currency;
} CurrencyWord;

typedef struct
{
  const char *word;
  int         exponent;
} ScaleWord;

/* Longer words first where one begins another. In these announcements "¥" is the yuan. */
static const CurrencyWord prefix_currencies[] = {
  { "CN¥", "CNY" }, { "¥", "CNY" }, { "￥", "CNY" }, { "฿", "THB" }, { "US$", "USD" },
  { "$", "USD" }, { "人民币", "CNY" }, { "RMB", "CNY" }, { "CNY", "CNY" }, { "THB", "THB" },
  { "USD", "USD" },
};

static const CurrencyWord suffix_currencies[] = {
  { "元人民币", "CNY" }, { "人民币", "CNY" }, { "美元", "USD" }, { "元", "CNY" },
  { "หยวน", "CNY" }, { "บาท", "THB" }, { "ดอลลาร์สหรัฐ", "USD" }, { "yuan", "CNY" },
  { "renminbi", "CNY" }, { "RMB", "CNY" }, { "CNY", "CNY" }, { "baht", "THB" },
  { "THB", "THB" }, { "US dollars", "USD" }, { "USD", "USD" },
  /* Counted things other than money: part of the amount's text, but no currency. */
  { "คน", NULL }, { "人", NULL }, { "people", NULL },
};

/* Scale words multiply whatever precedes them, so they chain: "แสนล้าน" is 1e5 × 1e6 and
 * "万亿" is 1e4 × 1e8. 兆 is left out on purpose: it is 1e12 in the old reckoning but "mega"
 * in today's mainland units ("100兆瓦" is 100 MW), so reading it either way would be wrong
 * half the time. */
static const ScaleWord scales[] = {
  { "ล้าน", 6 }, { "แสน", 5 }, { "หมื่น", 4 }, { "พัน", 3 },
  { "亿", 8 }, { "億", 8 }, { "万", 4 }, { "萬", 4 }, { "千", 3 }, { "百", 2 },
  { "thousand", 3 }, { "million", 6 }, { "billion", 9 }, { "trillion", 12 },
};

static const guint64 powers_of_ten[] = {
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
};

static void
decimal_push (Decimal  *dec,
              int       digit,
              gboolean  fraction)
{
  g_assert (digit >= 0 && digit <= 9);

  if (dec->n_digits == 0 && digit == 0)
    {
      if (fraction)
        dec->exponent--;
      return;
    }

  /* Digits past the fortieth cannot change a double; only their place value matters. */
  if (dec->n_digits < MAX_MANTISSA_DIGITS)
    {
      dec->mantissa[dec->n_digits++] = (char) ('0' + digit);
      if (fraction)
        dec->exponent--;
    }
  else if (!fraction)
    {
      dec->exponent++;
    }
}

static void
decimal_set_integer (Decimal *dec,
                     guint64  value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  for (const char *p = buf; *p; p++)
    decimal_push (dec, *p - '0', FALSE);
}

static double
decimal_value (const Decimal *dec)
{
  char buf[MAX_MANTISSA_DIGITS + 32];

  if (dec->n_digits == 0)
    return 0.0;

  g_snprintf (buf, sizeof buf, "%.*se%d", (int) dec->n_digits, dec->mantissa, dec->exponent);
  return g_ascii_strtod (buf, NULL);
}

static int
digit_at (const char *p)
{
  if (*p == '\0')
    return -1;

  /* Any decimal digit: ASCII, Thai ๐–๙, full-width… */
  return g_unichar_digit_value (g_utf8_get_char (p));
}

static int
chinese_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
      return 0;
    case 0x4E00: /* 一 */
      return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
      return 2;
    case 0x4E09: /* 三 */
      return 3;
    case 0x56DB: /* 四 */
      return 4;
    case 0x4E94: /* 五 */
      return 5;
    case 0x516D: /* 六 */
      return 6;
    case 0x4E03: /* 七 */
      return 7;
    case 0x516B: /* 八 */
      return 8;
    case 0x4E5D: /* 九 */
      return 9;
    default:
      return -1;
    }
}

/* The power of ten of a Chinese unit character, or 0. */
static int
chinese_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: /* 十 */
      return 1;
    case 0x767E: /* 百 */
      return 2;
    case 0x5343: /* 千 */
      return 3;
    case 0x4E07: /* 万 */
    case 0x842C: /* 萬 */
      return 4;
    case 0x4EBF: /* 亿 */
    case 0x5104: /* 億 */
      return 8;
    default:
      return 0;
    }
}

static gboolean
is_chinese_numeral (gunichar c)
{
  return chinese_digit (c) >= 0 || chinese_unit (c) > 0;
}

static const char *
skip_spaces (const char *p)
{
  while (*p && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* Latin words match case-insensitively and only whole ("billionaire" is no scale); a digit may
 * follow, as in "RMB720". */
static const char *
match_word (const char *p,
            const char *word)
{
  gsize len = strlen (word);

  if (g_ascii_isalpha (word[0]))
    {
      if (g_ascii_strncasecmp (p, word, len) != 0)
        return NULL;
      if (g_ascii_isalpha (word[len - 1]) && g_ascii_isalpha (p[len]))
        return NULL;
      return p + len;
    }

  return strncmp (p, word, len) == 0 ? p + len : NULL;
}

static const char *
match_currency (const char         *p,
                const CurrencyWord *table,
                gsize               n_entries,
                const char        **currency)
{
  for (gsize i = 0; i < n_entries; i++)
    {
      const char *end = match_word (p, table[i].word);

      if (end != NULL)
        {
          *currency = table[i].currency;
          return end;
        }
    }

  return NULL;
}

static const char *
match_scale (const char *p,
             int        *exponent)
{
  for (gsize i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      const char *end = match_word (p, scales[i].word);

      if (end == NULL)
        continue;

      /* "พันธุ์" (breed, variety) begins like พัน but is no thousand. */
      if (strcmp (scales[i].word, "พัน") == 0 && g_str_has_prefix (end, "ธ"))
        continue;

      *exponent = scales[i].exponent;
      return end;
    }

  return NULL;
}

/* TRUE when the character before @p ties it to a word or a longer number, as in "A320",
 * "G20" or the "5" of "1.5", so a number starting at @p would be a fragment. */
static gboolean
glued_to_previous (const char *text,
                   const char *p)
{
  const char *prev;
  gunichar c;

  if (p == text)
    return FALSE;

  prev = g_utf8_prev_char (p);
  c = g_utf8_get_char (prev);

  if (c < 0x80 && g_ascii_isalnum ((char) c))
    return TRUE;
  if (g_unichar_digit_value (c) >= 0)
    return TRUE;
  if ((c == '.' || c == ',') && prev > text)
    return digit_at (g_utf8_prev_char (prev)) >= 0;

  return FALSE;
}

static gboolean
preceded_by_chinese_numeral (const char *text,
                             const char *p)
{
  return p > text && is_chinese_numeral (g_utf8_get_char (g_utf8_prev_char (p)));
}

/* Exactly three digits and no fourth: one "1,234,567" group. */
static const char *
scan_digit_group (const char *p,
                  Decimal    *dec)
{
  int digits[3];

  for (guint i = 0; i < 3; i++)
    {
      if ((digits[i] = digit_at (p)) < 0)
        return NULL;
      p = g_utf8_next_char (p);
    }

  if (digit_at (p) >= 0)
    return NULL;

  for (guint i = 0; i < 3; i++)
    decimal_push (dec, digits[i], FALSE);

  return p;
}

static const char *
scan_digits (const char *p,
             Decimal    *dec)
{
  guint n_leading = 0;
  int d;

  while ((d = digit_at (p)) >= 0)
    {
      decimal_push (dec, d, FALSE);
      n_leading++;
      p = g_utf8_next_char (p);
    }

  if (n_leading == 0)
    return NULL;

  if (n_leading <= 3)
    {
      const char *after;

      while (*p == ',' && (after = scan_digit_group (p + 1, dec)) != NULL)
        p = after;
    }

  if (*p == '.' && digit_at (p + 1) >= 0)
    {
      for (p++; (d = digit_at (p)) >= 0; p = g_utf8_next_char (p))
        decimal_push (dec, d, TRUE);
    }

  return p;
}

/* Reads 一千二百亿-style numbers: digits say how many of the unit that follows them. */
static gboolean
chinese_units_value (const gunichar *run,
                     guint           n,
                     guint64        *value)
{
  guint64 total = 0;    /* everything already multiplied by 万 or 亿 */
  guint64 section = 0;  /* below 万 */
  guint64 number = 0;   /* the digit waiting for its unit */
  int last_unit = 0;
  gboolean after_digit = FALSE;

  for (guint i = 0; i < n; i++)
    {
      int d = chinese_digit (run[i]);
      int e = chinese_unit (run[i]);

      if (d > 0)
        {
          /* "五五百" is no number in unit notation. */
          if (after_digit)
            return FALSE;
          number = (guint64) d;
          after_digit = TRUE;
          continue;
        }

      if (d == 0)
        {
          /* 零 only marks a skipped place: 一亿零五百万, 一百零五. */
          number = 0;
          last_unit = 0;
          after_digit = FALSE;
          continue;
        }

      after_digit = FALSE;

      if (e <= 3)
        {
          if (number == 0)
            {
              /* 十二 is twelve; a bare 百 or 千 ("千万" = "by all means") is a word. */
              if (e != 1)
                return FALSE;
              number = 1;
            }
          section += number * powers_of_ten[e];
        }
      else
        {
          guint64 scaled = e == 4 ? section + number : total + section + number;

          if (scaled == 0 || scaled > MAX_INTEGER / powers_of_ten[e])
            return FALSE;

          if (e == 4)
            total += scaled * powers_of_ten[e];
          else
            total = scaled * powers_of_ten[e];
          section = 0;
        }

      number = 0;
      last_unit = e;
    }

  /* A trailing digit after a unit counts in the next unit down: 三万五 is 35000, 一百五 150. */
  if (number > 0 && last_unit >= 2)
    number *= powers_of_ten[last_unit == 8 ? 7 : last_unit - 1];

  *value = total + section + number;
  return *value <= MAX_INTEGER;
}

static const char *
scan_chinese (const char *p,
              Decimal    *dec,
              guint      *n_chars)
{
  gunichar run[MAX_CHINESE_RUN];
  gboolean positional = TRUE;
  guint64 value = 0;
  guint n = 0;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_chinese_numeral (c))
        break;
      if (n == MAX_CHINESE_RUN)
        return NULL;
      if (chinese_unit (c) > 0)
        positional = FALSE;
      run[n++] = c;
    }

  if (n == 0)
    return NULL;

  if (positional)
    {
      /* 二〇二二: one character per digit. */
      for (guint i = 0; i < n; i++)
        {
          guint64 d = (guint64) chinese_digit (run[i]);

          if (value > (MAX_INTEGER - d) / 10)
            return NULL;
          value = value * 10 + d;
        }
    }
  else if (!chinese_units_value (run, n, &value))
    {
      return NULL;
    }

  decimal_set_integer (dec, value);
  *n_chars = n;
  return p;
}

/* Reads one amount starting exactly at @p; returns where it ends, or NULL. @running_text asks
 * for the stricter reading used on prose, where a lone 一 is usually part of a word. */
static const char *
scan_amount (const char    *text,
             const char    *p,
             gboolean       running_text,
             GazetteAmount *amount)
{
  const char *currency = NULL;
  const char *suffix_currency = NULL;
  const char *q;
  const char *number_end;
  const char *end;
  const char *r;
  Decimal dec = { { 0 }, 0, 0 };
  gboolean arabic = FALSE;
  gboolean has_unit = FALSE;
  guint n_chinese = 0;
  double value;
  int exponent;

  if ((g_ascii_isalnum (*p) || digit_at (p) >= 0) && glued_to_previous (text, p))
    return NULL;

  q = match_currency (p, prefix_currencies, G_N_ELEMENTS (prefix_currencies), &currency);
  q = q != NULL ? skip_spaces (q) : p;

  if (digit_at (q) >= 0)
    {
      q = scan_digits (q, &dec);
      arabic = TRUE;
    }
  else if (*q && is_chinese_numeral (g_utf8_get_char (q)))
    {
      if (preceded_by_chinese_numeral (text, q))
        return NULL;
      q = scan_chinese (q, &dec, &n_chinese);
    }
  else
    {
      return NULL;
    }

  if (q == NULL)
    return NULL;

  number_end = end = q;

  while ((r = match_scale (skip_spaces (end), &exponent)) != NULL)
    {
      dec.exponent += exponent;
      if (dec.exponent > MAX_EXPONENT)
        return NULL;
      end = r;
    }

  r = match_currency (skip_spaces (end), suffix_currencies, G_N_ELEMENTS (suffix_currencies),
                      &suffix_currency);
  /* 人民币720亿元 names the currency twice; a clash ("$5 บาท") leaves the suffix out. */
  if (r != NULL && (currency == NULL || g_strcmp0 (currency, suffix_currency) == 0))
    {
      currency = suffix_currency;
      has_unit = TRUE;
      end = r;
    }

  /* "3D", "5G" and "15%" are no amounts. */
  if (arabic && end == number_end
      && (g_ascii_isalnum (*end) || *end == '%' || g_str_has_prefix (end, "％")))
    return NULL;

  if (running_text && n_chinese == 1 && currency == NULL && !has_unit)
    return NULL;

  value = decimal_value (&dec);
  if (!isfinite (value) || value > MAX_AMOUNT)
    return NULL;

  amount->value = value;
  amount->currency = currency;
  amount->start = (gsize) (p - text);
  amount->end = (gsize) (end - text);

  return end;
}

/* Exactly four digits, not part of a longer run. */
static const char *
scan_four_digits (const char *p,
                  int        *value)
{
  *value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = digit_at (p);

      if (d < 0)
        return NULL;
      *value = *value * 10 + d;
      p = g_utf8_next_char (p);
    }

  return digit_at (p) >= 0 ? NULL : p;
}

static const char *
scan_year (const char *text,
           const char *p,
           int        *year)
{
  const char *q = p;
  const char *r;
  gboolean thai_year = FALSE;
  gboolean buddhist_era = FALSE;
  gboolean common_era = FALSE;
  GazetteAmount amount;
  int value;

  if ((r = match_word (q, "ปี")) != NULL)
    {
      thai_year = TRUE;
      q = skip_spaces (r);
    }

  if ((r = match_word (q, "พ.ศ.")) != NULL || (r = match_word (q, "พ.ศ")) != NULL)
    {
      buddhist_era = TRUE;
      q = skip_spaces (r);
    }
  else if ((r = match_word (q, "ค.ศ.")) != NULL || (r = match_word (q, "ค.ศ")) != NULL)
    {
      common_era = TRUE;
      q = skip_spaces (r);
    }

  if (thai_year || buddhist_era || common_era)
    {
      if ((r = scan_four_digits (q, &value)) == NULL)
        return NULL;

      /* "ปี 2565" counts from the Buddha's death, 543 years before the common era; a bare
       * ปี before a year that can only be Gregorian ("ปี 2022") is left alone. */
      if (buddhist_era || (thai_year && !common_era && value > 2400))
        value -= 543;

      *year = value;
      return r;
    }

  if (digit_at (q) >= 0)
    {
      if (glued_to_previous (text, q) || (r = scan_four_digits (q, &value)) == NULL)
        return NULL;

      q = skip_spaces (r);
      if ((q = match_word (q, "年")) != NULL)
        {
          *year = value;
          return q;
        }

      /* A bare number is a year only when nothing makes it an amount or a fragment
       * ("2022 million", "2022.5", "2022%"), and only in this range. */
      if (value < 1900 || value > 2100)
        return NULL;
      if (scan_amount (text, p, TRUE, &amount) == NULL || amount.end != (gsize) (r - text))
        return NULL;

      *year = value;
      return r;
    }

  if (*q && chinese_digit (g_utf8_get_char (q)) >= 0 && !preceded_by_chinese_numeral (text, q))
    {
      /* 二〇二二年: four positional digits. */
      value = 0;
      for (guint i = 0; i < 4; i++)
        {
          int d = *q ? chinese_digit (g_utf8_get_char (q)) : -1;

          if (d < 0)
            return NULL;
          value = value * 10 + d;
          q = g_utf8_next_char (q);
        }

      if ((q = match_word (q, "年")) == NULL)
        return NULL;

      *year = value;
      return q;
    }

  return NULL;
}

static GArray *
find_years (const char *text)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (GazetteYearMatch));

  for (const char *p = text; *p;)
    {
      GazetteYearMatch match;
      const char *end = scan_year (text, p, &match.year);

      if (end == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      match.start = (gsize) (p - text);
      match.end = (gsize) (end - text);
      g_array_append_val (years, match);
      p = end;
    }

  return years;
}

/**
 * gazette_parse_amount:
 * @text: UTF-8 text holding one amount, such as "1.2 แสนล้านหยวน" or "人民币720亿元"
 * @amount: (out caller-allocates): where to store the amount
 *
 * Reads @text as a single amount: Arabic or Thai digits with Thai, Chinese or English scale
 * words, or Chinese numerals, with an optional currency before or after, or a counted unit
 * after (คน, 人, people), which is kept in the match but sets no currency. White space around
 * it is allowed; anything else makes it fail. The offsets in @amount count bytes of @text.
 *
 * Returns: %TRUE if the whole of @text is one amount
 */
gboolean
gazette_parse_amount (const char    *text,
                      GazetteAmount *amount)
{
  GazetteAmount parsed;
  const char *start;
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  start = skip_spaces (text);
  end = scan_amount (text, start, FALSE, &parsed);
  if (end == NULL || *skip_spaces (end) != '\0')
    return FALSE;

  *amount = parsed;
  return TRUE;
}

/**
 * gazette_find_amounts:
 * @text: UTF-8 running text
 *
 * Finds every amount in @text, in order, the way gazette_parse_amount() reads them. Years
 * (those gazette_find_years() finds) are not amounts, and neither is a single Chinese numeral
 * without a currency or a counted unit (三元 and 三人 are), because in prose it is nearly
 * always part of a word (一些, 一号).
 * Invalid UTF-8 gives an empty array.
 *
 * Returns: (transfer full) (element-type GazetteAmount): the amounts found
 */
GArray *
gazette_find_amounts (const char *text)
{
  g_autoptr(GArray) amounts = NULL;
  g_autoptr(GArray) years = NULL;
  guint y = 0;

  g_return_val_if_fail (text != NULL, NULL);

  amounts = g_array_new (FALSE, FALSE, sizeof (GazetteAmount));
  if (!g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&amounts);

  years = find_years (text);

  for (const char *p = text; *p;)
    {
      GazetteAmount amount;
      const char *end = scan_amount (text, p, TRUE, &amount);

      if (end == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      while (y < years->len && g_array_index (years, GazetteYearMatch, y).end <= amount.start)
        y++;
      if (y == years->len || g_array_index (years, GazetteYearMatch, y).start >= amount.end)
        g_array_append_val (amounts, amount);

      p = end;
    }

  return g_steal_pointer (&amounts);
}

/**
 * gazette_parse_year:
 * @text: UTF-8 text holding one year, such as "พ.ศ. 2565", "ปี 2565", "2022年" or "2022"
 * @gregorian_year: (out): where to store the year of the common era
 *
 * Reads @text as a single year. Thai years after พ.ศ., or after ปี when above 2400, are
 * Buddhist-era years and are converted; a bare number is a year only between 1900 and 2100.
 *
 * Returns: %TRUE if the whole of @text is one year
 */
gboolean
gazette_parse_year (const char *text,
                    int        *gregorian_year)
{
  const char *start;
  const char *end;
  int year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (gregorian_year != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  start = skip_spaces (text);
  end = scan_year (text, start, &year);
  if (end == NULL || *skip_spaces (end) != '\0')
    return FALSE;

  *gregorian_year = year;
  return TRUE;
}

/**
 * gazette_find_years:
 * @text: UTF-8 running text
 *
 * Finds every year in @text, in order, as gazette_parse_year() reads them. Spans include the
 * era or 年 around the number ("ปี 2565", "2022年"). Invalid UTF-8 gives an empty array.
 *
 * Returns: (transfer full) (element-type GazetteYearMatch): the years found
 */
GArray *
gazette_find_years (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_array_new (FALSE, FALSE, sizeof (GazetteYearMatch));

  return find_years (text);
}

/* Figures in running text: how far a source text reaches either side of the amount when no
 * sentence ends sooner, in characters, and how many figures one announcement may get. */
#define FRAGMENT_REACH 60
#define MAX_TEXT_FIGURES 8

static gboolean
ends_sentence (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case '!':
    case '?':
    case ';':
    case '\n':
      return TRUE;
    case '.':
      /* Not the point of "1.2". */
      return p[1] == '\0' || g_ascii_isspace (p[1]);
    default:
      return FALSE;
    }
}

/* The sentence around [start, end) of @text, at most FRAGMENT_REACH characters either side. */
static char *
fragment_around (const char *text,
                 gsize       start,
                 gsize       end,
                 gsize      *fragment_start)
{
  const char *from = text + start;
  const char *to = text + end;

  for (guint i = 0; i < FRAGMENT_REACH && from > text; i++)
    {
      const char *previous = g_utf8_prev_char (from);

      if (ends_sentence (previous))
        break;
      from = previous;
    }

  for (guint i = 0; i < FRAGMENT_REACH && *to != '\0'; i++)
    {
      gboolean last = ends_sentence (to);

      to = g_utf8_next_char (to);
      if (last)
        break;
    }

  while (from < to && g_unichar_isspace (g_utf8_get_char (from)))
    from = g_utf8_next_char (from);
  while (to > from && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
    to = g_utf8_prev_char (to);

  *fragment_start = from - text;
  return g_strndup (from, to - from);
}

/**
 * gazette_find_figures:
 * @texts: (array length=n_texts): texts of one announcement (title, summary, body), any
 *   of them %NULL
 * @n_texts: how many
 *
 * Reads the sums of money in @texts as figures marked %from_text: the value and currency,
 * the year written in the same sentence (the nearest one), and the sentence, or 60
 * characters either side of the amount, as the source text. The label stays empty: which
 * words name a figure is not something text can be trusted to tell. An amount repeated (the
 * title's figure again in the body) counts once.
 *
 * Returns: (transfer container) (element-type GazetteFigure): the figures, at most eight
 */
GPtrArray *
gazette_find_figures (const char * const *texts,
                      guint               n_texts)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_figure_unref);

  for (guint t = 0; t < n_texts && figures->len < MAX_TEXT_FIGURES; t++)
    {
      g_autoptr(GArray) amounts = NULL;

      if (texts[t] == NULL)
        continue;

      amounts = gazette_find_amounts (texts[t]);
      for (guint i = 0; i < amounts->len && figures->len < MAX_TEXT_FIGURES; i++)
        {
          const GazetteAmount *amount = &g_array_index (amounts, GazetteAmount, i);
          g_autoptr(GArray) years = NULL;
          g_autoptr(GazetteFigure) figure = NULL;
          gsize fragment_start = 0;
          gsize best_distance = G_MAXSIZE;
          gboolean seen = FALSE;

          if (amount->currency == NULL)
            continue;

          for (guint j = 0; j < figures->len && !seen; j++)
            {
              const GazetteFigure *other = g_ptr_array_index (figures, j);

              seen = other->value == amount->value &&
                     g_strcmp0 (other->unit, amount->currency) == 0;
            }
          if (seen)
            continue;

          figure = gazette_figure_new ();
          figure->value = amount->value;
          figure->unit = g_strdup (amount->currency);
          figure->from_text = TRUE;
          figure->source_text = fragment_around (texts[t], amount->start, amount->end,
                                                 &fragment_start);

          years = gazette_find_years (figure->source_text);
          for (guint j = 0; j < years->len; j++)
            {
              const GazetteYearMatch *year = &g_array_index (years, GazetteYearMatch, j);
              gsize amount_start = amount->start - fragment_start;
              gsize amount_end = amount->end - fragment_start;
              gsize distance = year->start >= amount_end ? year->start - amount_end
                               : amount_start >= year->end ? amount_start - year->end : 0;

              if (distance < best_distance)
                {
                  best_distance = distance;
                  figure->year = year->year;
                }
            }

          g_ptr_array_add (figures, g_steal_pointer (&figure));
        }
    }

  return g_steal_pointer (&figures);
}
