/* gazette-json-feed-parser.c
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

#define G_LOG_DOMAIN "gazette-json-feed"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gazette-announcement-private.h"
#include "gazette-json-feed-parser-private.h"
#include "gazette-json-feed-parser.h"
#include "gazette-sanitizer.h"

/* Past this many, problems are only counted: a feed broken in every item would otherwise
 * give a list nobody reads, at the cost of two strings per item. */
#define MAX_LISTED_PROBLEMS 100

/* The deepest path the schema has is items[i]._district.officials[j].quotes[k], plus the
 * member being read. */
#define MAX_PATH 16

/* Map keys come from the document; a key longer than any language tag is left out of
 * locations so that a hostile key cannot blow up every message that mentions it. */
#define MAX_TAG_IN_LOCATION 64

/* Values quoted in messages are clipped to this many characters. */
#define MAX_QUOTED_VALUE 80

/* Items are parsed on several threads only from this many on: below it, starting threads
 * costs more than it saves. The other limit keeps a machine with many cores from starting
 * dozens of threads for one feed, which is parsed in well under a second anyway. */
#define MIN_ITEMS_FOR_THREADS 256
#define MAX_THREADS 8

G_DEFINE_QUARK (gazette-parse-error-quark, gazette_parse_error)

typedef struct
{
  const char *key;    /* NULL for an array element */
  guint       index;
} PathSegment;

typedef struct
{
  GPtrArray   *problems;           /* the caller's, or NULL */
  guint        n_listed;
  guint        n_unlisted;
  gboolean     unlisted_error;
  GError      *error;              /* the first error */

  /* Where the walk is. Locations are only built from this when a problem is reported, so
   * the common case costs two stores per level. */
  PathSegment  path[MAX_PATH];
  guint        path_len;

  const char  *feed_language;      /* normalized, or NULL */
  const char  *home_page_url;      /* the document's, for relative URLs in content_html */
  const char  *feed_author;        /* points into the JSON tree, or NULL */
  GHashTable  *districts;          /* id → GazetteEntity, borrowed from the document */
  GHashTable  *unknown_districts;  /* id → GazetteEntity, owned */
  GDateTime   *now;                /* created on first use */

  /* Only in a worker that reads a run of the items: the warning about an undeclared
   * district belongs to the first item in the whole document that names it, and only the
   * merge after the workers knows which that is. */
  GArray      *deferred;           /* DeferredDistrict, or NULL */
} Parser;

typedef struct
{
  gsize          position;   /* how many of the worker's other problems come before it */
  char          *location;   /* NULL when problems are not collected */
  GazetteEntity *entity;     /* the worker's own entity for the id */
} DeferredDistrict;

typedef struct
{
  gsize start;
  gsize end;
} Span;

typedef struct
{
  gsize     too_deep_at;  /* offset of the bracket past the limit, or G_MAXSIZE */
  gsize     too_wide_at;  /* offset of the comma past the member limit, or G_MAXSIZE */
  gsize     n_items;      /* elements of the top-level "items" array, as far as a scan can tell */

  /* Whether parse_document_split() may try the document: the top level has one member
   * spelled "items", its value is an array, and each element of that array looks like
   * one value. The offsets are from the start of the scanned text. */
  gboolean  can_split;
  Span      items;        /* the array, brackets included */
  GArray   *elements;     /* Span: its elements, each with the white space after it */
} Scan;

/* A run of items that one thread parses, into its own announcements and problems. */
typedef struct
{
  Parser      p;
  const char *data;
  const Span *elements;
  guint       first;
  guint       end;
  gint       *stop;           /* shared by the workers: set when an item is not valid JSON */
  gboolean    invalid;        /* an item of this run is not valid JSON */
  GPtrArray  *announcements;
} Chunk;

static inline gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline void
path_push_key (Parser     *p,
               const char *key)
{
  g_assert (p->path_len < MAX_PATH);

  p->path[p->path_len].key = key;
  p->path[p->path_len].index = 0;
  p->path_len++;
}

static inline void
path_push_index (Parser *p,
                 guint   i)
{
  g_assert (p->path_len < MAX_PATH);

  p->path[p->path_len].key = NULL;
  p->path[p->path_len].index = i;
  p->path_len++;
}

static inline void
path_pop (Parser *p)
{
  g_assert (p->path_len > 0);

  p->path_len--;
}

static void
append_key (GString    *str,
            const char *key)
{
  if (str->len > 0)
    g_string_append_c (str, '.');
  g_string_append (str, key);
}

/* The JSON path of @key in the current object, such as `items[3]._district.officials[0].name`,
 * or of the current value when @key is %NULL; %NULL for the document itself. */
static char *
path_to_string (const Parser *p,
                const char   *key)
{
  GString *str;

  if (p->path_len == 0 && key == NULL)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < p->path_len; i++)
    {
      if (p->path[i].key != NULL)
        append_key (str, p->path[i].key);
      else
        g_string_append_printf (str, "[%u]", p->path[i].index);
    }
  if (key != NULL)
    append_key (str, key);

  return g_string_free (str, FALSE);
}

/* Counts a problem, and tells whether its strings are needed: it is listed, or it becomes
 * the GError. Call it once per problem. */
static gboolean
count_problem (Parser   *p,
               gboolean  is_error)
{
  gboolean first_error = is_error && p->error == NULL;

  if (p->problems == NULL)
    return first_error;

  if (p->n_listed >= MAX_LISTED_PROBLEMS)
    {
      p->n_unlisted++;
      p->unlisted_error |= is_error;
      return first_error;
    }

  return TRUE;
}

static void
problem_add (Parser            *p,
             gboolean           is_error,
             GazetteParseError  code,
             const char        *location,
             const char        *message)
{
  if (is_error && p->error == NULL)
    {
      if (location != NULL)
        {
          /* Translators: an error in a feed; the first %s is where, such as
           * “items[3].title” or “line 4, column 2”, the second what is wrong */
          p->error = g_error_new (GAZETTE_PARSE_ERROR, code, _("%s: %s"), location, message);
        }
      else
        p->error = g_error_new_literal (GAZETTE_PARSE_ERROR, code, message);
    }

  if (p->problems != NULL && p->n_listed < MAX_LISTED_PROBLEMS)
    {
      g_ptr_array_add (p->problems, gazette_problem_new (is_error, location, message));
      p->n_listed++;
    }
}

/* Reports a problem with @key of the current value, or with the value itself. */
static void
report (Parser            *p,
        gboolean           is_error,
        GazetteParseError  code,
        const char        *key,
        const char        *message)
{
  g_autofree char *location = NULL;

  if (!count_problem (p, is_error))
    return;

  location = path_to_string (p, key);
  problem_add (p, is_error, code, location, message);
}

static void report_printf (Parser            *p,
                           gboolean           is_error,
                           GazetteParseError  code,
                           const char        *key,
                           const char        *format,
                           ...) G_GNUC_PRINTF (5, 6);

static void
report_printf (Parser            *p,
               gboolean           is_error,
               GazetteParseError  code,
               const char        *key,
               const char        *format,
               ...)
{
  g_autofree char *message = NULL;
  g_autofree char *location = NULL;
  va_list args;

  if (!count_problem (p, is_error))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  location = path_to_string (p, key);
  problem_add (p, is_error, code, location, message);
}

