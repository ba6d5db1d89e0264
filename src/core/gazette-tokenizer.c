/* gazette-tokenizer.c
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

#define G_LOG_DOMAIN "gazette-tokenizer"

#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "gazette-tokenizer.h"

/* Longer tokens are cut: nobody searches for them, and the index need not hold them. */
#define MAX_TOKEN_UNITS 64

/* The word list is a trie over UTF-16 code units, the units ICU works in. Its edges live in
 * one open-addressing table keyed by (node, unit), which keeps thousands of names in a few
 * flat arrays. */
typedef struct
{
  guint64 key;      /* node << 16 | unit, plus one so that 0 marks a free slot */
  guint32 child;
} Edge;

struct _GazetteWordList
{
  gatomicrefcount  ref_count;
  Edge            *edges;
  guint            n_edges;
  guint            edges_mask;   /* capacity - 1; the capacity is a power of two */
  GByteArray      *terminal;     /* per node: 1 when a word ends there */
  guint            n_words;
};

struct _GazetteTokenizer
{
  GazetteWordList    *words;   /* or NULL */
  UBreakIterator     *breaker;
  const UNormalizer2 *nfkc_cf;
  const UNormalizer2 *nfd;
  const UNormalizer2 *nfc;

  /* Reused between runs. */
  GArray             *units;    /* UChar: the text in UTF-16 */
  GArray             *offsets;  /* guint32 per unit, and one more: byte offset in the text */
  GString            *token;
  GArray             *han_run;  /* guint32: unit offsets of the run's characters, and its end */
};

/* Word list */

static inline guint
edge_hash (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key;
}

static guint32
word_list_child (const GazetteWordList *self,
                 guint32                node,
                 UChar                  unit)
{
  guint64 key = (((guint64) node << 16) | unit) + 1;

  for (guint i = edge_hash (key) & self->edges_mask; ; i = (i + 1) & self->edges_mask)
    {
      if (self->edges[i].key == key)
        return self->edges[i].child;
      if (self->edges[i].key == 0)
        return 0;
    }
}

static void
word_list_insert_edge (GazetteWordList *self,
                       guint64          key,
                       guint32          child)
{
  guint i;

  for (i = edge_hash (key) & self->edges_mask;
       self->edges[i].key != 0;
       i = (i + 1) & self->edges_mask)
    ;
  self->edges[i].key = key;
  self->edges[i].child = child;
}

static guint32
word_list_add_child (GazetteWordList *self,
                     guint32          node,
                     UChar            unit)
{
  guint64 key = (((guint64) node << 16) | unit) + 1;
  guint32 child;

  /* Keep the table at most half full. */
  if ((self->n_edges + 1) * 2 > self->edges_mask + 1)
    {
      Edge *old = self->edges;
      guint old_capacity = self->edges_mask + 1;

      self->edges_mask = old_capacity * 2 - 1;
      self->edges = g_new0 (Edge, old_capacity * 2);
      for (guint i = 0; i < old_capacity; i++)
        if (old[i].key != 0)
          word_list_insert_edge (self, old[i].key, old[i].child);
      g_free (old);
    }

  child = self->terminal->len;
  g_byte_array_set_size (self->terminal, child + 1);
  self->terminal->data[child] = 0;
  word_list_insert_edge (self, key, child);
  self->n_edges++;

  return child;
}

/* The number of units of the longest word starting at @units[0], or 0. */
static guint
word_list_longest (const GazetteWordList *self,
                   const UChar           *units,
                   guint                  n_units)
{
  guint32 node = 0;
  guint longest = 0;

  for (guint i = 0; i < n_units; i++)
    {
      node = word_list_child (self, node, units[i]);
      if (node == 0)
        break;
      if (self->terminal->data[node])
        longest = i + 1;
    }

  return longest;
}

/**
 * gazette_word_list_new:
 *
 * Makes an empty list of known words for gazette_tokenizer_new(). A word list is not
 * thread-safe: whoever adds to it must keep its tokenizers from running meanwhile.
 *
 * Returns: (transfer full): a new word list
 */
