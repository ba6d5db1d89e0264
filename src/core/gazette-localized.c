/* gazette-localized.c
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

#define G_LOG_DOMAIN "gazette-localized"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gazette-localized.h"

/* Names and labels carry two to six languages, so a small array in insertion order beats a
 * hash table in both memory and speed, and keeps the publisher's order for "first entry"
 * fallback and for the JSON we write back. */
typedef struct
{
  char *tag;   /* normalized BCP 47, or "" when the publisher gave no language */
  char *text;
} Entry;

struct _GazetteLocalized
{
  GArray *entries;
};

/* A parsed tag, pointing into a normalized string. */
typedef struct
{
  char *language;  /* "zh" */
  char *script;    /* "Hans", or NULL */
  char *region;    /* "CN", or NULL */
} Subtags;

G_DEFINE_BOXED_TYPE (GazetteLocalized, gazette_localized,
                     gazette_localized_ref, gazette_localized_unref)

G_DEFINE_QUARK (gazette-localized-error-quark, gazette_localized_error)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->tag, g_free);
  g_clear_pointer (&entry->text, g_free);
}

static void
gazette_localized_clear (gpointer data)
{
  GazetteLocalized *self = data;

  g_clear_pointer (&self->entries, g_array_unref);
}

/**
 * gazette_localized_new:
 *
 * Creates an empty map from language tags to text.
 *
 * Returns: (transfer full): a new #GazetteLocalized
 */
GazetteLocalized *
gazette_localized_new (void)
{
  GazetteLocalized *self;

  self = g_atomic_rc_box_new0 (GazetteLocalized);
  self->entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), 4);
  g_array_set_clear_func (self->entries, entry_clear);

  return self;
}

/**
 * gazette_localized_ref:
 * @self: a #GazetteLocalized
 *
 * Returns: (transfer full): @self
 */
GazetteLocalized *
gazette_localized_ref (GazetteLocalized *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * gazette_localized_unref:
 * @self: (transfer full): a #GazetteLocalized
 *
 * Drops a reference, freeing @self when it was the last.
 */
void
gazette_localized_unref (GazetteLocalized *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, gazette_localized_clear);
}

static inline Entry *
entry_at (const GazetteLocalized *self,
          guint                   i)
{
  return &g_array_index (self->entries, Entry, i);
}

/* The tag under which @language is stored: unknown or empty tags share "" so that "und",
 * "C" and a missing key all mean "no particular language". */
static char *
storage_tag (const char *language)
{
  char *tag = gazette_language_normalize (language);

  return tag != NULL ? tag : g_strdup ("");
}

