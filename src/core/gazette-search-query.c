/* gazette-search-query.c
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

#define G_LOG_DOMAIN "gazette-search"

#include "config.h"

#include <string.h>

#include "gazette-search-query.h"

/* Enough for anything typed into a search box; more would only slow the query down. */
#define MAX_PHRASES 16
#define MAX_TERMS   32

/* Snippets: how much text before the first match, and how much in all, in characters. */
#define SNIPPET_BEFORE 30
#define SNIPPET_CHARS  150

typedef struct
{
  char     *text;
  gboolean  prefix;
} Term;

typedef struct
{
  char             *text;
  gsize             start;
  gsize             end;
  GazetteTokenKind  kind;
} Token;

struct _GazetteSearchQuery
{
  GPtrArray *phrases;          /* GArray of Term */
  guint      longest_phrase;   /* in terms */
};

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_free (term->text);
}

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->text);
}

static GArray *
tokens_new (void)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  g_array_set_clear_func (tokens, token_clear);
  return tokens;
}

static gboolean
collect_token_cb (const GazetteToken *token,
                  gpointer            user_data)
{
  GArray *tokens = user_data;
  Token copy = { g_strndup (token->text, token->len), token->start, token->end, token->kind };

  g_array_append_val (tokens, copy);
  return TRUE;
}

/* Makes tokens[from, to) one phrase. A Chinese run's last character is only needed when
 * something follows it in the phrase, to keep positions in step with the index; a run of
 * one character at the end is a prefix, so that it also finds the bigrams it begins. */
static void
query_add_phrase (GazetteSearchQuery *self,
                  GArray             *tokens,
                  guint               from,
                  guint               to,
                  const char         *chunk,
                  gsize               chunk_len,
                  gboolean            quoted)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (Term));

  g_array_set_clear_func (terms, term_clear);

  for (guint i = from; i < to && terms->len < MAX_TERMS; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);
      Term term = { NULL, FALSE };

      if (token->kind == GAZETTE_TOKEN_HAN_LAST)
        {
          gboolean after_bigram =
            i > from && g_array_index (tokens, Token, i - 1).kind == GAZETTE_TOKEN_HAN_BIGRAM;
          gboolean last = i + 1 == to;

          if (last && after_bigram)
            continue;
          term.prefix = last;
        }
      else if (token->kind == GAZETTE_TOKEN_WORD)
        {
          term.prefix = !quoted && token->end < chunk_len && chunk[token->end] == '*';
        }

      term.text = g_strdup (token->text);
      g_array_append_val (terms, term);
    }

  if (terms->len > 0 && self->phrases->len < MAX_PHRASES)
    {
      self->longest_phrase = MAX (self->longest_phrase, terms->len);
      g_ptr_array_add (self->phrases, g_steal_pointer (&terms));
    }
}

static gboolean
is_space_between (const char *text,
                  gsize       from,
                  gsize       to)
{
  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static void
query_add_chunk (GazetteSearchQuery *self,
                 GazetteTokenizer   *tokenizer,
                 const char         *chunk,
                 gsize               len,
                 gboolean            quoted)
{
  g_autoptr(GArray) tokens = tokens_new ();
  guint from = 0;

  gazette_tokenizer_run (tokenizer, chunk, len, GAZETTE_TOKENIZE_INDEX, collect_token_cb, tokens);

  if (quoted)
    {
      query_add_phrase (self, tokens, 0, tokens->len, chunk, len, TRUE);
      return;
    }

  /* Words typed together, without a space, belong together. */
  for (guint i = 1; i <= tokens->len; i++)
    {
      if (i < tokens->len)
        {
          const Token *previous = &g_array_index (tokens, Token, i - 1);
          const Token *token = &g_array_index (tokens, Token, i);

          if (token->start <= previous->end ||
              !is_space_between (chunk, previous->end, token->start))
            continue;
        }

      query_add_phrase (self, tokens, from, i, chunk, len, FALSE);
      from = i;
    }
}

/**
 * gazette_search_query_new:
 * @tokenizer: the tokenizer the index was written with (same word list)
 * @text: what the user typed
 *
 * Returns: (transfer full): the query; empty when @text has no words
 */
GazetteSearchQuery *
gazette_search_query_new (GazetteTokenizer *tokenizer,
                          const char       *text)
{
  GazetteSearchQuery *self = g_new0 (GazetteSearchQuery, 1);
  const char *p = text;

  g_return_val_if_fail (tokenizer != NULL, NULL);

  self->phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return self;

  while (*p != '\0')
    {
      /* Straight and curly double quotes both quote: input methods type either. */
      const char *open = NULL;
      gsize open_len = 0;
      const char *close = NULL;
      gsize close_len = 0;

      for (const char *q = p; *q != '\0' && open == NULL; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (c == '"' || c == 0x201C || c == 0x201D || c == 0x300C)
            {
              open = q;
              open_len = g_utf8_next_char (q) - q;
            }
        }

      if (open == NULL)
        {
          query_add_chunk (self, tokenizer, p, strlen (p), FALSE);
          break;
        }

      if (open > p)
        query_add_chunk (self, tokenizer, p, open - p, FALSE);

      for (const char *q = open + open_len; *q != '\0' && close == NULL; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (c == '"' || c == 0x201C || c == 0x201D || c == 0x300D)
            {
              close = q;
              close_len = g_utf8_next_char (q) - q;
            }
        }

      /* An unclosed quote runs to the end of the text. */
      if (close == NULL)
        {
          query_add_chunk (self, tokenizer, open + open_len, strlen (open + open_len), TRUE);
          break;
        }

      query_add_chunk (self, tokenizer, open + open_len, close - open - open_len, TRUE);
      p = close + close_len;
    }

  return self;
}

void
gazette_search_query_free (GazetteSearchQuery *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->phrases);
  g_free (self);
}

