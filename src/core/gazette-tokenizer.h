/* gazette-tokenizer.h
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

#pragma once

#include "gazette-localized.h"

G_BEGIN_DECLS

/* Word segmentation for search and linking, on ICU's word break iterator: Thai, Lao, Khmer,
 * Burmese and Chinese are segmented with ICU's dictionaries, which a GazetteWordList of
 * known names (districts, officials, projects, organisations) overrides. Tokens are folded:
 * case, width and compatibility forms (NFKC_Casefold), and diacritics of Latin, Greek and
 * Cyrillic letters. Nothing here knows about SQLite. */

typedef struct _GazetteWordList  GazetteWordList;
typedef struct _GazetteTokenizer GazetteTokenizer;

typedef enum {
  /* One token per word; Chinese words whole. For linking and reading queries. */
  GAZETTE_TOKENIZE_WORDS,
  /* What the search index holds: words, except that a run of Chinese characters becomes its
   * overlapping bigrams (one position per character) and the run's last character, so that
   * any two or more characters of the text can be found whatever the dictionary says. */
  GAZETTE_TOKENIZE_INDEX,
} GazetteTokenizeMode;

typedef enum {
  GAZETTE_TOKEN_WORD,        /* a Latin, Thai or other word, or a number */
  GAZETTE_TOKEN_HAN_WORD,    /* WORDS mode: a Chinese word */
  GAZETTE_TOKEN_HAN_BIGRAM,  /* INDEX mode: two Chinese characters */
  GAZETTE_TOKEN_HAN_LAST,    /* INDEX mode: the last character of a Chinese run */
} GazetteTokenKind;

typedef struct
{
  const char       *text;      /* folded, NUL-terminated; valid during the callback only */
  gsize             len;
  gsize             start;     /* byte range in the input */
  gsize             end;
  guint             position;  /* 0, 1, 2… in the order tokens come */
  GazetteTokenKind  kind;
  gboolean          known;     /* a word of the GazetteWordList */
} GazetteToken;

/* Return FALSE to stop. */
typedef gboolean (*GazetteTokenFunc) (const GazetteToken *token,
                                      gpointer            user_data);

/* Marked text: a text with every token that GAZETTE_TOKENIZE_INDEX finds in it between
 * GAZETTE_MARK_START and GAZETTE_MARK_END, a run of Chinese characters as a whole (it is
 * cut into bigrams when read). Reading it gives the same tokens as segmenting the text
 * again, without ICU, and removing the marks gives the text back, so the search index keeps
 * it to be made again and to cut snippets from. Neither mark is ever in the text itself. */
#define GAZETTE_MARK_START '\x02'
#define GAZETTE_MARK_END   '\x03'

GazetteWordList  *gazette_word_list_new        (void);
GazetteWordList  *gazette_word_list_ref        (GazetteWordList         *self);
void              gazette_word_list_unref      (GazetteWordList         *self);
gboolean          gazette_word_list_add        (GazetteWordList         *self,
                                                const char              *name);
gboolean          gazette_word_list_add_names  (GazetteWordList         *self,
                                                const GazetteLocalized  *names);
guint             gazette_word_list_get_size   (GazetteWordList         *self);

GazetteTokenizer *gazette_tokenizer_new        (GazetteWordList         *words);
void              gazette_tokenizer_free       (GazetteTokenizer        *self);
gboolean          gazette_tokenizer_run        (GazetteTokenizer        *self,
                                                const char              *text,
                                                gssize                   len,
                                                GazetteTokenizeMode      mode,
                                                GazetteTokenFunc         func,
                                                gpointer                 user_data);
void              gazette_tokenizer_mark       (GazetteTokenizer        *self,
                                                const char              *text,
                                                gssize                   len,
                                                GString                 *marked);
void              gazette_unmark_text          (const char              *marked,
                                                gssize                   len,
                                                GString                 *text);
gboolean          gazette_tokenizer_run_marked (GazetteTokenizer        *self,
                                                const char              *marked,
                                                gssize                   len,
                                                GazetteTokenFunc         func,
                                                gpointer                 user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteWordList, gazette_word_list_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GazetteTokenizer, gazette_tokenizer_free)

G_END_DECLS