static int
find_exact (const GazetteLocalized *self,
            const char             *tag)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      if (g_ascii_strcasecmp (entry_at (self, i)->tag, tag) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * gazette_localized_set:
 * @self: a #GazetteLocalized
 * @language: (nullable): a BCP 47 tag or POSIX locale name; %NULL or "" for none
 * @text: (nullable): the text in that language
 *
 * Sets the text for @language, replacing the text of an equal tag (after normalization)
 * or appending a new entry. A %NULL or empty @text removes the entry.
 */
void
gazette_localized_set (GazetteLocalized *self,
                       const char       *language,
                       const char       *text)
{
  g_autofree char *tag = NULL;
  int pos;

  g_return_if_fail (self != NULL);

  tag = storage_tag (language);
  pos = find_exact (self, tag);

  if (text == NULL || text[0] == '\0')
    {
      if (pos >= 0)
        g_array_remove_index (self->entries, pos);
      return;
    }

  if (pos >= 0)
    {
      Entry *entry = entry_at (self, pos);

      if (entry->text != text)
        {
          g_free (entry->text);
          entry->text = g_strdup (text);
        }
    }
  else
    {
      Entry entry = { g_steal_pointer (&tag), g_strdup (text) };

      g_array_append_val (self->entries, entry);
    }
}

/**
 * gazette_localized_get_exact:
 * @self: a #GazetteLocalized
 * @language: (nullable): a language tag
 *
 * Gets the text stored under @language after normalization, without any fallback.
 *
 * Returns: (nullable) (transfer none): the text, or %NULL
 */
const char *
gazette_localized_get_exact (const GazetteLocalized *self,
                             const char             *language)
{
  g_autofree char *tag = NULL;
  int pos;

  g_return_val_if_fail (self != NULL, NULL);

  tag = storage_tag (language);
  pos = find_exact (self, tag);

  return pos >= 0 ? entry_at (self, pos)->text : NULL;
}

/* Splits a normalized tag in place. Extensions and private use subtags are ignored: they
 * never decide which text a reader can read. */
static void
subtags_parse (char    *tag,
               Subtags *out)
{
  char *p;

  out->language = tag;
  out->script = NULL;
  out->region = NULL;

  p = strchr (tag, '-');
  while (p != NULL)
    {
      char *sub;
      gsize len;

      *p = '\0';
      sub = p + 1;
      p = strchr (sub, '-');
      len = p != NULL ? (gsize) (p - sub) : strlen (sub);

      if (len == 1)
        break;
      if (len == 4 && g_ascii_isalpha (sub[0]) && out->script == NULL && out->region == NULL)
        out->script = sub;
      else if ((len == 2 && g_ascii_isalpha (sub[0])) || (len == 3 && g_ascii_isdigit (sub[0])))
        {
          if (out->region == NULL)
            out->region = sub;
        }
    }
}

/* Chinese is the one language we meet whose tags usually leave the script implicit while
 * readers of one script cannot be assumed to want the other: zh-TW, zh-HK and zh-MO mean
 * Traditional, everything else Simplified. */
static const char *
subtags_script (const Subtags *tags)
{
  if (tags->script != NULL)
    return tags->script;

  if (g_ascii_strcasecmp (tags->language, "zh") == 0)
    {
      if (tags->region != NULL &&
          (g_ascii_strcasecmp (tags->region, "TW") == 0 ||
           g_ascii_strcasecmp (tags->region, "HK") == 0 ||
           g_ascii_strcasecmp (tags->region, "MO") == 0))
        return "Hant";

      return "Hans";
    }

  return NULL;
}

static gboolean
optional_equal (const char *a,
                const char *b)
{
  return a == NULL || b == NULL || g_ascii_strcasecmp (a, b) == 0;
}

typedef enum {
  MATCH_NONE,
  MATCH_LANGUAGE,    /* same language, another script */
  MATCH_SCRIPT,      /* same language and script, another region: en-GB for en-US */
  MATCH_EQUIVALENT,  /* the same thing for a reader: zh-CN for zh-Hans, th for th-TH */
  MATCH_EXACT,
} MatchLevel;

static MatchLevel
match_tags (const char *a,
            const char *b)
{
  g_autofree char *copy_a = NULL;
  g_autofree char *copy_b = NULL;
  Subtags tags_a;
  Subtags tags_b;
  const char *script_a;
  const char *script_b;

  if (g_ascii_strcasecmp (a, b) == 0)
    return MATCH_EXACT;

  copy_a = g_strdup (a);
  copy_b = g_strdup (b);
  subtags_parse (copy_a, &tags_a);
  subtags_parse (copy_b, &tags_b);

  if (tags_a.language[0] == '\0' || g_ascii_strcasecmp (tags_a.language, tags_b.language) != 0)
    return MATCH_NONE;

  script_a = subtags_script (&tags_a);
  script_b = subtags_script (&tags_b);
  if (!optional_equal (script_a, script_b))
    return MATCH_LANGUAGE;

  /* Once the script is known, the region says nothing about how Chinese is written. */
  if (g_ascii_strcasecmp (tags_a.language, "zh") == 0)
    return MATCH_EQUIVALENT;

  return optional_equal (tags_a.region, tags_b.region) ? MATCH_EQUIVALENT : MATCH_SCRIPT;
}

/**
 * gazette_language_matches:
 * @a: (nullable): a language tag
 * @b: (nullable): a language tag
 *
 * Tells whether a reader asking for @a would be equally served by text tagged @b: the
 * same language and script, and the same region when both give one. "zh-CN", "zh-SG",
 * "zh-Hans" and "zh" match each other but none of "zh-TW", "zh-HK" and "zh-Hant"; "th"
 * matches "th-TH"; "en-GB" does not match "en-US".
 *
 * Returns: %TRUE when the tags are equivalent
 */
gboolean
gazette_language_matches (const char *a,
                          const char *b)
{
  g_autofree char *norm_a = gazette_language_normalize (a);
  g_autofree char *norm_b = gazette_language_normalize (b);

  if (norm_a == NULL || norm_b == NULL)
    return FALSE;

  return match_tags (norm_a, norm_b) >= MATCH_EQUIVALENT;
}

static gboolean
tag_has_language (const char *tag,
                  const char *language)
{
  gsize len = strlen (language);

  return g_ascii_strncasecmp (tag, language, len) == 0 && (tag[len] == '\0' || tag[len] == '-');
}

static gboolean
tag_is_undetermined (const char *tag)
{
  return tag[0] == '\0' || tag_has_language (tag, "und");
}

/* The index of the entry that best matches @wanted at @level or better, or -1. */
static int
find_best (const GazetteLocalized *self,
           const char             *wanted,
           MatchLevel              level)
{
  int best = -1;
  MatchLevel best_level = MATCH_NONE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *tag = entry_at (self, i)->tag;
      MatchLevel found;

      if (tag[0] == '\0')
        continue;

      found = match_tags (wanted, tag);
      if (found >= level && found > best_level)
        {
          best = (int) i;
          best_level = found;
        }
    }

  return best;
}