gboolean
gazette_search_query_is_empty (const GazetteSearchQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->phrases->len == 0;
}

static void
append_quoted (GString    *fts5,
               const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (fts5, '"');
      g_string_append_c (fts5, *c);
    }
}

/**
 * gazette_search_query_to_fts5:
 * @self: a query
 *
 * Writes the query in FTS5's query syntax, every token a quoted string, so that nothing the
 * user typed can be read as an FTS5 operator. The tokenizer must give each quoted string
 * back as one token when asked to tokenize a query (see the store).
 *
 * Returns: (transfer full) (nullable): the FTS5 query, or %NULL when @self is empty
 */
char *
gazette_search_query_to_fts5 (const GazetteSearchQuery *self)
{
  GString *fts5;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->phrases->len == 0)
    return NULL;

  fts5 = g_string_new (NULL);
  for (guint i = 0; i < self->phrases->len; i++)
    {
      GArray *terms = g_ptr_array_index (self->phrases, i);
      gboolean first = TRUE;

      if (i > 0)
        g_string_append (fts5, " AND ");
      for (guint j = 0; j < terms->len; j++)
        {
          const Term *term = &g_array_index (terms, Term, j);
          const Term *next = j + 1 < terms->len ? &g_array_index (terms, Term, j + 1) : NULL;
          const Term *before = j > 0 ? &g_array_index (terms, Term, j - 1) : NULL;
          gboolean pair = next != NULL && !term->prefix && !next->prefix;

          /* The last word is in the pair before it, when there is one. */
          if (next == NULL && before != NULL && !before->prefix && !term->prefix)
            break;

          if (!first)
            g_string_append (fts5, " + ");
          first = FALSE;
          g_string_append_c (fts5, '"');
          if (pair)
            g_string_append_c (fts5, GAZETTE_SEARCH_PAIR_MARK);
          append_quoted (fts5, term->text);
          if (pair)
            {
              g_string_append_c (fts5, GAZETTE_SEARCH_PAIR_MARK);
              append_quoted (fts5, next->text);
            }
          g_string_append_c (fts5, '"');
          if (term->prefix)
            g_string_append_c (fts5, '*');
        }
    }

  return g_string_free (fts5, FALSE);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GazetteSpan *x = a;
  const GazetteSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static gboolean
term_matches (const Term  *term,
              const Token *token)
{
  if (term->prefix)
    return g_str_has_prefix (token->text, term->text);

  return strcmp (token->text, term->text) == 0;
}