static inline void
schema_error (Parser     *p,
              const char *key,
              const char *message)
{
  report (p, TRUE, GAZETTE_PARSE_ERROR_SCHEMA, key, message);
}

/* A copy of @value short enough to quote in a message. The document is valid UTF-8. */
static char *
clip (const char *value)
{
  const char *end = value;

  for (guint i = 0; i < MAX_QUOTED_VALUE && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    return g_strdup (value);

  return g_strdup_printf ("%.*s…", (int) (end - value), value);
}

static inline gboolean
node_is_absent (JsonNode *node)
{
  /* A JSON null means "no value" to most generators, so optional fields may be null. */
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static inline gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static inline gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static void
report_too_long (Parser     *p,
                 const char *key)
{
  g_autofree char *limit = NULL;

  limit = g_format_size_full (GAZETTE_JSON_FEED_MAX_STRING_LENGTH, G_FORMAT_SIZE_IEC_UNITS);
  /* Translators: %s is a size such as “1.0 MiB” */
  report_printf (p, TRUE, GAZETTE_PARSE_ERROR_TOO_LARGE, key,
                 _("this text is longer than the limit of %s"), limit);
}

/* The string in @node, or %NULL after reporting why there is none. Nothing is copied
 * before the length is checked. */
static const char *
node_get_text (Parser     *p,
               JsonNode   *node,
               const char *key)
{
  const char *str;

  if (!node_is_string (node))
    {
      schema_error (p, key, _("expected a string"));
      return NULL;
    }

  str = json_node_get_string (node);
  if (strnlen (str, GAZETTE_JSON_FEED_MAX_STRING_LENGTH + 1) > GAZETTE_JSON_FEED_MAX_STRING_LENGTH)
    {
      report_too_long (p, key);
      return NULL;
    }

  return str;
}

/* The member @key of @obj, or %NULL when it is absent or null (reported when @required). */
static JsonNode *
member_present (Parser     *p,
                JsonObject *obj,
                const char *key,
                gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node_is_absent (node))
    {
      if (required)
        schema_error (p, key, _("this field is required"));
      return NULL;
    }

  return node;
}

static const char *
member_text (Parser     *p,
             JsonObject *obj,
             const char *key,
             gboolean    required)
{
  JsonNode *node = member_present (p, obj, key, required);

  if (node == NULL)
    return NULL;

  return node_get_text (p, node, key);
}

static inline char *
member_dup_text (Parser     *p,
                 JsonObject *obj,
                 const char *key)
{
  return g_strdup (member_text (p, obj, key, FALSE));
}

static JsonObject *
member_object (Parser     *p,
               JsonObject *obj,
               const char *key,
               gboolean    required)
{
  JsonNode *node = member_present (p, obj, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      schema_error (p, key, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
member_array (Parser     *p,
              JsonObject *obj,
              const char *key,
              gboolean    required)
{
  JsonNode *node = member_present (p, obj, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      schema_error (p, key, _("expected an array"));
      return NULL;
    }

  return json_node_get_array (node);
}

/* The object at index @i of @array; the caller has pushed @i on the path. */
static JsonObject *
element_object (Parser    *p,
                JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      schema_error (p, NULL, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A map from language tags to text, or a plain string in @language (%NULL when unknown,
 * which GazetteLocalized stores like "und"). @key is %NULL when @node is an array element
 * whose index is already on the path. */
static GazetteLocalized *
node_get_localized (Parser     *p,
                    JsonNode   *node,
                    const char *key,
                    const char *language)
{
  g_autoptr(GazetteLocalized) ret = NULL;
  JsonObjectIter iter;
  const char *tag;
  JsonNode *member;

  if (node_is_string (node))
    {
      const char *text = node_get_text (p, node, key);

      if (text == NULL)
        return NULL;

      ret = gazette_localized_new ();
      gazette_localized_set (ret, language, text);
      return g_steal_pointer (&ret);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      schema_error (p, key, _("expected an object mapping language tags to text"));
      return NULL;
    }

  /* GazetteLocalized is a small array searched on every insertion, which suits the few
   * languages of real names and would be quadratic for thousands of hostile ones. */
  if (json_object_get_size (json_node_get_object (node)) > GAZETTE_JSON_FEED_MAX_LANGUAGES)
    {
      report_printf (p, TRUE, GAZETTE_PARSE_ERROR_TOO_LARGE, key,
                     _("this map has texts in more than %d languages"),
                     GAZETTE_JSON_FEED_MAX_LANGUAGES);
      return NULL;
    }

  ret = gazette_localized_new ();

  if (key != NULL)
    path_push_key (p, key);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &tag, &member))
    {
      const char *where = strlen (tag) <= MAX_TAG_IN_LOCATION ? tag : NULL;
      const char *text = node_get_text (p, member, where);

      if (text != NULL)
        gazette_localized_set (ret, tag, text);
    }

  if (key != NULL)
    path_pop (p);

  return g_steal_pointer (&ret);
}

static GazetteLocalized *
member_localized (Parser     *p,
                  JsonObject *obj,
                  const char *key,
                  gboolean    required,
                  const char *language)
{
  JsonNode *node = member_present (p, obj, key, required);

  if (node == NULL)
    return NULL;

  return node_get_localized (p, node, key, language);
}

/* An array of strings as a GStrv, or %NULL when absent or empty. */
static GStrv
member_strv (Parser     *p,
             JsonObject *obj,
             const char *key)
{
  g_auto(GStrv) ret = NULL;
  JsonArray *array;
  guint n;
  guint n_kept = 0;

  if ((array = member_array (p, obj, key, FALSE)) == NULL)
    return NULL;

  n = json_array_get_length (array);
  if (n == 0)
    return NULL;

  ret = g_new0 (char *, n + 1);
  path_push_key (p, key);
  for (guint i = 0; i < n; i++)
    {
      const char *text;

      path_push_index (p, i);
      if ((text = node_get_text (p, json_array_get_element (array, i), NULL)) != NULL)
        ret[n_kept++] = g_strdup (text);
      path_pop (p);
    }
  path_pop (p);

  if (n_kept == 0)
    return NULL;

  return g_steal_pointer (&ret);
}

/* JSON Feed dates are RFC 3339, which always has an offset: without one the time would
 * mean something different in every reader's time zone, so it is an error. */
static GDateTime *
member_date (Parser     *p,
             JsonObject *obj,
             const char *key)
{
  const char *text = member_text (p, obj, key, FALSE);
  GDateTime *ret;

  if (text == NULL)
    return NULL;

  if ((ret = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    schema_error (p, key, _("expected a date and time with a time zone offset (RFC 3339), "
                            "such as 2018-06-18T09:30:00+08:00"));

  return ret;
}

/* The first author's name, from JSON Feed 1.1 "authors" or else 1.0 "author". */
static const char *
member_author (Parser     *p,
               JsonObject *obj)
{
  const char *ret = NULL;
  JsonArray *authors;
  JsonObject *author;

  if (json_object_has_member (obj, "authors"))
    {
      guint n;

      if ((authors = member_array (p, obj, "authors", FALSE)) == NULL)
        return NULL;

      n = json_array_get_length (authors);
      path_push_key (p, "authors");
      for (guint i = 0; i < n; i++)
        {
          const char *name;

          path_push_index (p, i);
          if ((author = element_object (p, authors, i)) != NULL &&
              (name = member_text (p, author, "name", FALSE)) != NULL &&
              ret == NULL && name[0] != '\0')
            ret = name;
          path_pop (p);
        }
      path_pop (p);

      return ret;
    }

  if ((author = member_object (p, obj, "author", FALSE)) != NULL)
    {
      path_push_key (p, "author");
      ret = member_text (p, author, "name", FALSE);
      path_pop (p);
    }

  return ret;
}

static void
parse_quotes (Parser     *p,
              JsonObject *official,
              const char *official_id,
              const char *language,
              GPtrArray  *quotes)
{
  JsonArray *array;
  guint n;

  if ((array = member_array (p, official, "quotes", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  path_push_key (p, "quotes");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      const char *text;
      const char *quote_language;

      path_push_index (p, i);
      if ((obj = element_object (p, array, i)) != NULL)
        {
          text = member_text (p, obj, "text", TRUE);
          if ((quote_language = member_text (p, obj, "language", FALSE)) == NULL)
            quote_language = language;
          if (text != NULL && official_id != NULL)
            g_ptr_array_add (quotes, gazette_quote_new (official_id, text, quote_language));
        }
      path_pop (p);
    }
  path_pop (p);
}

static void
parse_roles (Parser        *p,
             JsonObject    *official,
             const char    *language,
             GazetteEntity *entity)
{
  JsonArray *array;
  guint n;

  if ((array = member_array (p, official, "roles", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  path_push_key (p, "roles");
  for (guint i = 0; i < n; i++)
    {
      GazetteLocalized *role;

      path_push_index (p, i);
      role = node_get_localized (p, json_array_get_element (array, i), NULL, language);
      if (role != NULL)
        g_ptr_array_add (entity->roles, role);
      path_pop (p);
    }
  path_pop (p);
}

/* One district, official, project or organisation; the caller has pushed its place on
 * the path. Quotes of an official go to @quotes. Returns %NULL when the id is missing:
 * an entity is nothing without one. */
static GazetteEntity *
parse_entity (Parser            *p,
              JsonObject        *obj,
              GazetteEntityKind  kind,
              const char        *language,
              GPtrArray         *quotes)
{
  g_autoptr(GazetteEntity) entity = NULL;
  GazetteLocalized *name;
  const char *id;

  id = member_text (p, obj, "id", TRUE);
  entity = gazette_entity_new (kind, id);

  if ((name = member_localized (p, obj, "name", TRUE, language)) != NULL)
    {
      gazette_localized_unref (entity->name);
      entity->name = name;
    }

  switch (kind)
    {
    case GAZETTE_ENTITY_DISTRICT:
      /* "level" is informative only: the hierarchy is what "parent" says. */
      entity->parent_id = member_dup_text (p, obj, "parent");
      break;

    case GAZETTE_ENTITY_OFFICIAL:
      parse_roles (p, obj, language, entity);
      if (quotes != NULL)
        parse_quotes (p, obj, id, language, quotes);
      break;

    case GAZETTE_ENTITY_PROJECT:
      entity->summary = member_localized (p, obj, "summary", FALSE, language);
      entity->sectors = member_strv (p, obj, "sectors");
      entity->status = member_dup_text (p, obj, "status");
      entity->url = member_dup_text (p, obj, "url");
      break;

    case GAZETTE_ENTITY_ORGANISATION:
      entity->summary = member_localized (p, obj, "summary", FALSE, language);
      entity->url = member_dup_text (p, obj, "url");
      break;

    default:
      g_assert_not_reached ();
    }

  if (id == NULL)
    return NULL;

  return g_steal_pointer (&entity);
}

static void
parse_entities (Parser            *p,
                JsonObject        *ext,
                const char        *key,
                GazetteEntityKind  kind,
                const char        *language,
                GPtrArray         *out,
                GPtrArray         *quotes)
{
  JsonArray *array;
  guint n;

  if ((array = member_array (p, ext, key, FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  path_push_key (p, key);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      GazetteEntity *entity;

      path_push_index (p, i);
      if ((obj = element_object (p, array, i)) != NULL &&
          (entity = parse_entity (p, obj, kind, language, quotes)) != NULL)
        g_ptr_array_add (out, entity);
      path_pop (p);
    }
  path_pop (p);
}

static GazetteFigure *
parse_figure (Parser     *p,
              JsonObject *obj,
              const char *language)
{
  g_autoptr(GazetteFigure) figure = gazette_figure_new ();
  GazetteLocalized *label;
  JsonNode *node;

  if ((label = member_localized (p, obj, "label", TRUE, language)) != NULL)
    {
      gazette_localized_unref (figure->label);
      figure->label = label;
    }

  node = json_object_get_member (obj, "value");
  if (node_is_absent (node))
    schema_error (p, "value", _("this field is required"));
  else if (!node_is_number (node) || !isfinite (json_node_get_double (node)))
    schema_error (p, "value", _("expected a number"));
  else
    figure->value = json_node_get_double (node);

  node = json_object_get_member (obj, "year");
  if (!node_is_absent (node))
    {
      double year = node_is_number (node) ? json_node_get_double (node) : 0;

      if (year >= 1 && year <= 9999 && year == floor (year))
        figure->year = (int) year;
      else
        schema_error (p, "year", _("expected a year as a whole number"));
    }

  figure->unit = member_dup_text (p, obj, "unit");
  figure->kind = member_dup_text (p, obj, "kind");
  figure->source_text = member_dup_text (p, obj, "source_text");
  figure->from_text = FALSE;

  return g_steal_pointer (&figure);
}

static void
parse_figures (Parser              *p,
               JsonObject          *ext,
               GazetteAnnouncement *a)
{
  JsonArray *array;
  guint n;

  if ((array = member_array (p, ext, "figures", FALSE)) == NULL)
    return;

  n = json_array_get_length (array);
  path_push_key (p, "figures");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;

      path_push_index (p, i);
      if ((obj = element_object (p, array, i)) != NULL)
        g_ptr_array_add (a->figures, parse_figure (p, obj, a->language));
      path_pop (p);
    }
  path_pop (p);
}

static GHashTable *
unknown_districts_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) gazette_entity_unref);
}

static char *
unknown_district_message (const char *id)
{
  g_autofree char *quoted = clip (id);

  return g_strdup_printf (_("the feed declares no district with the id “%s”, so only its id "
                            "is known"),
                          quoted);
}

/* The warning for the first item that names @entity's undeclared id. */
static void
report_unknown_district (Parser        *p,
                         GazetteEntity *entity)
{
  g_autofree char *location = NULL;
  g_autofree char *message = NULL;

  if (p->deferred != NULL)
    {
      DeferredDistrict d;

      d.position = p->n_listed + p->n_unlisted;
      d.location = p->problems != NULL ? path_to_string (p, "district") : NULL;
      d.entity = gazette_entity_ref (entity);
      g_array_append_val (p->deferred, d);
      return;
    }

  if (!count_problem (p, FALSE))
    return;

  location = path_to_string (p, "district");
  message = unknown_district_message (entity->id);
  problem_add (p, FALSE, GAZETTE_PARSE_ERROR_SCHEMA, location, message);
}

/* An item's district: an id declared at feed level, or a whole district object. */
static GazetteEntity *
parse_item_district (Parser     *p,
                     JsonObject *ext,
                     const char *language)
{
  JsonNode *node = json_object_get_member (ext, "district");
  GazetteEntity *entity;
  const char *id;

  if (node_is_absent (node))
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      path_push_key (p, "district");
      entity = parse_entity (p, json_node_get_object (node), GAZETTE_ENTITY_DISTRICT, language,
                             NULL);
      path_pop (p);
      return entity;
    }

  if (!node_is_string (node))
    {
      schema_error (p, "district", _("expected a district id or a district object"));
      return NULL;
    }

  if ((id = node_get_text (p, node, "district")) == NULL)
    return NULL;

  if (p->districts != NULL && (entity = g_hash_table_lookup (p->districts, id)) != NULL)
    return gazette_entity_ref (entity);

  /* An undeclared id still groups the announcements that name it; warn once per id, not
   * once per item. */
  if (p->unknown_districts == NULL)
    p->unknown_districts = unknown_districts_new ();

  if ((entity = g_hash_table_lookup (p->unknown_districts, id)) == NULL)
    {
      entity = gazette_entity_new (GAZETTE_ENTITY_DISTRICT, id);
      g_hash_table_insert (p->unknown_districts, entity->id, entity);
      report_unknown_district (p, entity);
    }

  return gazette_entity_ref (entity);
}

static void
parse_item_extension (Parser              *p,
                      JsonObject          *item,
                      GazetteAnnouncement *a)
{
  JsonObject *ext;

  if ((ext = member_object (p, item, "_district", FALSE)) == NULL)
    return;

  path_push_key (p, "_district");

  a->translation_group = member_dup_text (p, ext, "translation_group");
  a->district = parse_item_district (p, ext, a->language);
  parse_entities (p, ext, "officials", GAZETTE_ENTITY_OFFICIAL, a->language,
                  a->officials, a->quotes);
  parse_entities (p, ext, "projects", GAZETTE_ENTITY_PROJECT, a->language,
                  a->projects, NULL);
  /* Both spellings are in use; a feed that has both gets both. */
  parse_entities (p, ext, "organisations", GAZETTE_ENTITY_ORGANISATION, a->language,
                  a->organisations, NULL);
  parse_entities (p, ext, "organizations", GAZETTE_ENTITY_ORGANISATION, a->language,
                  a->organisations, NULL);
  parse_figures (p, ext, a);

  path_pop (p);
}

/* The item's id. JSON Feed wants a string, but some generators write numbers, and an id
 * is all that is needed to tell items apart. */
static char *
parse_item_id (Parser     *p,
               JsonObject *item)
{
  JsonNode *node = json_object_get_member (item, "id");
  const char *text;

  if (node_is_absent (node))
    {
      schema_error (p, "id", _("this field is required"));
      return NULL;
    }

  if (node_is_number (node))
    {
      char *ret;

      if (json_node_get_value_type (node) == G_TYPE_INT64)
        ret = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        ret = g_ascii_dtostr (g_malloc (G_ASCII_DTOSTR_BUF_SIZE), G_ASCII_DTOSTR_BUF_SIZE,
                              json_node_get_double (node));

      report (p, FALSE, GAZETTE_PARSE_ERROR_SCHEMA, "id",
              _("expected a string; the number is used as the id"));
      return ret;
    }

  text = node_get_text (p, node, "id");
  return g_strdup (text);
}

static GDateTime *
get_now (Parser *p)
{
  if (p->now == NULL)
    p->now = g_date_time_new_now_utc ();

  return g_date_time_ref (p->now);
}

/* One item; the caller has pushed its index on the path. */
static GazetteAnnouncement *
parse_item (Parser   *p,
            JsonNode *node)
{
  g_autoptr(GazetteAnnouncement) a = NULL;
  JsonObject *item;
  const char *language;
  const char *author;
  const char *url;
  const char *image;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      schema_error (p, NULL, _("expected an object"));
      return NULL;
    }
  item = json_node_get_object (node);

  /* Set the fields directly: the parser is the announcement's constructor, and going
   * through properties would cost a GValue per field on every item. */
  a = g_object_new (GAZETTE_TYPE_ANNOUNCEMENT, NULL);
  a->id = parse_item_id (p, item);

  if ((language = member_text (p, item, "language", FALSE)) != NULL &&
      (a->language = gazette_language_normalize (language)) == NULL)
    {
      g_autofree char *quoted = clip (language);

      report_printf (p, FALSE, GAZETTE_PARSE_ERROR_SCHEMA, "language",
                     _("“%s” is not a language tag, so the feed’s language is used"), quoted);
    }
  if (a->language == NULL)
    a->language = g_strdup (p->feed_language);

  a->title = member_dup_text (p, item, "title");
  a->summary = member_dup_text (p, item, "summary");
  a->content_html = member_dup_text (p, item, "content_html");
  a->content_text = member_dup_text (p, item, "content_text");
  if (node_is_absent (json_object_get_member (item, "content_html")) &&
      node_is_absent (json_object_get_member (item, "content_text")))
    schema_error (p, NULL, _("expected content_html or content_text: an item needs at least "
                             "one of them"));

  url = member_text (p, item, "url", FALSE);
  if (url == NULL)
    url = member_text (p, item, "external_url", FALSE);
  a->url = g_strdup (url);

  /* The store keeps only what the article view can show safely. */
  if (a->content_html != NULL)
    {
      g_autofree char *html = g_steal_pointer (&a->content_html);

      a->content_html = gazette_html_sanitize (html, url != NULL ? url : p->home_page_url);
    }

  image = member_text (p, item, "image", FALSE);
  if (image == NULL)
    image = member_text (p, item, "banner_image", FALSE);
  a->image_url = g_strdup (image);

  /* JSON Feed 1.1: items without authors have the feed's. */
  author = member_author (p, item);
  a->author = g_strdup (author != NULL ? author : p->feed_author);

  a->published = member_date (p, item, "date_published");
  a->updated = member_date (p, item, "date_modified");
  if (a->published == NULL && a->updated != NULL)
    a->published = g_date_time_ref (a->updated);
  else if (a->published == NULL)
    {
      /* The store sorts by publication date, so every announcement needs one. */
      a->published = get_now (p);
      if (node_is_absent (json_object_get_member (item, "date_published")))
        report (p, FALSE, GAZETTE_PARSE_ERROR_SCHEMA, NULL,
                _("the item has neither date_published nor date_modified, so the time it was "
                  "read is used"));
    }

  a->tags = member_strv (p, item, "tags");

  parse_item_extension (p, item, a);

  if (a->id == NULL)
    return NULL;

  return g_steal_pointer (&a);
}

static gboolean
version_is_supported (const char *version)
{
  /* 1.1 only added fields to 1, and what it renamed (author → authors) is read in both
   * spellings. Some early feeds wrote the URL with http. */
  return g_str_equal (version, "https://jsonfeed.org/version/1.1") ||
         g_str_equal (version, "https://jsonfeed.org/version/1") ||
         g_str_equal (version, "http://jsonfeed.org/version/1.1") ||
         g_str_equal (version, "http://jsonfeed.org/version/1");
}

static void
parse_feed_extension (Parser              *p,
                      JsonObject          *root,
                      GazetteFeedDocument *doc)
{
  g_autoptr(GazetteLocalized) publisher = NULL;
  JsonObject *ext;
  JsonArray *districts;

  if ((ext = member_object (p, root, "_district", FALSE)) == NULL)
    return;

  path_push_key (p, "_district");

  if ((publisher = member_localized (p, ext, "publisher", FALSE, doc->language)) != NULL)
    {
      /* The document keeps one publisher string: the one in the feed's own language. */
      const char *languages[] = { doc->language, NULL };

      doc->publisher = g_strdup (gazette_localized_lookup (publisher, languages));
    }

  if ((districts = member_array (p, ext, "districts", FALSE)) != NULL)
    {
      guint n = json_array_get_length (districts);

      p->districts = g_hash_table_new (g_str_hash, g_str_equal);
      path_push_key (p, "districts");
      for (guint i = 0; i < n; i++)
        {
          JsonObject *obj;
          GazetteEntity *entity;

          path_push_index (p, i);
          if ((obj = element_object (p, districts, i)) != NULL &&
              (entity = parse_entity (p, obj, GAZETTE_ENTITY_DISTRICT, doc->language,
                                      NULL)) != NULL)
            {
              g_ptr_array_add (doc->districts, entity);
              g_hash_table_insert (p->districts, entity->id, entity);
            }
          path_pop (p);
        }
      path_pop (p);
    }

  path_pop (p);
}

static void
report_too_many_items (Parser *p,
                       gsize   n_items)
{
  report_printf (p, TRUE, GAZETTE_PARSE_ERROR_TOO_LARGE, "items",
                 g_dngettext (GETTEXT_PACKAGE,
                              "the feed has %lu item, more than the limit of %d",
                              "the feed has %lu items, more than the limit of %d",
                              n_items),
                 (unsigned long) n_items, GAZETTE_JSON_FEED_MAX_ITEMS);
}

/* Everything but the items. Returns FALSE when the items are not to be read. */
static gboolean
parse_feed_head (Parser              *p,
                 JsonObject          *root,
                 GazetteFeedDocument *doc)
{
  const char *version;
  const char *language;
  const char *icon;

  if ((version = member_text (p, root, "version", TRUE)) != NULL &&
      !version_is_supported (version))
    {
      g_autofree char *quoted = clip (version);

      /* Nothing else in a document of another version means what this parser thinks. */
      report_printf (p, TRUE, GAZETTE_PARSE_ERROR_UNSUPPORTED, "version",
                     _("version “%s” of JSON Feed is not supported; Gazette reads versions "
                       "1 and 1.1"), quoted);
      return FALSE;
    }

  doc->title = g_strdup (member_text (p, root, "title", TRUE));
  doc->home_page_url = member_dup_text (p, root, "home_page_url");
  doc->feed_url = member_dup_text (p, root, "feed_url");
  doc->description = member_dup_text (p, root, "description");

  if ((language = member_text (p, root, "language", FALSE)) != NULL &&
      (doc->language = gazette_language_normalize (language)) == NULL)
    {
      g_autofree char *quoted = clip (language);

      report_printf (p, FALSE, GAZETTE_PARSE_ERROR_SCHEMA, "language",
                     _("“%s” is not a language tag, so the feed’s language is unknown"), quoted);
    }
  p->feed_language = doc->language;
  p->home_page_url = doc->home_page_url;

  icon = member_text (p, root, "icon", FALSE);
  if (icon == NULL)
    icon = member_text (p, root, "favicon", FALSE);
  doc->icon_url = g_strdup (icon);

  p->feed_author = member_author (p, root);

  /* Before the items: they refer to the districts declared here. */
  parse_feed_extension (p, root, doc);

  return TRUE;
}

static void
parse_feed (Parser              *p,
            JsonObject          *root,
            GazetteFeedDocument *doc)
{
  JsonArray *items;

  if (!parse_feed_head (p, root, doc))
    return;

  if ((items = member_array (p, root, "items", TRUE)) != NULL)
    {
      guint n = json_array_get_length (items);

      /* The scan before parsing catches this in all but contrived documents; this catches
       * the rest before any item is read. */
      if (n > GAZETTE_JSON_FEED_MAX_ITEMS)
        {
          report_too_many_items (p, n);
          return;
        }

      path_push_key (p, "items");
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (items, i);
          GazetteAnnouncement *a;

          path_push_index (p, i);
          if ((a = parse_item (p, element)) != NULL)
            g_ptr_array_add (doc->announcements, a);
          path_pop (p);

          /* The announcement holds copies of everything it needs. Freeing the item's tree
           * now, rather than the whole tree at the end, lets the announcements reuse its
           * memory: on a big feed the peak is about a third lower and the walk faster. */
          if (JSON_NODE_HOLDS_OBJECT (element))
            json_node_set_object (element, NULL);
        }
      path_pop (p);
    }
}

/* The first quote at or after @p that no backslash escapes, or %NULL. */
static const char *
find_string_end (const char *p,
                 const char *end)
{
  const char *start = p;

  for (;;)
    {
      const char *q = memchr (p, '"', end - p);
      const char *b;

      if (q == NULL)
        return NULL;

      /* An odd run of backslashes escapes the quote; an even run is escaped backslashes. */
      for (b = q; b > start && b[-1] == '\\'; b--)
        ;
      if ((q - b) % 2 == 0)
        return q;

      p = q + 1;
    }
}

typedef enum
{
  ELEMENT_NONE,    /* before an element of "items": after the bracket or a comma */
  ELEMENT_SCALAR,  /* in a number, true, false or null */
  ELEMENT_DONE,    /* after a whole value, where only white space may follow */
} ElementState;

static inline void
add_element (Scan  *scan,
             gsize  start,
             gsize  end)
{
  Span span = { start, end };

  /* A document with more is refused for it, so more would only take memory. */
  if (scan->elements->len <= GAZETTE_JSON_FEED_MAX_ITEMS)
    g_array_append_val (scan->elements, span);
}

/* json-glib recurses once per level of nesting and builds the whole tree before we see it,
 * so a document nested a million levels deep would overflow the stack and one with a
 * million items would take gigabytes. It also looks for an earlier member of the same name
 * through a list on every repeated key, so one object with many repeated keys takes time
 * that grows with the square of its size. One pass over the bytes, far cheaper than
 * parsing, measures all three first.
 *
 * The same pass finds where each item is, so that items can be parsed one at a time. The
 * pass knows little JSON, so it only says where they would be if the document is valid,
 * and gives up on anything that would make the pieces mean something else than the whole
 * (see parse_document_split()). */
static void
scan_document (const char *data,
               gsize       len,
               Scan       *scan)
{
  const char *p = data;
  const char *end = data + len;
  /* Per open container: whether it is an object, and the commas seen in it. */
  gboolean is_object[GAZETTE_JSON_FEED_MAX_DEPTH + 1] = { FALSE, };
  guint n_commas_at[GAZETTE_JSON_FEED_MAX_DEPTH + 1] = { 0, };
  guint depth = 0;
  guint items_depth = 0;              /* depth of the elements of "items", 0 outside it */
  gboolean last_string_is_items = FALSE;
  gboolean last_string_escaped = FALSE;
  gboolean key_is_items = FALSE;
  gsize n_commas = 0;
  gboolean saw_element = FALSE;
  ElementState element = ELEMENT_NONE;
  gsize element_start = 0;
  guint n_items_keys = 0;
  guint n_items_arrays = 0;
  gboolean items_closed = FALSE;
  gboolean can_split = TRUE;

  scan->too_deep_at = G_MAXSIZE;
  scan->too_wide_at = G_MAXSIZE;
  scan->n_items = 0;
  scan->can_split = FALSE;
  g_array_set_size (scan->elements, 0);

  while (p < end)
    {
      char c = *p;

      if (items_depth != 0 && depth == items_depth)
        {
          if (c != ',' && c != ']' && !is_json_space (c))
            saw_element = TRUE;

          /* Each element alone must be one value, as it is in the array. json-glib
           * ignores some text after a document's value ("{} {}" reads as "{}"), so text
           * after an element would be lost rather than be an error. */
          if (is_json_space (c))
            {
              if (element == ELEMENT_SCALAR)
                element = ELEMENT_DONE;
            }
          else if (c != ',' && c != ']' && c != '}')
            {
              if (element == ELEMENT_NONE)
                {
                  element_start = p - data;
                  /* The rest of a string, array or object is not at this depth. */
                  element = c == '"' || c == '[' || c == '{' ? ELEMENT_DONE : ELEMENT_SCALAR;
                }
              else if (element == ELEMENT_DONE || c == '"' || c == '[' || c == '{')
                can_split = FALSE;
            }
        }

      switch (c)
        {
        case '"':
          {
            const char *q = find_string_end (p + 1, end);

            if (q == NULL)
              {
                /* Unterminated: the parser will say where. */
                p = end;
                continue;
              }

            if (depth == 1)
              {
                last_string_is_items = (q - (p + 1) == 5 && memcmp (p + 1, "items", 5) == 0);
                last_string_escaped = memchr (p + 1, '\\', q - (p + 1)) != NULL;
              }
            p = q + 1;
            continue;
          }

        case ':':
          if (depth == 1)
            {
              key_is_items = last_string_is_items;
              n_items_keys += last_string_is_items;
              /* "\u0069tems" is "items" too, and json-glib keeps only one of two members
               * of the same name. */
              if (last_string_escaped)
                can_split = FALSE;
            }
          break;

        case ',':
          if (depth == 1)
            key_is_items = FALSE;
          else if (items_depth != 0 && depth == items_depth)
            {
              n_commas++;
              if (element == ELEMENT_NONE)
                can_split = FALSE;
              else
                add_element (scan, element_start, p - data);
              element = ELEMENT_NONE;
            }
          /* n commas separate n + 1 members */
          if (is_object[depth] && ++n_commas_at[depth] >= GAZETTE_JSON_FEED_MAX_MEMBERS)
            {
              scan->too_wide_at = p - data;
              return;
            }
          break;

        case '[':
        case '{':
          if (c == '[' && depth == 1 && key_is_items && items_depth == 0)
            {
              items_depth = 2;
              n_commas = 0;
              saw_element = FALSE;
              n_items_arrays++;
              element = ELEMENT_NONE;
              scan->items.start = p - data;
              g_array_set_size (scan->elements, 0);
            }
          if (++depth > GAZETTE_JSON_FEED_MAX_DEPTH)
            {
              scan->too_deep_at = p - data;
              return;
            }
          is_object[depth] = c == '{';
          n_commas_at[depth] = 0;
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          if (items_depth != 0 && depth < items_depth)
            {
              scan->n_items = MAX (scan->n_items, saw_element ? n_commas + 1 : 0);
              items_depth = 0;

              if (element != ELEMENT_NONE)
                add_element (scan, element_start, p - data);
              else if (n_commas > 0)
                can_split = FALSE;  /* a comma before the bracket */
              if (c != ']')
                can_split = FALSE;
              scan->items.end = p - data + 1;
              items_closed = TRUE;
            }
          break;

        default:
          break;
        }

      p++;
    }

  if (items_depth != 0)
    scan->n_items = MAX (scan->n_items, saw_element ? n_commas + 1 : 0);

  scan->can_split = can_split && items_closed && n_items_keys == 1 && n_items_arrays == 1;
}

/* json-glib says "<data>:3:14: Parse error: …"; the position becomes the location. */
static void
report_json_error (Parser       *p,
                   const GError *json_error)
{
  const char *message = json_error->message;
  g_autofree char *location = NULL;
  g_autofree char *text = NULL;
  unsigned int line = 0;
  unsigned int column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      /* Translators: where a problem is in a document */
      location = g_strdup_printf (_("line %u, column %u"), line, column);
      message += consumed;
    }

  /* Translators: %s is json-glib's explanation, such as “Parse error: unexpected end of
   * file, expected character `}'” */
  text = g_strdup_printf (_("the document is not valid JSON (%s)"), message);
  if (count_problem (p, TRUE))
    problem_add (p, TRUE, GAZETTE_PARSE_ERROR_INVALID, location, text);
}

/* Frees what a parser of part of the document owns, its problems included. */
static void
part_parser_clear (Parser *p)
{
  g_clear_pointer (&p->problems, g_ptr_array_unref);
  g_clear_error (&p->error);
  g_clear_pointer (&p->districts, g_hash_table_unref);
  g_clear_pointer (&p->unknown_districts, g_hash_table_unref);
  g_clear_pointer (&p->now, g_date_time_unref);
  g_clear_pointer (&p->deferred, g_array_unref);
}

static void
deferred_district_clear (gpointer data)
{
  DeferredDistrict *d = data;

  g_free (d->location);
  gazette_entity_unref (d->entity);
}

/* Runs on a worker thread. Everything it writes is in @data. What the workers share, the
 * feed's language, author, districts and time, nothing changes while they run. */
static gpointer
parse_chunk (gpointer data)
{
  Chunk *c = data;
  g_autoptr(JsonParser) json = json_parser_new ();

  path_push_key (&c->p, "items");
  for (guint i = c->first; i < c->end && !g_atomic_int_get (c->stop); i++)
    {
      const Span *span = &c->elements[i];
      GazetteAnnouncement *a;
      JsonNode *root;

      /* Loading the next item frees the tree of the one before. */
      if (!json_parser_load_from_data (json, c->data + span->start,
                                       (gssize) (span->end - span->start), NULL) ||
          (root = json_parser_get_root (json)) == NULL)
        {
          c->invalid = TRUE;
          g_atomic_int_set (c->stop, TRUE);
          break;
        }

      path_push_index (&c->p, i);
      if ((a = parse_item (&c->p, root)) != NULL)
        g_ptr_array_add (c->announcements, a);
      path_pop (&c->p);
    }
  path_pop (&c->p);

  return NULL;
}

/* Adds one problem found by a part, as if @p had found it in its place. */
static void
merge_problem (Parser         *p,
               GazetteProblem *problem)
{
  if (p->n_listed < MAX_LISTED_PROBLEMS)
    {
      g_ptr_array_add (p->problems, problem);
      p->n_listed++;
      return;
    }

  p->n_unlisted++;
  p->unlisted_error |= problem->is_error;
  gazette_problem_free (problem);
}

/* Makes @entity the one for its undeclared id, unless an earlier item named the id; tells
 * whether it did. */
static gboolean
claim_unknown_district (Parser        *p,
                        GazetteEntity *entity)
{
  if (p->unknown_districts == NULL)
    p->unknown_districts = unknown_districts_new ();

  if (g_hash_table_contains (p->unknown_districts, entity->id))
    return FALSE;

  g_hash_table_insert (p->unknown_districts, entity->id, gazette_entity_ref (entity));
  return TRUE;
}

/* Moves the problems that @part found after those @p has, in order, and counts them as if
 * one parser had found them all. @part listed its first MAX_LISTED_PROBLEMS problems
 * besides deferred warnings, so it has the strings of every one that @p may list. */
static void
merge_problems (Parser *p,
                Parser *part)
{
  g_autofree GazetteProblem **problems = NULL;
  gsize n_problems = 0;
  gsize next = 0;

  if (part->problems != NULL)
    problems = (GazetteProblem **) g_ptr_array_steal (part->problems, &n_problems);

  for (guint i = 0; part->deferred != NULL && i < part->deferred->len; i++)
    {
      DeferredDistrict *d = &g_array_index (part->deferred, DeferredDistrict, i);

      for (; next < MIN (d->position, n_problems); next++)
        merge_problem (p, problems[next]);

      if (claim_unknown_district (p, d->entity) && count_problem (p, FALSE))
        {
          g_autofree char *message = unknown_district_message (d->entity->id);

          problem_add (p, FALSE, GAZETTE_PARSE_ERROR_SCHEMA, d->location, message);
        }
    }

  for (; next < n_problems; next++)
    merge_problem (p, problems[next]);

  /* Past its own list, past @p's too. */
  p->n_unlisted += part->n_unlisted;
  p->unlisted_error |= part->unlisted_error;

  if (p->error == NULL)
    p->error = g_steal_pointer (&part->error);
}

/* Gives the announcements of @part the entity of the first item that named their
 * undeclared district, as if one parser had read every item. */
static void
share_unknown_districts (Parser    *p,
                         Parser    *part,
                         GPtrArray *announcements)
{
  if (part->unknown_districts == NULL)
    return;

  for (guint i = 0; i < announcements->len; i++)
    {
      GazetteAnnouncement *a = g_ptr_array_index (announcements, i);
      GazetteEntity *shared;

      if (a->district == NULL ||
          g_hash_table_lookup (part->unknown_districts, a->district->id) != a->district)
        continue;

      shared = g_hash_table_lookup (p->unknown_districts, a->district->id);
      g_assert (shared != NULL);
      if (shared != a->district)
        {
          gazette_entity_unref (a->district);
          a->district = gazette_entity_ref (shared);
        }
    }
}

static guint
default_n_threads (guint n_items)
{
  if (n_items < MIN_ITEMS_FOR_THREADS)
    return 1;

  return CLAMP (g_get_num_processors (), 1, MAX_THREADS);
}

/* Sets up @n_chunks runs of items of about the same size in bytes, the measure of the
 * work, in document order. Each reads what @head learnt of the feed. */
static Chunk *
chunks_new (const Parser *p,
            const Parser *head,
            const char   *data,
            const Span   *elements,
            guint         n_items,
            guint         n_chunks,
            gint         *stop)
{
  Chunk *chunks = g_new0 (Chunk, n_chunks);
  gsize first_byte = elements[0].start;
  gsize total = elements[n_items - 1].end - first_byte;
  guint next = 0;

  for (guint k = 0; k < n_chunks; k++)
    {
      Chunk *c = &chunks[k];
      gsize until = first_byte + total / n_chunks * (k + 1);

      c->first = next;
      while (next < n_items && (k == n_chunks - 1 || elements[next].start < until))
        next++;
      c->end = next;

      c->data = data;
      c->elements = elements;
      c->stop = stop;
      c->announcements = g_ptr_array_new_with_free_func (g_object_unref);

      if (p->problems != NULL)
        c->p.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);
      c->p.feed_language = head->feed_language;
      c->p.home_page_url = head->home_page_url;
      c->p.feed_author = head->feed_author;
      if (head->districts != NULL)
        c->p.districts = g_hash_table_ref (head->districts);
      c->p.now = g_date_time_ref (head->now);
      c->p.deferred = g_array_new (FALSE, FALSE, sizeof (DeferredDistrict));
      g_array_set_clear_func (c->p.deferred, deferred_district_clear);
    }

  return chunks;
}

static void
chunks_free (Chunk *chunks,
             guint  n_chunks)
{
  for (guint k = 0; k < n_chunks; k++)
    {
      part_parser_clear (&chunks[k].p);
      g_clear_pointer (&chunks[k].announcements, g_ptr_array_unref);
    }

  g_free (chunks);
}

/* Parses every run, each on its own thread, and returns when all are done. */
static void
chunks_run (Chunk *chunks,
            guint  n_chunks)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_chunks);

  /* The calling thread takes the first run, and any whose thread could not start. */
  for (guint k = 1; k < n_chunks; k++)
    {
      if (chunks[k].first < chunks[k].end)
        threads[k] = g_thread_try_new ("gazette-json", parse_chunk, &chunks[k], NULL);
    }

  parse_chunk (&chunks[0]);

  for (guint k = 1; k < n_chunks; k++)
    {
      if (threads[k] != NULL)
        g_thread_join (threads[k]);
      else
        parse_chunk (&chunks[k]);
    }
}

/* Parses the top level with an empty "items" array, then each item as a document of its
 * own, runs of items on several threads. json-glib reads many small documents several
 * times faster than one big one, whose whole tree would also take several times the size
 * of the text.
 *
 * Valid pieces in the places the scan found make a valid document that means the same.
 * Otherwise this returns FALSE having reported nothing, and the document is read whole:
 * json-glib's message for a piece can differ from the one for the document, and the first
 * error in the document might not be in the items. */
static gboolean
parse_document_split (Parser                  *p,
                      const char              *data,
                      gsize                    len,
                      const Scan              *scan,
                      GazetteJsonFeedOptions  *options,
                      GazetteFeedDocument    **out_doc)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(JsonParser) json = NULL;
  g_autofree char *top = NULL;
  const Span *elements = (const Span *) (gpointer) scan->elements->data;
  guint n_items = scan->elements->len;
  Chunk *chunks = NULL;
  guint n_chunks = 0;
  gsize top_len;
  JsonNode *root;
  JsonNode *items;
  Parser head = { 0, };
  gboolean invalid = FALSE;
  gint stop = FALSE;

  /* The scan refuses more. */
  g_assert (n_items <= GAZETTE_JSON_FEED_MAX_ITEMS);

  /* The top level alone, a small part of a big feed: the rest with "[]" for the items. */
  top_len = scan->items.start + 2 + (len - scan->items.end);
  top = g_malloc (top_len);
  memcpy (top, data, scan->items.start);
  memcpy (top + scan->items.start, "[]", 2);
  memcpy (top + scan->items.start + 2, data + scan->items.end, len - scan->items.end);

  json = json_parser_new ();
  if (!json_parser_load_from_data (json, top, (gssize) top_len, NULL))
    return FALSE;

  /* What json-glib made of it must be the array put there. It is unless the scan was
   * fooled, say by a second top-level value, which json-glib may ignore. */
  root = json_parser_get_root (json);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (items = json_object_get_member (json_node_get_object (root), "items")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (items) || json_array_get_length (json_node_get_array (items)) > 0)
    return FALSE;

  if (p->problems != NULL)
    head.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);
  doc = gazette_feed_document_new ();

  /* A feed of another version is refused without reading its items; read whole, it would
   * still fail first on an item that is not valid JSON. */
  if (!parse_feed_head (&head, json_node_get_object (root), doc))
    {
      part_parser_clear (&head);
      return FALSE;
    }

  if (n_items > 0)
    {
      guint n_threads = options->n_threads != 0 ? options->n_threads
                                                : default_n_threads (n_items);

      /* One time for all items without a date, as when one parser reads them. */
      head.now = g_date_time_new_now_utc ();

      n_chunks = MIN (n_threads, n_items);
      chunks = chunks_new (p, &head, data, elements, n_items, n_chunks, &stop);
      chunks_run (chunks, n_chunks);

      for (guint k = 0; k < n_chunks; k++)
        invalid |= chunks[k].invalid;
    }

  if (!invalid)
    {
      merge_problems (p, &head);
      for (guint k = 0; k < n_chunks; k++)
        {
          merge_problems (p, &chunks[k].p);
          share_unknown_districts (p, &chunks[k].p, chunks[k].announcements);
          g_ptr_array_extend_and_steal (doc->announcements,
                                        g_steal_pointer (&chunks[k].announcements));
        }
      options->n_workers = n_chunks;
      *out_doc = g_steal_pointer (&doc);
    }

  chunks_free (chunks, n_chunks);
  part_parser_clear (&head);

  return !invalid;
}