/**
 * gazette_localized_lookup_full:
 * @self: a #GazetteLocalized
 * @languages: (nullable) (array zero-terminated=1): the reader's languages, most wanted
 *   first, or %NULL for gazette_language_get_preferred()
 * @out_language: (out) (optional) (nullable) (transfer none): the tag of the text returned
 *
 * Picks the text that best suits a reader of @languages. For each wanted language in turn,
 * an exact tag wins over an equivalent one (see gazette_language_matches()), which wins over
 * another region of the same language and script. Then come English, text without a
 * language, the same language in another script (Simplified for a reader of Traditional
 * Chinese), and finally the first entry.
 *
 * Returns: (nullable) (transfer none): the text, or %NULL when @self is empty
 */
const char *
gazette_localized_lookup_full (const GazetteLocalized  *self,
                               const char * const      *languages,
                               const char             **out_language)
{
  g_auto(GStrv) preferred = NULL;
  int found = -1;

  if (out_language != NULL)
    *out_language = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->entries->len == 0)
    return NULL;

  if (languages == NULL)
    {
      preferred = gazette_language_get_preferred ();
      languages = (const char * const *) preferred;
    }

  for (guint i = 0; found < 0 && languages[i] != NULL; i++)
    {
      g_autofree char *wanted = gazette_language_normalize (languages[i]);

      if (wanted != NULL)
        found = find_best (self, wanted, MATCH_SCRIPT);
    }

  if (found < 0)
    found = find_best (self, "en", MATCH_LANGUAGE);

  for (guint i = 0; found < 0 && i < self->entries->len; i++)
    {
      if (tag_is_undetermined (entry_at (self, i)->tag))
        found = (int) i;
    }

  for (guint i = 0; found < 0 && languages[i] != NULL; i++)
    {
      g_autofree char *wanted = gazette_language_normalize (languages[i]);

      if (wanted != NULL)
        found = find_best (self, wanted, MATCH_LANGUAGE);
    }

  if (found < 0)
    found = 0;

  if (out_language != NULL)
    *out_language = entry_at (self, found)->tag;

  return entry_at (self, found)->text;
}

/**
 * gazette_localized_lookup:
 * @self: a #GazetteLocalized
 * @languages: (nullable) (array zero-terminated=1): the reader's languages, or %NULL
 *
 * Like gazette_localized_lookup_full(), without reporting the chosen tag.
 *
 * Returns: (nullable) (transfer none): the text, or %NULL when @self is empty
 */
const char *
gazette_localized_lookup (const GazetteLocalized *self,
                          const char * const     *languages)
{
  return gazette_localized_lookup_full (self, languages, NULL);
}

/**
 * gazette_localized_get_size:
 * @self: a #GazetteLocalized
 *
 * Returns: the number of languages in @self
 */