/* Every occurrence of every phrase in @tokens, as sorted byte ranges that do not overlap. */
static GArray *
query_find_spans (const GazetteSearchQuery *self,
                  GArray                   *tokens)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (GazetteSpan));
  guint kept = 0;

  for (guint p = 0; p < self->phrases->len; p++)
    {
      GArray *terms = g_ptr_array_index (self->phrases, p);

      for (guint i = 0; i + terms->len <= tokens->len; i++)
        {
          const Term *last_term = &g_array_index (terms, Term, terms->len - 1);
          const Token *last;
          GazetteSpan span;
          guint j;

          for (j = 0; j < terms->len; j++)
            if (!term_matches (&g_array_index (terms, Term, j),
                               &g_array_index (tokens, Token, i + j)))
              break;
          if (j < terms->len)
            continue;

          last = &g_array_index (tokens, Token, i + terms->len - 1);
          span.start = (guint) g_array_index (tokens, Token, i).start;
          span.end = (guint) last->end;
          /* One Chinese character finds the bigrams it begins: mark only the character. */
          if (last_term->prefix && last->kind != GAZETTE_TOKEN_WORD)
            span.end = MIN (span.end, (guint) (last->start + strlen (last_term->text)));
          g_array_append_val (spans, span);
        }
    }

  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      GazetteSpan span = g_array_index (spans, GazetteSpan, i);

      if (kept > 0 && span.start <= g_array_index (spans, GazetteSpan, kept - 1).end)
        {
          GazetteSpan *previous = &g_array_index (spans, GazetteSpan, kept - 1);

          previous->end = MAX (previous->end, span.end);
          continue;
        }
      g_array_index (spans, GazetteSpan, kept++) = span;
    }
  g_array_set_size (spans, kept);

  return spans;
}

/**
 * gazette_search_query_find:
 * @self: a query
 * @tokenizer: the tokenizer the query was read with
 * @marked: (nullable): a text gazette_tokenizer_mark() marked, such as an announcement's
 *   title as the index keeps it
 *
 * Returns: (transfer full) (element-type GazetteSpan): the byte ranges of the text (without
 *   its marks) that match a phrase of the query, sorted, merged where they overlap
 */
GArray *
gazette_search_query_find (const GazetteSearchQuery *self,
                           GazetteTokenizer         *tokenizer,
                           const char               *marked)
{
  g_autoptr(GArray) tokens = tokens_new ();

  g_return_val_if_fail (self != NULL, NULL);

  if (marked != NULL)
    gazette_tokenizer_run_marked (tokenizer, marked, -1, collect_token_cb, tokens);

  return query_find_spans (self, tokens);
}

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Tokens for a snippet: all of them up to a little past the first match, not the rest of a
 * long body, which would be folded and compared for nothing. */
typedef struct
{
  const GazetteSearchQuery *query;
  const char               *text;     /* without marks */
  GArray                   *tokens;   /* Token, their texts in chunk */
  GStringChunk             *chunk;
  gboolean                  matched;
  gsize                     bound;    /* bytes: no snippet reaches past it */
  guint                     n_past;   /* tokens that start past bound */
} SnippetScan;

/* The first token of a phrase of the query that ends at the last token of @tokens, or -1. */
static gssize
query_match_at_end (const GazetteSearchQuery *self,
                    GArray                   *tokens)
{
  for (guint p = 0; p < self->phrases->len; p++)
    {
      GArray *terms = g_ptr_array_index (self->phrases, p);
      guint first;
      guint j;

      if (terms->len == 0 || terms->len > tokens->len)
        continue;
      first = tokens->len - terms->len;
      for (j = 0; j < terms->len; j++)
        if (!term_matches (&g_array_index (terms, Term, j),
                           &g_array_index (tokens, Token, first + j)))
          break;
      if (j == terms->len)
        return first;
    }

  return -1;
}

static gboolean
snippet_token_cb (const GazetteToken *token,
                  gpointer            user_data)
{
  SnippetScan *scan = user_data;
  Token copy = { g_string_chunk_insert_len (scan->chunk, token->text, token->len),
                 token->start, token->end, token->kind };
  gssize first;

  g_array_append_val (scan->tokens, copy);

  /* The snippet starts at or before the first match and holds SNIPPET_CHARS characters. */
  if (!scan->matched && (first = query_match_at_end (scan->query, scan->tokens)) >= 0)
    {
      const char *p = scan->text + g_array_index (scan->tokens, Token, first).start;

      for (guint i = 0; i < SNIPPET_CHARS && *p != '\0'; i++)
        p = g_utf8_next_char (p);
      scan->matched = TRUE;
      scan->bound = p - scan->text;
      return TRUE;
    }

  /* A phrase that starts before the bound ends within as many tokens after it as the
   * longest phrase has, and only such a phrase can change what the snippet shows (by
   * merging with a match in it). */
  if (scan->matched && token->start >= scan->bound &&
      ++scan->n_past >= scan->query->longest_phrase)
    return FALSE;

  return TRUE;
}

