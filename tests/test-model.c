/* test-model.c
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

#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include <locale.h>

#include "gazette-announcement-private.h"
#include "gazette-entity.h"
#include "gazette-feed-document.h"
#include "gazette-feed-private.h"
#include "gazette-figure.h"
#include "gazette-localized.h"
#include "gazette-quote.h"
#include "gazette-test-util.h"

/* Runs @func with LANGUAGE set to @value, so that g_get_language_names() reflects it. */
typedef struct
{
  char *saved;
} LanguageEnv;

static void
language_env_push (LanguageEnv *env,
                   const char  *value)
{
  env->saved = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", value, TRUE);
}

static void
language_env_pop (LanguageEnv *env)
{
  if (env->saved != NULL)
    g_setenv ("LANGUAGE", env->saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_clear_pointer (&env->saved, g_free);
}

static void
test_language_normalize (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "th_TH.UTF-8", "th-TH" },
    { "th_TH", "th-TH" },
    { "th", "th" },
    { "zh_CN", "zh-CN" },
    { "zh_CN.GB18030", "zh-CN" },
    { "zh-hans", "zh-Hans" },
    { "ZH-HANT-tw", "zh-Hant-TW" },
    { "EN-us", "en-US" },
    { "en_GB.UTF-8@euro", "en-GB" },
    { "de_DE@euro", "de-DE" },
    { "sr_RS@latin", "sr-Latn-RS" },
    { "es-419", "es-419" },
    { "und", "und" },
    { "en-US-x-Twain", "en-US-x-twain" },
    { " fr ", "fr" },
    { "C", NULL },
    { "c", NULL },
    { "POSIX", NULL },
    { "C.UTF-8", NULL },
    { "", NULL },
    { NULL, NULL },
    { "en--US", NULL },
    { "en-", NULL },
    { "12", NULL },
    { "th TH", NULL },
    { "averyveryverylongtag", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gazette_language_normalize (cases[i].in);

      g_test_message ("normalize (%s)", cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_language_matches (void)
{
  static const struct {
    const char *a;
    const char *b;
    gboolean    matches;
  } cases[] = {
    { "zh-CN", "zh-Hans", TRUE },
    { "zh_CN.UTF-8", "zh-hans", TRUE },
    { "zh-SG", "zh-CN", TRUE },
    { "zh", "zh-Hans", TRUE },
    { "zh", "zh-CN", TRUE },
    { "zh-Hans-CN", "zh-SG", TRUE },
    { "zh-TW", "zh-Hant", TRUE },
    { "zh-HK", "zh-TW", TRUE },
    { "zh-MO", "zh-Hant-HK", TRUE },
    { "zh-TW", "zh-Hans", FALSE },
    { "zh-TW", "zh-CN", FALSE },
    { "zh-Hant", "zh", FALSE },
    { "zh-HK", "zh-Hans", FALSE },
    { "th-TH", "th", TRUE },
    { "th", "th_TH.UTF-8", TRUE },
    { "en-GB", "en-US", FALSE },
    { "en-GB", "en", TRUE },
    { "EN-gb", "en-GB", TRUE },
    { "sr-Latn", "sr-Cyrl", FALSE },
    { "th", "en", FALSE },
    { "C", "C", FALSE },
    { NULL, "en", FALSE },
    { "en", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("matches (%s, %s)", cases[i].a, cases[i].b);
      g_assert_cmpint (gazette_language_matches (cases[i].a, cases[i].b), ==, cases[i].matches);
      g_assert_cmpint (gazette_language_matches (cases[i].b, cases[i].a), ==, cases[i].matches);
    }
}

static void
assert_strv (GStrv               strv,
             const char * const *expected)
{
  g_autofree char *got = g_strjoinv (",", strv);
  g_autofree char *want = g_strjoinv (",", (GStrv) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
test_language_preferred (void)
{
  static const struct {
    const char *env;
    const char *expected[6];
  } cases[] = {
    { "th_TH.UTF-8", { "th-TH", "th", "en", NULL } },
    { "zh_CN", { "zh-CN", "zh-Hans", "en", NULL } },
    /* GLib adds a bare "zh" after zh_TW; it must not turn into Simplified Chinese. */
    { "zh_TW", { "zh-TW", "zh-Hant", "en", NULL } },
    { "en_GB:fr", { "en-GB", "en", "fr", NULL } },
    { "fr_FR:th:C", { "fr-FR", "fr", "th", "en", NULL } },
    { "C", { "en", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LanguageEnv env;
      g_auto(GStrv) preferred = NULL;

      g_test_message ("LANGUAGE=%s", cases[i].env);
      language_env_push (&env, cases[i].env);
      preferred = gazette_language_get_preferred ();
      language_env_pop (&env);

      assert_strv (preferred, cases[i].expected);
    }
}

static void
test_localized_set (void)
{
  g_autoptr(GazetteLocalized) self = gazette_localized_new ();
  g_auto(GStrv) languages = NULL;

  g_assert_true (gazette_localized_is_empty (self));
  g_assert_cmpuint (gazette_localized_get_size (self), ==, 0);

  gazette_localized_set (self, "th", "เซียวชาน");
  gazette_localized_set (self, "zh_CN", "萧山");
  gazette_localized_set (self, "en", "Xiaoshan");
  g_assert_cmpuint (gazette_localized_get_size (self), ==, 3);
  g_assert_false (gazette_localized_is_empty (self));

  /* Replacing keeps the entry's place; the tag is matched after normalization. */
  gazette_localized_set (self, "ZH-cn", "萧山区");
  g_assert_cmpuint (gazette_localized_get_size (self), ==, 3);
  g_assert_cmpstr (gazette_localized_get_exact (self, "zh-CN"), ==, "萧山区");
  g_assert_cmpstr (gazette_localized_get_exact (self, "zh_CN.UTF-8"), ==, "萧山区");
  g_assert_null (gazette_localized_get_exact (self, "zh-Hans"));
  g_assert_null (gazette_localized_get_exact (self, "th-TH"));

  languages = gazette_localized_dup_languages (self);
  assert_strv (languages, (const char * const[]) { "th", "zh-CN", "en", NULL });

  /* NULL and empty text both remove. */
  gazette_localized_set (self, "zh-CN", NULL);
  gazette_localized_set (self, "EN", "");
  gazette_localized_set (self, "fr", NULL);
  g_assert_cmpuint (gazette_localized_get_size (self), ==, 1);
  g_assert_null (gazette_localized_get_exact (self, "en"));
  g_assert_cmpstr (gazette_localized_get_exact (self, "th"), ==, "เซียวชาน");

  /* No language, "C" and "" are one and the same entry. */
  gazette_localized_set (self, NULL, "plain");
  gazette_localized_set (self, "", "plainer");
  g_assert_cmpuint (gazette_localized_get_size (self), ==, 2);
  g_assert_cmpstr (gazette_localized_get_exact (self, "C"), ==, "plainer");
  g_assert_cmpstr (gazette_localized_get_exact (self, NULL), ==, "plainer");

  /* Setting an entry to its own text must not free it first. */
  gazette_localized_set (self, "th", gazette_localized_get_exact (self, "th"));
  g_assert_cmpstr (gazette_localized_get_exact (self, "th"), ==, "เซียวชาน");
}

static void
assert_lookup (GazetteLocalized   *self,
               const char * const *languages,
               const char         *text,
               const char         *tag)
{
  const char *out_language = "unset";

  g_assert_cmpstr (gazette_localized_lookup (self, languages), ==, text);
  g_assert_cmpstr (gazette_localized_lookup_full (self, languages, &out_language), ==, text);
  g_assert_cmpstr (out_language, ==, tag);
}

#define LANGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
test_localized_lookup_preferences (void)
{
  g_autoptr(GazetteLocalized) name = gazette_test_localized ("th", "เซียวชาน",
                                                             "zh-Hans", "萧山区",
                                                             "en", "Xiaoshan",
                                                             NULL);

  /* A zh_CN user gets the Simplified text, a th_TH one the Thai. */
  assert_lookup (name, LANGS ("zh_CN.UTF-8", "zh-Hans", "en"), "萧山区", "zh-Hans");
  assert_lookup (name, LANGS ("zh-SG"), "萧山区", "zh-Hans");
  assert_lookup (name, LANGS ("zh"), "萧山区", "zh-Hans");
  assert_lookup (name, LANGS ("th_TH.UTF-8", "th", "en"), "เซียวชาน", "th");
  assert_lookup (name, LANGS ("th-TH"), "เซียวชาน", "th");

  /* The user's order wins over the map's. */
  assert_lookup (name, LANGS ("en", "th"), "Xiaoshan", "en");
  assert_lookup (name, LANGS ("fr", "th", "zh-CN"), "เซียวชาน", "th");

  /* Unknown languages fall back to English; invalid ones are skipped. */
  assert_lookup (name, LANGS ("fr_FR.UTF-8", "fr"), "Xiaoshan", "en");
  assert_lookup (name, LANGS ("C", "!!", "th"), "เซียวชาน", "th");
  assert_lookup (name, (const char * const[]) { NULL }, "Xiaoshan", "en");
}

static void
test_localized_lookup_regions (void)
{
  g_autoptr(GazetteLocalized) name = gazette_test_localized ("en-US", "Color",
                                                             "en", "Colour (generic)",
                                                             "fr", "Couleur",
                                                             NULL);
  g_autoptr(GazetteLocalized) only_us = gazette_test_localized ("fr", "Couleur",
                                                                "en-US", "Color",
                                                                NULL);
  g_autoptr(GazetteLocalized) th_th = gazette_test_localized ("zh-Hans", "萧山区",
                                                              "th-TH", "เซียวชาน",
                                                              NULL);

  /* An equivalent tag beats another region of the same language. */
  assert_lookup (name, LANGS ("en-GB"), "Colour (generic)", "en");
  assert_lookup (name, LANGS ("en-US"), "Color", "en-US");
  /* Another region beats the next preferred language. */
  assert_lookup (only_us, LANGS ("en-GB", "fr"), "Color", "en-US");
  assert_lookup (th_th, LANGS ("th"), "เซียวชาน", "th-TH");
  /* English fallback takes any English, preferring plain "en". */
  assert_lookup (only_us, LANGS ("de"), "Color", "en-US");
  assert_lookup (name, LANGS ("de"), "Colour (generic)", "en");
}

static void
test_localized_lookup_chinese_scripts (void)
{
  g_autoptr(GazetteLocalized) both = gazette_test_localized ("zh-Hant", "蕭山區",
                                                             "zh-Hans", "萧山区",
                                                             NULL);
  g_autoptr(GazetteLocalized) hans_en = gazette_test_localized ("zh-Hans", "萧山区",
                                                                "en", "Xiaoshan",
                                                                NULL);
  g_autoptr(GazetteLocalized) hans_th = gazette_test_localized ("th", "เซียวชาน",
                                                                "zh-Hans", "萧山区",
                                                                NULL);
  LanguageEnv env;

  assert_lookup (both, LANGS ("zh-TW"), "蕭山區", "zh-Hant");
  assert_lookup (both, LANGS ("zh-HK"), "蕭山區", "zh-Hant");
  assert_lookup (both, LANGS ("zh-CN"), "萧山区", "zh-Hans");
  assert_lookup (both, LANGS ("zh-SG"), "萧山区", "zh-Hans");

  /* A Traditional reader is not handed Simplified text while English is there: the
   * scripts differ enough that the publisher's English is the safer choice. */
  assert_lookup (hans_en, LANGS ("zh-TW"), "Xiaoshan", "en");
  language_env_push (&env, "zh_TW.UTF-8");
  assert_lookup (hans_en, NULL, "Xiaoshan", "en");
  language_env_pop (&env);

  /* But Simplified is better than a language they did not ask for at all. */
  assert_lookup (hans_th, LANGS ("zh-TW"), "萧山区", "zh-Hans");
  assert_lookup (hans_th, LANGS ("zh-Hant"), "萧山区", "zh-Hans");
  /* And Traditional does not satisfy a Simplified reader either. */
  {
    g_autoptr(GazetteLocalized) hant_th = gazette_test_localized ("th", "เซียวชาน",
                                                                  "zh-Hant", "蕭山區",
                                                                  "en", "Xiaoshan",
                                                                  NULL);

    assert_lookup (hant_th, LANGS ("zh-CN", "th"), "เซียวชาน", "th");
    assert_lookup (hant_th, LANGS ("zh-CN"), "Xiaoshan", "en");
  }
}

static void
test_localized_lookup_fallbacks (void)
{
  g_autoptr(GazetteLocalized) empty = gazette_localized_new ();
  g_autoptr(GazetteLocalized) undetermined = gazette_test_localized ("fr", "Couleur",
                                                                     "und", "Colour?",
                                                                     NULL);
  g_autoptr(GazetteLocalized) no_language = gazette_test_localized ("fr", "Couleur",
                                                                    "", "Colour?",
                                                                    NULL);
  g_autoptr(GazetteLocalized) any = gazette_test_localized ("de", "Farbe",
                                                            "fr", "Couleur",
                                                            NULL);
  g_autoptr(GazetteLocalized) with_english = gazette_test_localized ("und", "Colour?",
                                                                     "en-AU", "Colour",
                                                                     NULL);
  LanguageEnv env;

  assert_lookup (empty, LANGS ("th"), NULL, NULL);
  assert_lookup (empty, NULL, NULL, NULL);

  assert_lookup (undetermined, LANGS ("th"), "Colour?", "und");
  assert_lookup (no_language, LANGS ("th"), "Colour?", "");
  assert_lookup (no_language, LANGS ("fr-CA"), "Couleur", "fr");
  assert_lookup (with_english, LANGS ("th"), "Colour", "en-AU");

  /* Nothing suits: the first entry the publisher gave. */
  assert_lookup (any, LANGS ("th"), "Farbe", "de");
  assert_lookup (any, LANGS ("fr"), "Couleur", "fr");

  /* NULL languages mean the user's. */
  language_env_push (&env, "fr_FR.UTF-8");
  assert_lookup (any, NULL, "Couleur", "fr");
  language_env_pop (&env);
  language_env_push (&env, "zh_CN.UTF-8");
  {
    g_autoptr(GazetteLocalized) name = gazette_test_localized ("th", "เซียวชาน",
                                                               "zh-Hans", "萧山区",
                                                               "en", "Xiaoshan",
                                                               NULL);

    assert_lookup (name, NULL, "萧山区", "zh-Hans");
  }
  language_env_pop (&env);
  language_env_push (&env, "th_TH.UTF-8");
  {
    g_autoptr(GazetteLocalized) name = gazette_test_localized ("zh-Hans", "萧山区",
                                                               "en", "Xiaoshan",
                                                               "th", "เซียวชาน",
                                                               NULL);

    assert_lookup (name, NULL, "เซียวชาน", "th");
  }
  language_env_pop (&env);
}

/* The whole chain under the reader's own language (LANGUAGE, as the window and the command
 * line use it), with publishers that tag by region: zh-CN ↔ zh-Hans, th-TH ↔ th, then
 * English, then whatever the publisher gave first. */
static void
test_localized_lookup_ui_language (void)
{
  static const struct {
    const char *language;   /* LANGUAGE */
    const char *tags[4];    /* the map, in the publisher's order */
    const char *expected;   /* the tag that wins */
  } cases[] = {
    { "zh_CN.UTF-8", { "en", "th-TH", "zh-CN", NULL }, "zh-CN" },
    { "zh_CN.UTF-8", { "en", "zh-SG", NULL }, "zh-SG" },
    { "zh_CN.UTF-8", { "th-TH", "zh", NULL }, "zh" },
    { "zh-Hans", { "en", "zh-CN", NULL }, "zh-CN" },
    { "zh_CN", { "th", "en-GB", NULL }, "en-GB" },
    { "zh_CN", { "de", "fr", NULL }, "de" },
    { "th", { "en", "zh-Hans", "th-TH", NULL }, "th-TH" },
    { "th_TH.UTF-8", { "en", "th", NULL }, "th" },
    { "th_TH.UTF-8", { "zh-Hans", "en", NULL }, "en" },
    { "th_TH.UTF-8", { "fr", "zh-Hans", NULL }, "fr" },
    { "C", { "zh-Hans", "th", "en-US", NULL }, "en-US" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GazetteLocalized) map = gazette_localized_new ();
      LanguageEnv env;
      const char *out_language = NULL;
      const char *text;

      for (guint j = 0; cases[i].tags[j] != NULL; j++)
        gazette_localized_set (map, cases[i].tags[j], cases[i].tags[j]);

      g_test_message ("LANGUAGE=%s, expecting %s", cases[i].language, cases[i].expected);
      language_env_push (&env, cases[i].language);
      text = gazette_localized_lookup_full (map, NULL, &out_language);
      language_env_pop (&env);

      /* Each entry's text is its own tag, so the text says which entry won. */
      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpstr (out_language, ==, cases[i].expected);
    }
}

static void
test_localized_json (void)
{
  g_autoptr(GazetteLocalized) name = gazette_test_localized ("th", "เซียวชาน",
                                                             "zh-Hans", "萧山区 \"quoted\"",
                                                             "en", "Xiaoshan",
                                                             NULL);
  g_autoptr(GazetteLocalized) copy = NULL;
  g_autoptr(GazetteLocalized) empty = gazette_localized_new ();
  g_autoptr(GazetteLocalized) empty_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *empty_json = NULL;
  g_auto(GStrv) languages = NULL;

  json = gazette_localized_to_json (name);
  g_assert_cmpstr (json, ==,
                   "{\"th\":\"เซียวชาน\",\"zh-Hans\":\"萧山区 \\\"quoted\\\"\",\"en\":\"Xiaoshan\"}");

  copy = gazette_localized_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (gazette_localized_equal (name, copy));
  languages = gazette_localized_dup_languages (copy);
  assert_strv (languages, LANGS ("th", "zh-Hans", "en"));
  json_again = gazette_localized_to_json (copy);
  g_assert_cmpstr (json, ==, json_again);

  empty_json = gazette_localized_to_json (empty);
  g_assert_cmpstr (empty_json, ==, "{}");
  empty_copy = gazette_localized_new_from_json (empty_json, &error);
  g_assert_no_error (error);
  g_assert_true (gazette_localized_is_empty (empty_copy));

  /* Everything JSON must escape survives the round trip. */
  {
    g_autoptr(GazetteLocalized) awkward =
      gazette_test_localized ("en", "back\\slash \"q\" \n\t\r\b\f \x01 end", NULL);
    g_autoptr(GazetteLocalized) awkward_copy = NULL;
    g_autofree char *awkward_json = gazette_localized_to_json (awkward);

    g_assert_cmpstr (awkward_json, ==,
                     "{\"en\":\"back\\\\slash \\\"q\\\" \\n\\t\\r\\b\\f \\u0001 end\"}");
    awkward_copy = gazette_localized_new_from_json (awkward_json, &error);
    g_assert_no_error (error);
    g_assert_true (gazette_localized_equal (awkward, awkward_copy));
  }
}

static void
test_localized_json_normalizes (void)
{
  g_autoptr(GazetteLocalized) self = NULL;
  g_autoptr(GError) error = NULL;

  self = gazette_localized_new_from_json ("{\"zh_CN\": \"萧山\", \"TH\": \"x\", \"en\": null, "
                                          "\"fr\": \"\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gazette_localized_get_size (self), ==, 2);
  g_assert_cmpstr (gazette_localized_get_exact (self, "zh-CN"), ==, "萧山");
  g_assert_cmpstr (gazette_localized_get_exact (self, "th"), ==, "x");
}

static void
test_localized_json_invalid (void)
{
  static const char * const inputs[] = {
    "",
    "not json",
    "[\"th\", \"x\"]",
    "\"th\"",
    "42",
    "null",
    "{\"th\": 42}",
    "{\"th\": {\"text\": \"x\"}}",
    "{\"th\": [\"x\"]}",
    "{\"th\": \"x\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GazetteLocalized) self = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("new_from_json (%s)", inputs[i]);
      self = gazette_localized_new_from_json (inputs[i], &error);
      g_assert_error (error, GAZETTE_LOCALIZED_ERROR, GAZETTE_LOCALIZED_ERROR_INVALID);
      g_assert_null (self);
    }
}

static void
test_localized_merge_equal (void)
{
  g_autoptr(GazetteLocalized) a = gazette_test_localized ("th", "ก", "en", "A", NULL);
  g_autoptr(GazetteLocalized) b = gazette_test_localized ("en", "B", "zh-Hans", "乙", NULL);
  g_autoptr(GazetteLocalized) reordered = gazette_test_localized ("en", "A", "th", "ก", NULL);
  g_autoptr(GazetteLocalized) other_text = gazette_test_localized ("en", "A", "th", "ข", NULL);
  g_autoptr(GazetteLocalized) empty = gazette_localized_new ();
  g_auto(GStrv) languages = NULL;

  g_assert_true (gazette_localized_equal (a, a));
  g_assert_true (gazette_localized_equal (a, reordered));
  g_assert_false (gazette_localized_equal (a, other_text));
  g_assert_false (gazette_localized_equal (a, b));
  g_assert_false (gazette_localized_equal (a, NULL));
  g_assert_true (gazette_localized_equal (empty, NULL));
  g_assert_true (gazette_localized_equal (NULL, NULL));

  gazette_localized_merge (a, b);
  g_assert_cmpuint (gazette_localized_get_size (a), ==, 3);
  g_assert_cmpstr (gazette_localized_get_exact (a, "en"), ==, "B");
  g_assert_cmpstr (gazette_localized_get_exact (a, "th"), ==, "ก");
  g_assert_cmpstr (gazette_localized_get_exact (a, "zh-Hans"), ==, "乙");
  languages = gazette_localized_dup_languages (a);
  assert_strv (languages, LANGS ("th", "en", "zh-Hans"));

  gazette_localized_merge (a, a);
  gazette_localized_merge (a, NULL);
  g_assert_cmpuint (gazette_localized_get_size (a), ==, 3);
}

static void
test_localized_boxed (void)
{
  g_autoptr(GazetteLocalized) self = gazette_test_localized ("th", "ก", NULL);
  GazetteLocalized *copy;

  g_assert_true (G_TYPE_IS_BOXED (GAZETTE_TYPE_LOCALIZED));
  copy = g_boxed_copy (GAZETTE_TYPE_LOCALIZED, self);
  g_assert_true (copy == self);
  g_boxed_free (GAZETTE_TYPE_LOCALIZED, copy);
  g_assert_cmpstr (gazette_localized_get_exact (self, "th"), ==, "ก");
}

static void
test_entity_kind (void)
{
  static const char * const names[] = { "district", "official", "project", "organisation" };
  GazetteEntityKind kind;

  for (guint i = 0; i < GAZETTE_N_ENTITY_KINDS; i++)
    {
      g_assert_cmpstr (gazette_entity_kind_to_string ((GazetteEntityKind) i), ==, names[i]);
      g_assert_true (gazette_entity_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }

  kind = GAZETTE_ENTITY_DISTRICT;
  g_assert_true (gazette_entity_kind_from_string ("organization", &kind));
  g_assert_cmpint (kind, ==, GAZETTE_ENTITY_ORGANISATION);
  g_assert_true (gazette_entity_kind_from_string ("project", NULL));

  kind = GAZETTE_ENTITY_PROJECT;
  g_assert_false (gazette_entity_kind_from_string ("District", &kind));
  g_assert_false (gazette_entity_kind_from_string ("", &kind));
  g_assert_false (gazette_entity_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, GAZETTE_ENTITY_PROJECT);
}

static void
test_entity_new (void)
{
  g_autoptr(GazetteEntity) self = gazette_entity_new (GAZETTE_ENTITY_OFFICIAL, "tong-guili");
  GazetteEntity *copy;

  g_assert_cmpint (self->kind, ==, GAZETTE_ENTITY_OFFICIAL);
  g_assert_cmpstr (self->id, ==, "tong-guili");
  g_assert_nonnull (self->name);
  g_assert_true (gazette_localized_is_empty (self->name));
  g_assert_nonnull (self->roles);
  g_assert_cmpuint (self->roles->len, ==, 0);
  g_assert_null (self->summary);
  g_assert_null (self->sectors);
  g_assert_null (self->parent_id);
  g_assert_null (self->status);
  g_assert_null (self->url);

  /* The roles array owns its elements. */
  g_ptr_array_add (self->roles, gazette_test_localized ("en", "Party Secretary", NULL));

  copy = g_boxed_copy (GAZETTE_TYPE_ENTITY, self);
  g_assert_true (copy == self);
  gazette_entity_unref (copy);
}

static void
test_entity_merge (void)
{
  g_autoptr(GazetteEntity) self = gazette_entity_new (GAZETTE_ENTITY_PROJECT, "china-v-valley");
  g_autoptr(GazetteEntity) newer = gazette_entity_new (GAZETTE_ENTITY_PROJECT, "china-v-valley");
  g_autoptr(GazetteEntity) sparse = gazette_entity_new (GAZETTE_ENTITY_PROJECT, "china-v-valley");
  g_autoptr(GazetteLocalized) expected_summary = NULL;

  gazette_localized_set (self->name, "en", "China V Valley");
  gazette_localized_set (self->name, "th", "old");
  g_ptr_array_add (self->roles, gazette_test_localized ("en", "Lead", NULL));
  self->sectors = g_strdupv ((GStrv) LANGS ("video", "ai"));
  self->status = g_strdup ("planned");
  self->url = g_strdup ("https://old.example/");
  self->parent_id = g_strdup ("cn-zj-hangzhou");

  gazette_localized_set (newer->name, "th", "ไชน่าวีแวลลีย์");
  gazette_localized_set (newer->name, "zh-Hans", "中国视谷");
  g_ptr_array_add (newer->roles, gazette_test_localized ("en", "Lead", NULL));
  g_ptr_array_add (newer->roles, gazette_test_localized ("en", "Sponsor", NULL));
  newer->summary = gazette_test_localized ("en", "A video industry park.", NULL);
  newer->sectors = g_strdupv ((GStrv) LANGS ("ai", "semiconductors"));
  newer->status = g_strdup ("launched");

  gazette_entity_merge (self, newer);

  g_assert_cmpint (self->kind, ==, GAZETTE_ENTITY_PROJECT);
  g_assert_cmpstr (self->id, ==, "china-v-valley");
  g_assert_cmpuint (gazette_localized_get_size (self->name), ==, 3);
  g_assert_cmpstr (gazette_localized_get_exact (self->name, "en"), ==, "China V Valley");
  g_assert_cmpstr (gazette_localized_get_exact (self->name, "th"), ==, "ไชน่าวีแวลลีย์");
  g_assert_cmpstr (gazette_localized_get_exact (self->name, "zh-Hans"), ==, "中国视谷");

  g_assert_cmpuint (self->roles->len, ==, 2);
  g_assert_cmpstr (gazette_localized_get_exact (g_ptr_array_index (self->roles, 0), "en"), ==,
                   "Lead");
  g_assert_cmpstr (gazette_localized_get_exact (g_ptr_array_index (self->roles, 1), "en"), ==,
                   "Sponsor");

  expected_summary = gazette_test_localized ("en", "A video industry park.", NULL);
  g_assert_true (gazette_localized_equal (self->summary, expected_summary));
  /* A copy, so later merges into self do not change newer. */
  g_assert_true (self->summary != newer->summary);

  assert_strv (self->sectors, LANGS ("video", "ai", "semiconductors"));
  g_assert_cmpstr (self->status, ==, "launched");
  g_assert_cmpstr (self->url, ==, "https://old.example/");
  g_assert_cmpstr (self->parent_id, ==, "cn-zj-hangzhou");

  /* What newer does not say leaves self alone. */
  gazette_entity_merge (self, sparse);
  g_assert_cmpuint (gazette_localized_get_size (self->name), ==, 3);
  g_assert_cmpuint (self->roles->len, ==, 2);
  g_assert_true (gazette_localized_equal (self->summary, expected_summary));
  assert_strv (self->sectors, LANGS ("video", "ai", "semiconductors"));
  g_assert_cmpstr (self->status, ==, "launched");

  sparse->url = g_strdup ("https://new.example/");
  sparse->parent_id = g_strdup ("cn-zj");
  gazette_entity_merge (self, sparse);
  g_assert_cmpstr (self->url, ==, "https://new.example/");
  g_assert_cmpstr (self->parent_id, ==, "cn-zj");

  /* Into an entity without sectors or summary. */
  gazette_entity_merge (sparse, newer);
  assert_strv (sparse->sectors, LANGS ("ai", "semiconductors"));
  g_assert_true (gazette_localized_equal (sparse->summary, expected_summary));

  gazette_entity_merge (self, self);
  g_assert_cmpuint (self->roles->len, ==, 2);
}

static void
test_quote_figure (void)
{
  g_autoptr(GazetteQuote) quote = gazette_quote_new ("tong-guili", "…", "th_TH.UTF-8");
  g_autoptr(GazetteQuote) unknown = gazette_quote_new ("tong-guili", "…", NULL);
  g_autoptr(GazetteFigure) figure = gazette_figure_new ();

  g_assert_cmpstr (quote->official_id, ==, "tong-guili");
  g_assert_cmpstr (quote->text, ==, "…");
  g_assert_cmpstr (quote->language, ==, "th-TH");
  g_assert_null (quote->announcement_id);
  g_assert_null (quote->published);
  g_assert_null (unknown->language);
  quote->published = g_date_time_new_now_utc ();
  quote->announcement_title = g_strdup ("t");

  g_assert_nonnull (figure->label);
  g_assert_true (gazette_localized_is_empty (figure->label));
  g_assert_cmpfloat (figure->value, ==, 0.0);
  g_assert_cmpint (figure->year, ==, 0);
  g_assert_null (figure->unit);
  g_assert_false (figure->from_text);
  figure->unit = g_strdup ("CNY");
  figure->kind = g_strdup ("target");

  g_assert_true (G_TYPE_IS_BOXED (GAZETTE_TYPE_QUOTE));
  g_assert_true (G_TYPE_IS_BOXED (GAZETTE_TYPE_FIGURE));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_announcement_properties (void)
{
  GazetteAnnouncement *self = gazette_announcement_new ("item-1");
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  g_autoptr(GDateTime) published = NULL;

  g_assert_cmpstr (gazette_announcement_get_id (self), ==, "item-1");
  g_assert_nonnull (gazette_announcement_get_officials (self));
  g_assert_nonnull (gazette_announcement_get_projects (self));
  g_assert_nonnull (gazette_announcement_get_organisations (self));
  g_assert_nonnull (gazette_announcement_get_quotes (self));
  g_assert_nonnull (gazette_announcement_get_figures (self));
  g_assert_null (gazette_announcement_get_published (self));
  g_assert_null (gazette_announcement_get_district (self));
  g_assert_false (gazette_announcement_get_read (self));
  g_assert_false (gazette_announcement_get_starred (self));

  /* Fill every field the way a parser does, so finalize has to free them all. */
  self->row_id = 7;
  self->feed_id = 3;
  self->feed_title = g_strdup ("Xiaoshan");
  self->language = g_strdup ("th");
  self->title = g_strdup ("หัวข้อ");
  self->summary = g_strdup ("s");
  self->content_html = g_strdup ("<p>x</p>");
  self->content_text = g_strdup ("x");
  self->url = g_strdup ("https://example.org/1");
  self->image_url = g_strdup ("https://example.org/1.png");
  self->author = g_strdup ("a");
  self->published = g_date_time_new_utc (2021, 3, 4, 5, 6, 7);
  self->updated = g_date_time_new_utc (2021, 3, 5, 5, 6, 7);
  self->translation_group = g_strdup ("g1");
  self->tags = g_strdupv ((GStrv) LANGS ("a", "b"));
  self->languages = g_strdupv ((GStrv) LANGS ("th", "en"));
  self->district = gazette_entity_new (GAZETTE_ENTITY_DISTRICT, "d");
  g_ptr_array_add (self->officials, gazette_entity_new (GAZETTE_ENTITY_OFFICIAL, "o"));
  g_ptr_array_add (self->projects, gazette_entity_new (GAZETTE_ENTITY_PROJECT, "p"));
  g_ptr_array_add (self->organisations,
                   gazette_entity_new (GAZETTE_ENTITY_ORGANISATION, "g"));
  g_ptr_array_add (self->quotes, gazette_quote_new ("o", "q", "th"));
  g_ptr_array_add (self->figures, gazette_figure_new ());

  g_object_get (self,
                "id", &id,
                "title", &title,
                "language", &language,
                "published", &published,
                NULL);
  g_assert_cmpstr (id, ==, "item-1");
  g_assert_cmpstr (title, ==, "หัวข้อ");
  g_assert_cmpstr (language, ==, "th");
  g_assert_true (g_date_time_equal (published, self->published));

  g_assert_cmpint (gazette_announcement_get_row_id (self), ==, 7);
  g_assert_cmpint (gazette_announcement_get_feed_id (self), ==, 3);
  g_assert_cmpstr (gazette_announcement_get_translation_group (self), ==, "g1");
  g_assert_cmpstr (gazette_announcement_get_content_text (self), ==, "x");
  g_assert_cmpuint (gazette_announcement_get_quotes (self)->len, ==, 1);
  assert_strv (gazette_announcement_get_tags (self), LANGS ("a", "b"));

  g_assert_finalize_object (self);
}

static void
test_announcement_notify (void)
{
  g_autoptr(GazetteAnnouncement) self = gazette_announcement_new ("item-1");
  guint n_read = 0;
  guint n_starred = 0;
  gboolean read = FALSE;

  g_signal_connect (self, "notify::read", G_CALLBACK (count_notify_cb), &n_read);
  g_signal_connect (self, "notify::starred", G_CALLBACK (count_notify_cb), &n_starred);

  gazette_announcement_set_read (self, FALSE);
  g_assert_cmpuint (n_read, ==, 0);
  gazette_announcement_set_read (self, TRUE);
  g_assert_cmpuint (n_read, ==, 1);
  g_assert_true (gazette_announcement_get_read (self));
  gazette_announcement_set_read (self, 42);
  g_assert_cmpuint (n_read, ==, 1);
  g_assert_true (gazette_announcement_get_read (self));

  /* Through the property too: EXPLICIT_NOTIFY means no notification without a change. */
  g_object_set (self, "read", TRUE, NULL);
  g_assert_cmpuint (n_read, ==, 1);
  g_object_set (self, "read", FALSE, NULL);
  g_assert_cmpuint (n_read, ==, 2);
  g_object_get (self, "read", &read, NULL);
  g_assert_false (read);
  g_assert_cmpuint (n_starred, ==, 0);

  gazette_announcement_set_starred (self, TRUE);
  gazette_announcement_set_starred (self, TRUE);
  g_object_set (self, "starred", TRUE, NULL);
  g_assert_cmpuint (n_starred, ==, 1);
  gazette_announcement_set_starred (self, FALSE);
  g_assert_cmpuint (n_starred, ==, 2);
  g_assert_false (gazette_announcement_get_starred (self));
  g_assert_cmpuint (n_read, ==, 2);
}

static void
test_feed_display_name (void)
{
  GazetteFeed *self = gazette_feed_new ("https://www.xiaoshan.gov.cn/feeds/news.json");
  g_autoptr(GazetteFeed) file_feed = gazette_feed_new ("file:///tmp/feed.json");
  g_autoptr(GazetteFeed) bare = gazette_feed_new ("not a url");
  g_autofree char *display_name = NULL;
  g_autofree char *url = NULL;

  g_assert_cmpstr (gazette_feed_get_url (self), ==, "https://www.xiaoshan.gov.cn/feeds/news.json");
  g_assert_cmpint (gazette_feed_get_id (self), ==, 0);
  g_assert_null (gazette_feed_get_title (self));
  g_assert_cmpstr (gazette_feed_get_display_name (self), ==, "www.xiaoshan.gov.cn");

  _gazette_feed_set_string (&self->title, "");
  g_assert_cmpstr (gazette_feed_get_display_name (self), ==, "www.xiaoshan.gov.cn");

  /* A permanent redirect changes the URL behind the cached host. */
  _gazette_feed_set_string (&self->url, "https://news.example.org/feed.json");
  g_assert_cmpstr (gazette_feed_get_display_name (self), ==, "news.example.org");

  _gazette_feed_set_string (&self->title, "萧山发布");
  g_assert_cmpstr (gazette_feed_get_display_name (self), ==, "萧山发布");
  g_object_get (self, "display-name", &display_name, "url", &url, NULL);
  g_assert_cmpstr (display_name, ==, "萧山发布");
  g_assert_cmpstr (url, ==, "https://news.example.org/feed.json");

  g_assert_cmpstr (gazette_feed_get_display_name (file_feed), ==, "file:///tmp/feed.json");
  g_assert_cmpstr (gazette_feed_get_display_name (bare), ==, "not a url");

  g_assert_finalize_object (self);
}

static void
test_feed_fields (void)
{
  GazetteFeed *self = gazette_feed_new ("https://example.org/feed.json");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_unread = 99;
  gboolean gone = TRUE;

  _gazette_feed_set_string (&self->etag, "\"abc\"");
  g_assert_cmpstr (gazette_feed_get_etag (self), ==, "\"abc\"");
  /* Setting a field from its own value must not free it first. */
  _gazette_feed_set_string (&self->etag, self->etag);
  g_assert_cmpstr (gazette_feed_get_etag (self), ==, "\"abc\"");
  _gazette_feed_set_string (&self->etag, NULL);
  g_assert_null (gazette_feed_get_etag (self));

  _gazette_feed_set_datetime (&self->last_checked, now);
  _gazette_feed_set_datetime (&self->last_success, now);
  _gazette_feed_set_datetime (&self->last_success, now);
  _gazette_feed_set_datetime (&self->retry_after, now);
  _gazette_feed_set_datetime (&self->retry_after, NULL);
  g_assert_true (gazette_feed_get_last_checked (self) == now);
  g_assert_true (gazette_feed_get_last_success (self) == now);
  g_assert_null (gazette_feed_get_retry_after (self));

  _gazette_feed_set_string (&self->last_error, "The server could not be reached.");
  _gazette_feed_set_datetime (&self->last_error_time, now);
  _gazette_feed_set_string (&self->language, "th");
  _gazette_feed_set_string (&self->publisher, "p");
  _gazette_feed_set_string (&self->home_page_url, "https://example.org/");
  _gazette_feed_set_string (&self->icon_url, "https://example.org/i.png");
  _gazette_feed_set_string (&self->last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  self->n_unread = 4;
  self->n_announcements = 10;

  g_assert_cmpstr (gazette_feed_get_last_error (self), ==, "The server could not be reached.");
  g_assert_cmpuint (gazette_feed_get_n_announcements (self), ==, 10);
  g_object_get (self, "n-unread", &n_unread, "gone", &gone, NULL);
  g_assert_cmpuint (n_unread, ==, 4);
  g_assert_false (gone);

  g_assert_finalize_object (self);
}

static void
test_feed_document (void)
{
  g_autoptr(GazetteFeedDocument) document = gazette_feed_document_new ();

  g_assert_nonnull (document->districts);
  g_assert_nonnull (document->announcements);
  g_assert_cmpuint (document->districts->len, ==, 0);

  document->title = g_strdup ("t");
  document->language = g_strdup ("th");
  g_ptr_array_add (document->districts, gazette_entity_new (GAZETTE_ENTITY_DISTRICT, "d"));
  g_ptr_array_add (document->announcements, gazette_announcement_new ("1"));

  gazette_feed_document_free (NULL);
}

static void
test_problem (void)
{
  static const struct {
    gboolean    is_error;
    const char *location;
    const char *expected;
  } cases[] = {
    { TRUE, "items[3].title", "items[3].title: The title is empty." },
    { TRUE, NULL, "The title is empty." },
    { FALSE, "line 4, column 2", "line 4, column 2: warning: The title is empty." },
    { FALSE, NULL, "warning: The title is empty." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GazetteProblem) problem = NULL;
      g_autofree char *str = NULL;

      problem = gazette_problem_new (cases[i].is_error, cases[i].location, "The title is empty.");
      g_assert_cmpint (problem->is_error, ==, cases[i].is_error);
      g_assert_cmpstr (problem->location, ==, cases[i].location);
      str = gazette_problem_to_string (problem);
      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are compared untranslated. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/model/language/normalize", test_language_normalize);
  g_test_add_func ("/core/model/language/matches", test_language_matches);
  g_test_add_func ("/core/model/language/preferred", test_language_preferred);
  g_test_add_func ("/core/model/localized/set", test_localized_set);
  g_test_add_func ("/core/model/localized/lookup/preferences", test_localized_lookup_preferences);
  g_test_add_func ("/core/model/localized/lookup/regions", test_localized_lookup_regions);
  g_test_add_func ("/core/model/localized/lookup/chinese-scripts",
                   test_localized_lookup_chinese_scripts);
  g_test_add_func ("/core/model/localized/lookup/fallbacks", test_localized_lookup_fallbacks);
  g_test_add_func ("/core/model/localized/lookup/ui-language", test_localized_lookup_ui_language);
  g_test_add_func ("/core/model/localized/json/round-trip", test_localized_json);
  g_test_add_func ("/core/model/localized/json/normalizes", test_localized_json_normalizes);
  g_test_add_func ("/core/model/localized/json/invalid", test_localized_json_invalid);
  g_test_add_func ("/core/model/localized/merge-equal", test_localized_merge_equal);
  g_test_add_func ("/core/model/localized/boxed", test_localized_boxed);
  g_test_add_func ("/core/model/entity/kind", test_entity_kind);
  g_test_add_func ("/core/model/entity/new", test_entity_new);
  g_test_add_func ("/core/model/entity/merge", test_entity_merge);
  g_test_add_func ("/core/model/quote-figure", test_quote_figure);
  g_test_add_func ("/core/model/announcement/properties", test_announcement_properties);
  g_test_add_func ("/core/model/announcement/notify", test_announcement_notify);
  g_test_add_func ("/core/model/feed/display-name", test_feed_display_name);
  g_test_add_func ("/core/model/feed/fields", test_feed_fields);
  g_test_add_func ("/core/model/feed-document", test_feed_document);
  g_test_add_func ("/core/model/problem", test_problem);

  return g_test_run ();
}