guint
gazette_localized_get_size (const GazetteLocalized *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * gazette_localized_is_empty:
 * @self: a #GazetteLocalized
 *
 * Returns: %TRUE when @self holds no text
 */
gboolean
gazette_localized_is_empty (const GazetteLocalized *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->entries->len == 0;
}

/**
 * gazette_localized_dup_languages:
 * @self: a #GazetteLocalized
 *
 * Returns: (transfer full): the tags of @self in insertion order; "" stands for text
 *   without a language
 */
GStrv
gazette_localized_dup_languages (const GazetteLocalized *self)
{
  GStrv ret;

  g_return_val_if_fail (self != NULL, NULL);

  ret = g_new0 (char *, self->entries->len + 1);
  for (guint i = 0; i < self->entries->len; i++)
    ret[i] = g_strdup (entry_at (self, i)->tag);

  return ret;
}

/**
 * gazette_localized_merge:
 * @self: a #GazetteLocalized
 * @other: (nullable): the entries to add
 *
 * Adds the entries of @other to @self; where both have a language, @other's text wins.
 */
void
gazette_localized_merge (GazetteLocalized       *self,
                         const GazetteLocalized *other)
{
  g_return_if_fail (self != NULL);

  if (other == NULL || other == self)
    return;

  for (guint i = 0; i < other->entries->len; i++)
    gazette_localized_set (self, entry_at (other, i)->tag, entry_at (other, i)->text);
}

/**
 * gazette_localized_equal:
 * @a: (nullable): a #GazetteLocalized
 * @b: (nullable): a #GazetteLocalized
 *
 * Compares the tag-to-text mappings, ignoring their order. %NULL counts as empty.
 *
 * Returns: %TRUE when @a and @b hold the same texts under the same tags
 */
gboolean
gazette_localized_equal (const GazetteLocalized *a,
                         const GazetteLocalized *b)
{
  guint len_a = a != NULL ? a->entries->len : 0;
  guint len_b = b != NULL ? b->entries->len : 0;

  if (a == b)
    return TRUE;
  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      const Entry *entry = entry_at (a, i);
      int pos = find_exact (b, entry->tag);

      if (pos < 0 || g_strcmp0 (entry->text, entry_at (b, pos)->text) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\b': g_string_append (json, "\\b"); break;
        case '\f': g_string_append (json, "\\f"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (json, "\\u%04x", c);
          else
            g_string_append_c (json, (char) c);
        }
    }
  g_string_append_c (json, '"');
}

/**
 * gazette_localized_to_json:
 * @self: a #GazetteLocalized
 *
 * Serializes @self as a JSON object from tags to texts, in insertion order.
 *
 * Returns: (transfer full): compact JSON text
 */
char *
gazette_localized_to_json (const GazetteLocalized *self)
{
  GString *json;

  g_return_val_if_fail (self != NULL, NULL);

  /* Written by hand: the store serialises every name and figure label it writes, and a
   * JsonGenerator per map cost several percent of a large ingest. */
  json = g_string_sized_new (64);
  g_string_append_c (json, '{');
  for (guint i = 0; i < self->entries->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_json_string (json, entry_at (self, i)->tag);
      g_string_append_c (json, ':');
      append_json_string (json, entry_at (self, i)->text);
    }
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

/**
 * gazette_localized_new_from_json:
 * @json: JSON text, as written by gazette_localized_to_json()
 * @error: return location for a #GError
 *
 * Reads a JSON object whose members map language tags to strings. Members whose value is
 * null are skipped.
 *
 * Returns: (transfer full) (nullable): a new #GazetteLocalized, or %NULL with @error set
 */
GazetteLocalized *
gazette_localized_new_from_json (const char  *json,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GazetteLocalized) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, GAZETTE_LOCALIZED_ERROR, GAZETTE_LOCALIZED_ERROR_INVALID,
                   /* Translators: %s is the JSON parser's explanation */
                   _("The list of translations is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, GAZETTE_LOCALIZED_ERROR, GAZETTE_LOCALIZED_ERROR_INVALID,
                           _("The list of translations is not a JSON object."));
      return NULL;
    }

  self = gazette_localized_new ();
  object = json_node_get_object (root);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *tag = l->data;
      JsonNode *node = json_object_get_member (object, tag);

      if (JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, GAZETTE_LOCALIZED_ERROR, GAZETTE_LOCALIZED_ERROR_INVALID,
                       /* Translators: %s is a language tag such as "th" or "zh-Hans" */
                       _("The translation for “%s” is not a string."), tag);
          return NULL;
        }

      gazette_localized_set (self, tag, json_node_get_string (node));
    }

  return g_steal_pointer (&self);
}