static GazetteFeedDocument *
parse_document (Parser                 *p,
                const char             *data,
                gsize                   len,
                GazetteJsonFeedOptions *options)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  g_autoptr(JsonParser) json = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *invalid = NULL;
  JsonNode *root;
  gsize start = 0;
  gsize i;
  Scan scan = { .elements = elements };

  /* Not JSON, but some editors write one. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;

  for (i = start; i < len && is_json_space (data[i]); i++)
    ;
  if (i == len)
    {
      report (p, TRUE, GAZETTE_PARSE_ERROR_INVALID, NULL, _("The document is empty."));
      return NULL;
    }

  if (!g_utf8_validate_len (data + start, len - start, &invalid))
    {
      report_printf (p, TRUE, GAZETTE_PARSE_ERROR_INVALID, NULL,
                     _("The document is not valid UTF-8: the byte at offset %lu is not part "
                       "of a character."),
                     (unsigned long) (invalid - data));
      return NULL;
    }

  scan_document (data + start, len - start, &scan);
  if (scan.too_deep_at != G_MAXSIZE)
    {
      report_printf (p, TRUE, GAZETTE_PARSE_ERROR_TOO_LARGE, NULL,
                     _("The document nests arrays and objects more than %d levels deep "
                       "(at byte offset %lu)."),
                     GAZETTE_JSON_FEED_MAX_DEPTH, (unsigned long) (start + scan.too_deep_at));
      return NULL;
    }
  if (scan.too_wide_at != G_MAXSIZE)
    {
      report_printf (p, TRUE, GAZETTE_PARSE_ERROR_TOO_LARGE, NULL,
                     _("An object in the document has more than %d members "
                       "(at byte offset %lu)."),
                     GAZETTE_JSON_FEED_MAX_MEMBERS, (unsigned long) (start + scan.too_wide_at));
      return NULL;
    }
  if (scan.n_items > GAZETTE_JSON_FEED_MAX_ITEMS)
    {
      report_too_many_items (p, scan.n_items);
      return NULL;
    }

  if (scan.can_split && !options->whole_document &&
      parse_document_split (p, data + start, len - start, &scan, options, &doc))
    {
      options->split = TRUE;
      return g_steal_pointer (&doc);
    }

  json = json_parser_new ();
  if (!json_parser_load_from_data (json, data + start, (gssize) (len - start), &json_error))
    {
      report_json_error (p, json_error);
      return NULL;
    }

  root = json_parser_get_root (json);
  if (root == NULL)
    {
      report (p, TRUE, GAZETTE_PARSE_ERROR_INVALID, NULL, _("The document is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (p, TRUE, GAZETTE_PARSE_ERROR_UNSUPPORTED, NULL,
              _("The document is not a JSON Feed: its top level is not an object."));
      return NULL;
    }

  doc = gazette_feed_document_new ();
  parse_feed (p, json_node_get_object (root), doc);

  return g_steal_pointer (&doc);
}

/**
 * gazette_json_feed_parse:
 * @bytes: the document
 * @problems: (nullable) (element-type GazetteProblem): where to append every problem found
 * @error: return location for the first error
 *
 * Reads a JSON Feed 1 or 1.1 document with Gazette's `_district` extension.
 *
 * Parsing goes on after an error, through every item, so that @problems lists all that is
 * wrong with the document; past 100 problems it ends with one that counts the rest.
 * Locations in problems are JSON paths such as `items[3]._district.officials[0].name`.
 * Warnings (a numeric id, an undeclared district, a missing date) are listed but do not
 * make the parse fail; any error does.
 *
 * Documents beyond the limits in gazette-json-feed-parser.h fail with
 * %GAZETTE_PARSE_ERROR_TOO_LARGE before much work or memory is spent on them.
 *
 * A big feed's items are parsed on several threads, which this call waits for; the
 * result is the same as from one thread, and @problems is only touched by the caller's.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GazetteFeedDocument *
gazette_json_feed_parse (GBytes     *bytes,
                         GPtrArray  *problems,
                         GError    **error)
{
  GazetteJsonFeedOptions options = { 0, };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _gazette_json_feed_parse_with_options (bytes, &options, problems, error);
}

/*
 * _gazette_json_feed_parse_with_options:
 * @bytes: the document
 * @options: how to parse, and where to say how it went
 * @problems: (nullable) (element-type GazetteProblem): as for gazette_json_feed_parse()
 * @error: return location for the first error
 *
 * gazette_json_feed_parse(), with its choices made by the caller: tests compare the two
 * ways of reading a document, and benchmarks the number of threads.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GazetteFeedDocument *
_gazette_json_feed_parse_with_options (GBytes                  *bytes,
                                       GazetteJsonFeedOptions  *options,
                                       GPtrArray               *problems,
                                       GError                 **error)
{
  g_autoptr(GazetteFeedDocument) doc = NULL;
  Parser p = { 0, };
  const char *data;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options->split = FALSE;
  options->n_workers = 0;
  p.problems = problems;
  data = g_bytes_get_data (bytes, &len);

  doc = parse_document (&p, data != NULL ? data : "", len, options);

  if (p.n_unlisted > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "and %u more problem",
                                              "and %u more problems",
                                              p.n_unlisted),
                                 p.n_unlisted);
      g_ptr_array_add (p.problems, gazette_problem_new (p.unlisted_error, NULL, message));
    }

  g_clear_pointer (&p.districts, g_hash_table_unref);
  g_clear_pointer (&p.unknown_districts, g_hash_table_unref);
  g_clear_pointer (&p.now, g_date_time_unref);

  if (p.error != NULL)
    {
      g_propagate_error (error, p.error);
      return NULL;
    }

  g_assert (doc != NULL);

  return g_steal_pointer (&doc);
}

/**
 * gazette_json_feed_sniff:
 * @bytes: the start of a document, or all of it
 *
 * Tells cheaply whether @bytes look like a JSON Feed: an object that names the JSON Feed
 * version URL in its first few kilobytes, where generators put "version".
 *
 * Returns: %TRUE when gazette_json_feed_parse() is the parser to try
 */
gboolean
gazette_json_feed_sniff (GBytes *bytes)
{
  const char *data;
  gsize len = 0;
  gsize i = 0;
  gsize window;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && is_json_space (data[i]))
    i++;

  if (i >= len || data[i] != '{')
    return FALSE;

  window = MIN (len - i, 4096);

  /* PHP's json_encode() escapes slashes by default. */
  return g_strstr_len (data + i, window, "jsonfeed.org/version") != NULL ||
         g_strstr_len (data + i, window, "jsonfeed.org\\/version") != NULL;
}