GazetteWordList *
gazette_word_list_new (void)
{
  GazetteWordList *self = g_new0 (GazetteWordList, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->edges_mask = 255;
  self->edges = g_new0 (Edge, self->edges_mask + 1);
  self->terminal = g_byte_array_new ();
  /* Node 0 is the root. */
  g_byte_array_set_size (self->terminal, 1);
  self->terminal->data[0] = 0;

  return self;
}

GazetteWordList *
gazette_word_list_ref (GazetteWordList *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gazette_word_list_unref (GazetteWordList *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->edges);
  g_byte_array_unref (self->terminal);
  g_free (self);
}

/* The scripts that write words without spaces between them, which ICU segments with a
 * dictionary: only there can a known word change where words break. */
static gboolean
is_dictionary_script (UChar32 c)
{
  UErrorCode status = U_ZERO_ERROR;

  /* Most characters of a text are in these ranges, and asking ICU is slower. */
  if (c < 0x0E00)
    return FALSE;
  if (c <= 0x0E7F || (c >= 0x4E00 && c <= 0x9FFF))
    return TRUE;

  switch ((int) uscript_getScript (c, &status))
    {
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_han (UChar32 c)
{
  UErrorCode status = U_ZERO_ERROR;

  if (c < 0x2E80)
    return FALSE;
  if (c >= 0x4E00 && c <= 0x9FFF)
    return TRUE;

  return uscript_getScript (c, &status) == USCRIPT_HAN;
}

/* Adds one space-free piece of a name. */
static gboolean
word_list_add_piece (GazetteWordList *self,
                     const UChar     *units,
                     gint32           n_units)
{
  gboolean any_dictionary = FALSE;
  guint32 node = 0;

  for (gint32 i = 0; i < n_units && !any_dictionary; )
    {
      UChar32 c;

      U16_NEXT (units, i, n_units, c);
      any_dictionary = is_dictionary_script (c);
    }

  /* Elsewhere spaces already separate words. */
  if (!any_dictionary || n_units < 2 || n_units > MAX_TOKEN_UNITS)
    return FALSE;

  for (gint32 i = 0; i < n_units; i++)
    {
      guint32 child = word_list_child (self, node, units[i]);

      if (child == 0)
        child = word_list_add_child (self, node, units[i]);
      node = child;
    }

  if (self->terminal->data[node])
    return FALSE;

  self->terminal->data[node] = 1;
  self->n_words++;

  return TRUE;
}

/**
 * gazette_word_list_add:
 * @self: a word list
 * @name: a name, such as "เซียวชาน" or "中国视谷"; names with spaces ("ไชน่า วี วัลเลย์")
 *   add each piece
 *
 * Teaches tokenizers that use @self a name. Only pieces written in a script without spaces
 * between words (Thai, Chinese…) and of at least two code units are kept: elsewhere words
 * break at spaces anyway.
 *
 * Returns: %TRUE when the list learnt something new
 */
gboolean
gazette_word_list_add (GazetteWordList *self,
                       const char      *name)
{
  g_autofree UChar *units = NULL;
  UErrorCode status = U_ZERO_ERROR;
  gint32 n_units = 0;
  gint32 start = 0;
  gboolean added = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  u_strFromUTF8 (NULL, 0, &n_units, name, -1, &status);
  status = U_ZERO_ERROR;
  units = g_new (UChar, n_units + 1);
  u_strFromUTF8 (units, n_units + 1, NULL, name, -1, &status);
  if (U_FAILURE (status))
    return FALSE;

  for (gint32 i = 0; i <= n_units; )
    {
      UChar32 c = 0;
      gint32 here = i;

      if (i < n_units)
        U16_NEXT (units, i, n_units, c);
      else
        i++;

      if (here == n_units || u_isUWhiteSpace (c))
        {
          if (here > start)
            added |= word_list_add_piece (self, units + start, here - start);
          start = i;
        }
    }

  return added;
}

/**
 * gazette_word_list_add_names:
 * @self: a word list
 * @names: an entity's names in every language
 *
 * Adds every name of @names with gazette_word_list_add().
 *
 * Returns: %TRUE when the list learnt something new
 */
gboolean
gazette_word_list_add_names (GazetteWordList        *self,
                             const GazetteLocalized *names)
{
  g_auto(GStrv) languages = NULL;
  gboolean added = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (names == NULL)
    return FALSE;

  languages = gazette_localized_dup_languages (names);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    added |= gazette_word_list_add (self, gazette_localized_get_exact (names, languages[i]));

  return added;
}

guint
gazette_word_list_get_size (GazetteWordList *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_words;
}

/* Tokenizer */

/**
 * gazette_tokenizer_new:
 * @words: (nullable): known words that override ICU's dictionaries
 *
 * A tokenizer keeps an ICU break iterator and buffers between runs, so it is meant to be
 * kept; it is not thread-safe.
 *
 * Returns: (transfer full): a new tokenizer
 */
GazetteTokenizer *
gazette_tokenizer_new (GazetteWordList *words)
{
  GazetteTokenizer *self = g_new0 (GazetteTokenizer, 1);
  UErrorCode status = U_ZERO_ERROR;

  self->words = words != NULL ? gazette_word_list_ref (words) : NULL;
  self->breaker = ubrk_open (UBRK_WORD, "", NULL, 0, &status);
  if (U_FAILURE (status))
    g_critical ("ICU has no word break iterator: %s", u_errorName (status));

  status = U_ZERO_ERROR;
  self->nfkc_cf = unorm2_getNFKCCasefoldInstance (&status);
  self->nfd = unorm2_getNFDInstance (&status);
  self->nfc = unorm2_getNFCInstance (&status);
  if (U_FAILURE (status))
    g_critical ("ICU has no normalisation data: %s", u_errorName (status));

  self->units = g_array_new (FALSE, FALSE, sizeof (UChar));
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->token = g_string_sized_new (64);
  self->han_run = g_array_new (FALSE, FALSE, sizeof (guint32));

  return self;
}

void
gazette_tokenizer_free (GazetteTokenizer *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->words, gazette_word_list_unref);
  g_clear_pointer (&self->breaker, ubrk_close);
  g_array_unref (self->units);
  g_array_unref (self->offsets);
  g_string_free (self->token, TRUE);
  g_array_unref (self->han_run);
  g_free (self);
}

/* Converts @text into self->units, with the byte offset of every unit. Invalid UTF-8 becomes
 * U+FFFD, one per byte, so that offsets stay right. */
static void
tokenizer_load (GazetteTokenizer *self,
                const char       *text,
                gsize             len)
{
  gsize i = 0;
  UChar *units;
  guint32 *offsets;
  guint n = 0;

  /* A byte makes at most one unit, but for the four-byte sequences that make two. */
  g_array_set_size (self->units, len);
  g_array_set_size (self->offsets, len + 1);
  units = &g_array_index (self->units, UChar, 0);
  offsets = &g_array_index (self->offsets, guint32, 0);

  while (i < len)
    {
      guint32 offset = (guint32) i;
      guchar byte = (guchar) text[i];
      gunichar c;

      if (byte < 0x80)
        {
          units[n] = byte;
          offsets[n++] = offset;
          i++;
          continue;
        }

      c = g_utf8_get_char_validated (text + i, len - i);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          units[n] = 0xFFFD;
          offsets[n++] = offset;
          i++;
          continue;
        }

      if (c > 0xFFFF)
        {
          units[n] = U16_LEAD (c);
          offsets[n++] = offset;
          units[n] = U16_TRAIL (c);
          offsets[n++] = offset;
        }
      else
        {
          units[n] = (UChar) c;
          offsets[n++] = offset;
        }
      i = g_utf8_next_char (text + i) - text;
    }

  offsets[n] = (guint32) len;
  g_array_set_size (self->units, n);
  g_array_set_size (self->offsets, n + 1);
}

/* Appends @units folded to self->token, in UTF-8. */
static void
tokenizer_fold (GazetteTokenizer *self,
                const UChar      *units,
                gint32            n_units)
{
  UChar buffer[MAX_TOKEN_UNITS * 4];
  UChar decomposed[MAX_TOKEN_UNITS * 4];
  gboolean plain = TRUE;
  UErrorCode status = U_ZERO_ERROR;
  gint32 n;
  char utf8[MAX_TOKEN_UNITS * 4 * 3];
  gint32 n_utf8 = 0;

  n_units = MIN (n_units, MAX_TOKEN_UNITS);

  /* Most tokens are ASCII, Thai or common Chinese, which fold to themselves (but for ASCII
   * capitals). Thai is kept as written even where NFKC would decompose SARA AM: index and
   * queries fold alike, and the token stays what the reader typed. */
  for (gint32 i = 0; i < n_units && plain; i++)
    {
      UChar u = units[i];

      plain = u < 0x80 || (u >= 0x0E01 && u <= 0x0E5B) || (u >= 0x4E00 && u <= 0x9FFF);
    }

  if (plain)
    {
      for (gint32 i = 0; i < n_units; i++)
        {
          if (units[i] < 0x80)
            g_string_append_c (self->token, g_ascii_tolower ((char) units[i]));
          else
            {
              char bytes[8];
              gint len = g_unichar_to_utf8 (units[i], bytes);

              g_string_append_len (self->token, bytes, len);
            }
        }
      return;
    }

  n = unorm2_normalize (self->nfkc_cf, units, n_units, buffer, G_N_ELEMENTS (buffer), &status);
  if (U_FAILURE (status))
    {
      status = U_ZERO_ERROR;
      memcpy (buffer, units, n_units * sizeof (UChar));
      n = n_units;
    }

  /* Diacritics go from Latin, Greek and Cyrillic letters only: Thai vowels and tone marks
   * are combining marks too, and part of the word. */
  {
    UChar32 first = 0;
    UScriptCode script;

    U16_GET (buffer, 0, 0, n, first);
    script = uscript_getScript (first, &status);
    if (U_SUCCESS (status) &&
        (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC))
      {
        gint32 n_decomposed = unorm2_normalize (self->nfd, buffer, n, decomposed,
                                                G_N_ELEMENTS (decomposed), &status);

        if (U_SUCCESS (status))
          {
            gint32 kept = 0;

            for (gint32 i = 0; i < n_decomposed; i++)
              if (u_charType (decomposed[i]) != U_NON_SPACING_MARK)
                decomposed[kept++] = decomposed[i];
            n = unorm2_normalize (self->nfc, decomposed, kept, buffer,
                                  G_N_ELEMENTS (buffer), &status);
          }
        if (U_FAILURE (status))
          return;
      }
  }

  status = U_ZERO_ERROR;
  u_strToUTF8 (utf8, sizeof utf8, &n_utf8, buffer, n, &status);
  if (U_SUCCESS (status))
    g_string_append_len (self->token, utf8, n_utf8);
}

/* English possessives: "Xiaoshan’s" is found by "Xiaoshan". */
static void
tokenizer_drop_possessive (GazetteTokenizer *self)
{
  GString *token = self->token;

  if (token->len > 4 &&
      (g_str_has_suffix (token->str, "’s") || g_str_has_suffix (token->str, "'s")))
    g_string_truncate (token, token->len - (token->str[token->len - 2] == '\'' ? 2 : 4));
}

/* self->token becomes the token of @units, as the index and queries hold it. */
static void
tokenizer_fold_token (GazetteTokenizer *self,
                      const UChar      *units,
                      gint32            n_units,
                      GazetteTokenKind  kind)
{
  g_string_truncate (self->token, 0);
  tokenizer_fold (self, units, n_units);
  if (kind == GAZETTE_TOKEN_WORD)
    tokenizer_drop_possessive (self);
}

typedef struct
{
  GazetteTokenizer    *self;
  GazetteTokenizeMode  mode;
  GazetteTokenFunc     func;
  gpointer             user_data;
  guint                position;
  gboolean             stopped;
} Run;

/* Hands self->token, found at bytes [@start, @end) of the text, to the run's function. */
static gboolean
run_deliver (Run              *run,
             gsize             start,
             gsize             end,
             GazetteTokenKind  kind,
             gboolean          known)
{
  GazetteTokenizer *self = run->self;
  GazetteToken token;

  token.text = self->token->str;
  token.len = self->token->len;
  token.start = start;
  token.end = end;
  token.position = run->position++;
  token.kind = kind;
  token.known = known;
  if (!run->func (&token, run->user_data))
    run->stopped = TRUE;

  return !run->stopped;
}

static gboolean
run_emit (Run              *run,
          guint32           start_unit,
          guint32           end_unit,
          GazetteTokenKind  kind,
          gboolean          known)
{
  GazetteTokenizer *self = run->self;
  const UChar *units = &g_array_index (self->units, UChar, 0);

  tokenizer_fold_token (self, units + start_unit, (gint32) (end_unit - start_unit), kind);
  if (self->token->len == 0)
    return TRUE;

  return run_deliver (run, g_array_index (self->offsets, guint32, start_unit),
                      g_array_index (self->offsets, guint32, end_unit), kind, known);
}

/* INDEX mode: the Chinese run collected so far becomes bigrams and its last character. */
static gboolean
run_flush_han (Run *run)
{
  GArray *han = run->self->han_run;
  guint n_chars;

  if (han->len == 0)
    return TRUE;

  /* han holds the start of each character, then the end of the last one. */
  n_chars = han->len - 1;
  for (guint i = 0; i + 1 < n_chars; i++)
    if (!run_emit (run, g_array_index (han, guint32, i), g_array_index (han, guint32, i + 2),
                   GAZETTE_TOKEN_HAN_BIGRAM, FALSE))
      return FALSE;

  if (!run_emit (run, g_array_index (han, guint32, n_chars - 1),
                 g_array_index (han, guint32, n_chars), GAZETTE_TOKEN_HAN_LAST, FALSE))
    return FALSE;

  g_array_set_size (han, 0);
  return TRUE;
}

/* One segment the segmenter settled on. */
static gboolean
run_word (Run      *run,
          guint32   start,
          guint32   end,
          gboolean  known)
{
  GazetteTokenizer *self = run->self;
  const UChar *units = &g_array_index (self->units, UChar, 0);
  gboolean any_alnum = FALSE;
  gboolean all_han = TRUE;

  for (guint32 i = start; i < end; )
    {
      UChar32 c;

      U16_NEXT (units, i, end, c);
      if (c < 0x80)
        {
          any_alnum |= g_ascii_isalnum (c);
          all_han = FALSE;
          continue;
        }
      if (u_isalnum (c) || u_charType (c) == U_OTHER_LETTER)
        any_alnum = TRUE;
      if (!is_han (c))
        all_han = FALSE;
    }

  if (!any_alnum)
    return TRUE;

  if (!all_han)
    return run_flush_han (run) && run_emit (run, start, end, GAZETTE_TOKEN_WORD, known);

  if (run->mode == GAZETTE_TOKENIZE_WORDS)
    return run_emit (run, start, end, GAZETTE_TOKEN_HAN_WORD, known);

  {
    GArray *han = self->han_run;

    /* A gap (punctuation, a space) ends the run. */
    if (han->len > 0 && g_array_index (han, guint32, han->len - 1) != start)
      {
        if (!run_flush_han (run))
          return FALSE;
      }
    if (han->len > 0)
      g_array_set_size (han, han->len - 1);

    for (guint32 i = start; i < end; )
      {
        g_array_append_val (han, i);
        U16_FWD_1 (units, i, end);
      }
    g_array_append_val (han, end);
  }

  return TRUE;
}

/* Whether a known word may end at @end: where ICU puts a boundary too, where the script
 * changes, or at the end. A Thai name must not be read inside a longer Thai word that
 * merely begins with the same letters. */
static gboolean
tokenizer_known_word_ends (GazetteTokenizer *self,
                           guint32           base,
                           guint32           end)
{
  const UChar *units = &g_array_index (self->units, UChar, 0);
  UChar32 before, after;
  UErrorCode status = U_ZERO_ERROR;
  guint32 i = end;

  if (end >= self->units->len)
    return TRUE;

  U16_GET (units, 0, end, self->units->len, after);
  U16_PREV (units, 0, i, before);
  if (is_han (before))
    return TRUE;
  if (uscript_getScript (after, &status) != uscript_getScript (before, &status) ||
      !u_isalpha (after))
    return TRUE;

  return ubrk_isBoundary (self->breaker, (int32_t) (end - base));
}

/* Gives ICU the text from @pos to *limit: to the end, or in INDEX mode to the next Chinese
 * character, which ICU is never shown there: it would run its dictionary over Chinese the
 * index cuts into bigrams anyway (most of the time spent on Chinese text), even when only
 * asked for a boundary after it. FALSE if ICU failed. */
static gboolean
tokenizer_set_stretch (GazetteTokenizer    *self,
                       GazetteTokenizeMode  mode,
                       guint32              pos,
                       guint32             *base,
                       guint32             *limit)
{
  const UChar *units = &g_array_index (self->units, UChar, 0);
  guint32 n_units = self->units->len;
  UErrorCode status = U_ZERO_ERROR;
  guint32 end = pos;

  if (mode == GAZETTE_TOKENIZE_INDEX)
    {
      while (end < n_units)
        {
          guint32 next = end;
          UChar32 c;

          U16_NEXT (units, next, n_units, c);
          if (is_han (c))
            break;
          end = next;
        }
    }
  else
    end = n_units;

  *base = pos;
  *limit = end;
  ubrk_setText (self->breaker, units + pos, (int32_t) (end - pos), &status);

  return U_SUCCESS (status);
}

/* ICU's own breaks after a word it did not know may be off: segments the rest afresh when
 * @pos is not one of them. FALSE if ICU failed. */
static gboolean
tokenizer_resync (GazetteTokenizer    *self,
                  GazetteTokenizeMode  mode,
                  guint32             *base,
                  guint32             *limit,
                  guint32              pos)
{
  if (pos >= *limit || ubrk_isBoundary (self->breaker, (int32_t) (pos - *base)))
    return TRUE;

  return tokenizer_set_stretch (self, mode, pos, base, limit);
}

/**
 * gazette_tokenizer_run:
 * @self: a tokenizer
 * @text: UTF-8 text; invalid bytes are skipped
 * @len: the length of @text in bytes, or -1 when it is NUL-terminated
 * @mode: what to make of Chinese text
 * @func: called for each token, in order
 * @user_data: data for @func
 *
 * Segments @text into words with ICU, the known words of the tokenizer's word list taking
 * precedence over ICU's dictionaries, and calls @func with each one folded. Spaces and
 * punctuation make no tokens.
 *
 * Returns: %FALSE when @func stopped the run
 */
gboolean
gazette_tokenizer_run (GazetteTokenizer    *self,
                       const char          *text,
                       gssize               len,
                       GazetteTokenizeMode  mode,
                       GazetteTokenFunc     func,
                       gpointer             user_data)
{
  Run run = { self, mode, func, user_data, 0, FALSE };
  const UChar *units;
  guint32 n_units;
  guint32 base = 0;
  guint32 limit = 0;
  guint32 pos = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (text == NULL || self->breaker == NULL)
    return TRUE;
  if (len < 0)
    len = strlen (text);

  tokenizer_load (self, text, len);
  g_array_set_size (self->han_run, 0);
  n_units = self->units->len;
  if (n_units == 0)
    return TRUE;
  units = &g_array_index (self->units, UChar, 0);

  while (pos < n_units)
    {
      int32_t next;
      guint32 segment_end;
      UChar32 c;

      U16_GET (units, 0, pos, n_units, c);

      /* The index cuts Chinese into bigrams whatever ICU's dictionary says, so it is not
       * asked (see tokenizer_set_stretch()); only the known names, which may hold other
       * scripts ("官员0042"), are looked for at each character. */
      if (mode == GAZETTE_TOKENIZE_INDEX && is_han (c))
        {
          guint known = 0;
          guint32 end = pos;

          if (self->words != NULL && self->words->n_words > 0)
            known = word_list_longest (self->words, units + pos, n_units - pos);
          if (known > 0)
            {
              guint32 tail = pos + known;

              /* A name that ends in another script ("官员0042") may have ICU asked where a
               * word ends: give it the name's last run in that script and what follows. */
              while (tail > pos)
                {
                  guint32 previous = tail;
                  UChar32 d;

                  U16_PREV (units, pos, previous, d);
                  if (is_han (d))
                    break;
                  tail = previous;
                }
              if (tail < pos + known && !tokenizer_set_stretch (self, mode, tail, &base, &limit))
                return TRUE;
            }
          if (known > 0 && tokenizer_known_word_ends (self, base, pos + known))
            end = pos + known;
          else
            U16_FWD_1 (units, end, n_units);

          if (!run_word (&run, pos, end, known > 0 && end == pos + known))
            return FALSE;
          pos = end;
          continue;
        }

      /* Outside the stretch ICU was given (a Chinese run came in between, or a name was
       * looked at): the next one. */
      if ((pos < base || pos >= limit) && !tokenizer_set_stretch (self, mode, pos, &base, &limit))
        return TRUE;

      next = ubrk_following (self->breaker, (int32_t) (pos - base));
      segment_end = next == UBRK_DONE ? limit : MIN (base + (guint32) next, limit);

      if (self->words != NULL && self->words->n_words > 0 && is_dictionary_script (c))
        {
          guint known = word_list_longest (self->words, units + pos, n_units - pos);

          if (known > 0 && tokenizer_known_word_ends (self, base, pos + known))
            {
              if (!run_word (&run, pos, pos + known, TRUE))
                return FALSE;
              pos += known;
              if (!tokenizer_resync (self, mode, &base, &limit, pos))
                return TRUE;
              continue;
            }

          /* In Chinese a name may start inside what ICU took for a word (在中|国视谷). */
          if (is_han (c))
            {
              guint32 inner = pos;
              gboolean split = FALSE;

              U16_FWD_1 (units, inner, n_units);
              while (inner < segment_end && !split)
                {
                  UChar32 d;

                  U16_GET (units, 0, inner, n_units, d);
                  split = is_han (d) &&
                          word_list_longest (self->words, units + inner, n_units - inner) > 0;
                  if (!split)
                    U16_FWD_1 (units, inner, n_units);
                }

              if (split)
                {
                  if (!run_word (&run, pos, inner, FALSE))
                    return FALSE;
                  pos = inner;
                  continue;
                }
            }
        }

      if (!run_word (&run, pos, segment_end, FALSE))
        return FALSE;
      pos = segment_end;
    }

  return run_flush_han (&run);
}

/* Marked text */

typedef struct
{
  GArray *spans;      /* gsize pairs: start and end of each marked stretch */
  gssize  han_start;  /* the Chinese run under way, or -1 */
} MarkScan;

static gboolean
mark_token_cb (const GazetteToken *token,
               gpointer            user_data)
{
  MarkScan *scan = user_data;
  gsize span[2] = { token->start, token->end };

  switch (token->kind)
    {
    case GAZETTE_TOKEN_HAN_BIGRAM:
      if (scan->han_start < 0)
        scan->han_start = (gssize) token->start;
      return TRUE;
    case GAZETTE_TOKEN_HAN_LAST:
      if (scan->han_start >= 0)
        span[0] = (gsize) scan->han_start;
      scan->han_start = -1;
      break;
    case GAZETTE_TOKEN_WORD:
    case GAZETTE_TOKEN_HAN_WORD:
    default:
      break;
    }

  g_array_append_vals (scan->spans, span, 2);
  return TRUE;
}

/**
 * gazette_tokenizer_mark:
 * @self: a tokenizer
 * @text: UTF-8 text
 * @len: the length of @text in bytes, or -1 when it is NUL-terminated
 * @marked: where the marked text is appended
 *
 * Segments @text as gazette_tokenizer_run() does in %GAZETTE_TOKENIZE_INDEX mode and appends
 * it to @marked with its tokens marked (see %GAZETTE_MARK_START). Marks in @text itself
 * become spaces.
 */
void
gazette_tokenizer_mark (GazetteTokenizer *self,
                        const char       *text,
                        gssize            len,
                        GString          *marked)
{
  g_autofree char *clean = NULL;
  g_autoptr(GArray) spans = NULL;
  MarkScan scan = { NULL, -1 };
  gsize copied = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (marked != NULL);

  if (text == NULL)
    return;
  if (len < 0)
    len = strlen (text);

  if (memchr (text, GAZETTE_MARK_START, len) != NULL ||
      memchr (text, GAZETTE_MARK_END, len) != NULL)
    {
      clean = g_memdup2 (text, len);
      for (gssize i = 0; i < len; i++)
        if (clean[i] == GAZETTE_MARK_START || clean[i] == GAZETTE_MARK_END)
          clean[i] = ' ';
      text = clean;
    }

  spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  scan.spans = spans;
  gazette_tokenizer_run (self, text, len, GAZETTE_TOKENIZE_INDEX, mark_token_cb, &scan);

  for (guint i = 0; i + 1 < spans->len; i += 2)
    {
      gsize start = g_array_index (spans, gsize, i);
      gsize end = g_array_index (spans, gsize, i + 1);

      g_string_append_len (marked, text + copied, start - copied);
      g_string_append_c (marked, GAZETTE_MARK_START);
      g_string_append_len (marked, text + start, end - start);
      g_string_append_c (marked, GAZETTE_MARK_END);
      copied = end;
    }
  g_string_append_len (marked, text + copied, len - copied);
}

/* The code point of the UTF-8 sequence at @p when it is one that folds to itself (but for
 * ASCII capitals; see tokenizer_fold()): ASCII, Thai, or the common Chinese characters.
 * Otherwise 0. */
static gunichar
plain_char_at (const guchar *p,
               const guchar *end,
               guint        *n_bytes)
{
  gunichar c;

  if (p[0] < 0x80)
    {
      *n_bytes = 1;
      return p[0];
    }
  if ((p[0] & 0xF0) != 0xE0 || end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
    return 0;

  c = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  *n_bytes = 3;
  if ((c >= 0x0E01 && c <= 0x0E5B) || (c >= 0x4E00 && c <= 0x9FFF))
    return c;

  return 0;
}

/* run_marked_stretch() for a stretch of only such characters, as most are: straight from the
 * UTF-8, without ICU's normalisation. FALSE, having done nothing, for any other stretch. */
static gboolean
run_marked_plain (Run        *run,
                  const char *stretch,
                  gsize       len,
                  gsize       start)
{
  const guchar *p = (const guchar *) stretch;
  const guchar *end = p + len;
  GString *token = run->self->token;
  gboolean all_han = TRUE;
  guint n_chars = 0;

  while (p < end)
    {
      guint n_bytes = 0;
      gunichar c = plain_char_at (p, end, &n_bytes);

      if (c == 0)
        return FALSE;
      all_han = all_han && c >= 0x4E00;
      p += n_bytes;
      n_chars++;
    }
  if (n_chars == 0)
    return FALSE;

  if (!all_han)
    {
      /* Longer tokens are cut, as tokenizer_fold() cuts them. */
      g_string_truncate (token, 0);
      p = (const guchar *) stretch;
      for (guint i = 0; i < n_chars && i < MAX_TOKEN_UNITS; i++)
        {
          guint n_bytes = 0;

          plain_char_at (p, end, &n_bytes);
          if (n_bytes == 1)
            g_string_append_c (token, g_ascii_tolower (*p));
          else
            g_string_append_len (token, (const char *) p, n_bytes);
          p += n_bytes;
        }
      tokenizer_drop_possessive (run->self);
      if (token->len > 0)
        run_deliver (run, start, start + len, GAZETTE_TOKEN_WORD, FALSE);
      return TRUE;
    }

  /* Common Chinese characters are three bytes each. */
  for (guint i = 0; i < n_chars; i++)
    {
      gboolean last = i + 1 == n_chars;
      gsize from = 3 * i;
      gsize to = from + (last ? 3 : 6);

      g_string_truncate (token, 0);
      g_string_append_len (token, stretch + from, to - from);
      if (!run_deliver (run, start + from, start + to,
                        last ? GAZETTE_TOKEN_HAN_LAST : GAZETTE_TOKEN_HAN_BIGRAM, FALSE))
        return TRUE;
    }

  return TRUE;
}

/* Emits the tokens of one marked stretch, @start bytes into the text without marks. */
static gboolean
run_marked_stretch (Run        *run,
                    const char *stretch,
                    gsize       len,
                    gsize       start)
{
  GazetteTokenizer *self = run->self;
  const UChar *units;
  const guint32 *offsets;
  guint32 n_units;
  gboolean all_han = TRUE;
  guint n_chars = 0;
  GArray *han = self->han_run;

  if (run_marked_plain (run, stretch, len, start))
    return !run->stopped;

  tokenizer_load (self, stretch, len);
  units = &g_array_index (self->units, UChar, 0);
  offsets = &g_array_index (self->offsets, guint32, 0);
  n_units = self->units->len;
  if (n_units == 0)
    return TRUE;

  /* han_run: the unit offset of each character, then the end. */
  g_array_set_size (han, 0);
  for (guint32 i = 0; i < n_units && all_han; )
    {
      UChar32 c;

      g_array_append_val (han, i);
      U16_NEXT (units, i, n_units, c);
      all_han = is_han (c);
      n_chars++;
    }
  g_array_append_val (han, n_units);

  if (!all_han)
    {
      tokenizer_fold_token (self, units, (gint32) n_units, GAZETTE_TOKEN_WORD);
      return self->token->len == 0 ||
             run_deliver (run, start, start + len, GAZETTE_TOKEN_WORD, FALSE);
    }

  for (guint i = 0; i < n_chars; i++)
    {
      gboolean last = i + 1 == n_chars;
      guint32 from = g_array_index (han, guint32, i);
      guint32 to = g_array_index (han, guint32, last ? i + 1 : i + 2);
      GazetteTokenKind kind = last ? GAZETTE_TOKEN_HAN_LAST : GAZETTE_TOKEN_HAN_BIGRAM;

      tokenizer_fold_token (self, units + from, (gint32) (to - from), kind);
      if (self->token->len > 0 &&
          !run_deliver (run, start + offsets[from], start + offsets[to], kind, FALSE))
        return FALSE;
    }

  return TRUE;
}

/**
 * gazette_unmark_text:
 * @marked: text that gazette_tokenizer_mark() marked
 * @len: the length of @marked in bytes, or -1 when it is NUL-terminated
 * @text: where the text without its marks is appended
 */
void
gazette_unmark_text (const char *marked,
                     gssize      len,
                     GString    *text)
{
  gsize from;

  g_return_if_fail (text != NULL);

  if (marked == NULL)
    return;
  if (len < 0)
    len = strlen (marked);

  from = text->len;
  g_string_append_len (text, marked, len);
  for (gsize i = from; i < text->len; i++)
    if (text->str[i] != GAZETTE_MARK_START && text->str[i] != GAZETTE_MARK_END)
      text->str[from++] = text->str[i];
  g_string_truncate (text, from);
}

/**
 * gazette_tokenizer_run_marked:
 * @self: a tokenizer
 * @marked: text that gazette_tokenizer_mark() marked
 * @len: the length of @marked in bytes, or -1 when it is NUL-terminated
 * @func: called for each token, in order
 * @user_data: data for @func
 *
 * Calls @func with the tokens that gazette_tokenizer_run() gave in %GAZETTE_TOKENIZE_INDEX
 * mode when the text was marked, folded and numbered alike, their byte ranges in the text
 * without marks (gazette_unmark_text()); the known words are not told apart. ICU's segmentation is not run again:
 * the marks say where the tokens are. A mark without its partner is ignored.
 *
 * Returns: %FALSE when @func stopped the run
 */
gboolean
gazette_tokenizer_run_marked (GazetteTokenizer *self,
                              const char       *marked,
                              gssize            len,
                              GazetteTokenFunc  func,
                              gpointer          user_data)
{
  Run run = { self, GAZETTE_TOKENIZE_INDEX, func, user_data, 0, FALSE };
  const char *p = marked;
  const char *end;
  gsize plain = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (marked == NULL)
    return TRUE;
  if (len < 0)
    len = strlen (marked);
  end = marked + len;

  while (p < end && !run.stopped)
    {
      const char *open = memchr (p, GAZETTE_MARK_START, end - p);
      const char *close;
      const char *again;
      const char *stray;

      if (open == NULL)
        break;

      /* Text between tokens, less stray end marks. */
      while ((stray = memchr (p, GAZETTE_MARK_END, open - p)) != NULL)
        {
          plain += stray - p;
          p = stray + 1;
        }
      plain += open - p;

      close = memchr (open + 1, GAZETTE_MARK_END, end - open - 1);
      if (close == NULL)
        break;

      /* A start mark inside means the first one had no end: read from the second. */
      again = memchr (open + 1, GAZETTE_MARK_START, close - open - 1);
      if (again != NULL)
        {
          plain += again - open - 1;
          p = again;
          continue;
        }

      run_marked_stretch (&run, open + 1, close - open - 1, plain);
      plain += close - open - 1;
      p = close + 1;
    }

  return !run.stopped;
}