static gboolean
is_subtag (const char *str,
           gsize       len)
{
  if (len == 0 || len > 8)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (str[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_all (const char *str,
        gsize       len,
        gboolean  (*pred) (gchar c))
{
  for (gsize i = 0; i < len; i++)
    {
      if (!pred (str[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
ascii_isalpha (gchar c)
{
  return g_ascii_isalpha (c);
}

static gboolean
ascii_isdigit (gchar c)
{
  return g_ascii_isdigit (c);
}

/**
 * gazette_language_normalize:
 * @tag: (nullable): a BCP 47 tag or a POSIX locale name
 *
 * Turns a language tag or locale name into a BCP 47 tag with the usual casing:
 * "th_TH.UTF-8" becomes "th-TH", "zh-hans" "zh-Hans", "EN-us" "en-US" and
 * "sr_RS@latin" "sr-Latn-RS". Codesets and other modifiers are dropped.
 *
 * Returns: (transfer full) (nullable): the tag, or %NULL for "C", "POSIX", an empty string
 *   or something that is not a language tag
 */
char *
gazette_language_normalize (const char *tag)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *copy = NULL;
  const char *script_modifier = NULL;
  gboolean after_singleton = FALSE;
  gboolean script_written = FALSE;
  char *p;
  guint n = 0;

  /* Feeds repeat a handful of tags in every name and label; parsing a large feed spent a
   * tenth of its time here before this shortcut. */
  static const char * const canonical[] = {
    "en", "th", "zh-Hans", "zh-Hant", "zh", "und", "zh-CN", "th-TH", "en-US", "en-GB",
  };

  if (tag == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (canonical); i++)
    if (strcmp (tag, canonical[i]) == 0)
      return g_strdup (tag);

  copy = g_strstrip (g_strdup (tag));

  if ((p = strchr (copy, '@')) != NULL)
    {
      /* glibc spells the script of a few locales as a modifier. */
      if (g_ascii_strcasecmp (p + 1, "latin") == 0)
        script_modifier = "Latn";
      else if (g_ascii_strcasecmp (p + 1, "cyrillic") == 0)
        script_modifier = "Cyrl";
      *p = '\0';
    }
  if ((p = strchr (copy, '.')) != NULL)
    *p = '\0';

  if (copy[0] == '\0' ||
      g_ascii_strcasecmp (copy, "C") == 0 ||
      g_ascii_strcasecmp (copy, "POSIX") == 0)
    return NULL;

  out = g_string_sized_new (strlen (copy) + 5);
  p = copy;

  for (;;)
    {
      gsize len = strcspn (p, "-_");

      if (!is_subtag (p, len))
        return NULL;

      if (n == 0)
        {
          if (!is_all (p, len, ascii_isalpha))
            return NULL;
          for (gsize i = 0; i < len; i++)
            g_string_append_c (out, g_ascii_tolower (p[i]));
        }
      else
        {
          g_string_append_c (out, '-');

          if (!after_singleton && len == 4 && is_all (p, len, ascii_isalpha) && n == 1)
            {
              g_string_append_c (out, g_ascii_toupper (p[0]));
              for (gsize i = 1; i < len; i++)
                g_string_append_c (out, g_ascii_tolower (p[i]));
              script_written = TRUE;
            }
          else if (!after_singleton &&
                   ((len == 2 && is_all (p, len, ascii_isalpha)) ||
                    (len == 3 && is_all (p, len, ascii_isdigit))))
            {
              if (script_modifier != NULL && !script_written)
                {
                  g_string_append_printf (out, "%s-", script_modifier);
                  script_written = TRUE;
                }
              for (gsize i = 0; i < len; i++)
                g_string_append_c (out, g_ascii_toupper (p[i]));
            }
          else
            {
              if (len == 1)
                after_singleton = TRUE;
              for (gsize i = 0; i < len; i++)
                g_string_append_c (out, g_ascii_tolower (p[i]));
            }
        }

      n++;
      if (p[len] == '\0')
        break;
      p += len + 1;
    }

  if (script_modifier != NULL && !script_written)
    g_string_append_printf (out, "-%s", script_modifier);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * gazette_language_get_preferred:
 *
 * Lists the user's languages, most wanted first, as normalized tags from
 * g_get_language_names(), without duplicates, ending with "en" when English is not
 * already there.
 *
 * Returns: (transfer full): the tags
 */
GStrv
gazette_language_get_preferred (void)
{
  const char * const *names = g_get_language_names ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  gboolean has_en = FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = gazette_language_normalize (names[i]);
      gboolean seen = FALSE;

      if (tag == NULL)
        continue;

      /* GLib follows "zh_TW" with a bare "zh", which would read as Simplified Chinese;
       * keep the script the user asked for first. */
      if (strchr (tag, '-') == NULL)
        {
          for (guint j = 0; j < tags->len; j++)
            {
              g_autofree char *earlier = g_strdup (g_ptr_array_index (tags, j));
              Subtags parsed;
              const char *script;

              subtags_parse (earlier, &parsed);
              if (g_ascii_strcasecmp (parsed.language, tag) != 0)
                continue;

              script = subtags_script (&parsed);
              if (script != NULL)
                {
                  char *with_script = g_strdup_printf ("%s-%s", tag, script);

                  g_free (tag);
                  tag = with_script;
                }
              break;
            }
        }

      for (guint j = 0; j < tags->len && !seen; j++)
        seen = g_ascii_strcasecmp (g_ptr_array_index (tags, j), tag) == 0;
      if (seen)
        continue;

      if (g_str_equal (tag, "en"))
        has_en = TRUE;
      g_ptr_array_add (tags, g_steal_pointer (&tag));
    }

  if (!has_en)
    g_ptr_array_add (tags, g_strdup ("en"));
  g_ptr_array_add (tags, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}