/**
 * gazette_search_query_snippet:
 * @self: a query
 * @tokenizer: the tokenizer the query was read with
 * @marked: (nullable): a summary or body, as plain text that gazette_tokenizer_mark() marked
 * @only_if_matched: give %NULL rather than a snippet without matches
 * @matches: (out) (transfer full) (element-type GazetteSpan): byte ranges of the snippet
 *   that match
 *
 * Cuts about 150 characters out of the text, starting a little before the first match, on
 * word boundaries, with runs of white space made one space and "…" where text was cut.
 *
 * Returns: (transfer full) (nullable): the snippet, or %NULL when the text is empty or, with
 *   @only_if_matched, has no match
 */
char *
gazette_search_query_snippet (const GazetteSearchQuery  *self,
                              GazetteTokenizer          *tokenizer,
                              const char                *marked,
                              gboolean                   only_if_matched,
                              GArray                   **matches)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) plain = NULL;
  g_autoptr(GStringChunk) chunk = NULL;
  g_autofree guint *map = NULL;
  SnippetScan scan = { 0 };
  GArray *kept;
  GString *out;
  gsize len, anchor, start, end;
  const char *text;
  const char *p;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (matches != NULL, NULL);

  *matches = NULL;
  if (marked == NULL || *marked == '\0')
    return NULL;

  plain = g_string_new (NULL);
  gazette_unmark_text (marked, -1, plain);
  text = plain->str;
  len = plain->len;
  if (len == 0 || !g_utf8_validate (text, len, NULL))
    return NULL;

  chunk = g_string_chunk_new (1024);
  scan.query = self;
  scan.text = text;
  scan.tokens = tokens;
  scan.chunk = chunk;
  gazette_tokenizer_run_marked (tokenizer, marked, -1, snippet_token_cb, &scan);

  spans = query_find_spans (self, tokens);
  if (spans->len == 0 && only_if_matched)
    return NULL;

  anchor = spans->len > 0 ? g_array_index (spans, GazetteSpan, 0).start : 0;

  /* Back up a little, then forward to where a word starts. */
  p = text + anchor;
  for (guint i = 0; i < SNIPPET_BEFORE && p > text; i++)
    p = g_utf8_prev_char (p);
  start = p - text;
  if (start > 0)
    {
      for (guint i = 0; i < tokens->len; i++)
        {
          gsize token_start = g_array_index (tokens, Token, i).start;

          if (token_start >= start)
            {
              start = MIN (token_start, anchor);
              break;
            }
        }
    }

  /* Forward, then back to where a word ends. */
  p = text + start;
  for (guint i = 0; i < SNIPPET_CHARS && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  end = p - text;
  if (end < len)
    {
      gsize best = 0;

      for (guint i = 0; i < tokens->len; i++)
        {
          gsize token_end = g_array_index (tokens, Token, i).end;

          if (token_end <= end && token_end > best)
            best = token_end;
        }
      if (best > start)
        end = best;
    }

  /* Copy, one space for each run of white space, remembering where each byte went. */
  map = g_new (guint, end - start + 1);
  out = g_string_new (start > 0 ? "…" : NULL);
  p = text + start;
  while (p < text + end && is_space_at (p))
    {
      for (const char *q = g_utf8_next_char (p); p < q; p++)
        map[p - text - start] = (guint) out->len;
    }
  while (p < text + end)
    {
      const char *next = g_utf8_next_char (p);

      if (is_space_at (p))
        {
          const char *q = p;

          while (q < text + end && is_space_at (q))
            q = g_utf8_next_char (q);
          for (; p < q; p++)
            map[p - text - start] = (guint) out->len;
          if (q < text + end)
            g_string_append_c (out, ' ');
          continue;
        }

      for (; p < next; p++)
        {
          map[p - text - start] = (guint) out->len;
          g_string_append_c (out, *p);
        }
    }
  map[end - start] = (guint) out->len;

  if (end < len)
    {
      const char *rest = text + end;

      while (*rest != '\0' && is_space_at (rest))
        rest = g_utf8_next_char (rest);
      if (*rest != '\0')
        g_string_append (out, "…");
    }

  kept = g_array_new (FALSE, FALSE, sizeof (GazetteSpan));
  for (guint i = 0; i < spans->len; i++)
    {
      GazetteSpan span = g_array_index (spans, GazetteSpan, i);

      if (span.start < start || span.end > end)
        continue;
      span.start = map[span.start - start];
      span.end = map[span.end - start];
      if (span.end > span.start)
        g_array_append_val (kept, span);
    }
  *matches = kept;

  return g_string_free (out, FALSE);
}
