/* gazette-article-body.c
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

#define G_LOG_DOMAIN "gazette-article-body"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "gazette-article-body.h"
#include "gazette-article-image.h"

/* A tall image would push the text off the screen: it scales down to this height. */
#define MAX_IMAGE_HEIGHT 360

struct _GazetteArticleBody
{
  GtkWidget             parent_instance;

  GtkBox               *box;

  GazetteImageResolver  resolver;
  gpointer              resolver_data;
  GDestroyNotify        resolver_destroy;

  /* Cancelled when the content changes, so late images never land in a newer article. */
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (GazetteArticleBody, gazette_article_body, GTK_TYPE_WIDGET)

enum {
  OPEN_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char       *open;
  const char *close;
} InlineTag;

/* The paragraph being collected: Pango markup plus the inline tags open at this point, so a
 * block that interrupts it (an image inside <b>) can close them and open them again after. */
typedef struct
{
  GazetteArticleBody *self;
  GtkBox             *box;
  GString            *markup;
  GArray             *open_tags;
  gboolean            has_text;
  gboolean            after_space;
  guint               link_depth;
} Run;

static void render_node     (Run     *run,
                             xmlNode *node);
static void render_children (Run     *run,
                             xmlNode *parent);

static void
inline_tag_clear (gpointer data)
{
  InlineTag *tag = data;

  g_free (tag->open);
}

static void
run_init (Run                *run,
          GazetteArticleBody *self,
          GtkBox             *box)
{
  run->self = self;
  run->box = box;
  run->markup = g_string_new (NULL);
  run->open_tags = g_array_new (FALSE, FALSE, sizeof (InlineTag));
  g_array_set_clear_func (run->open_tags, inline_tag_clear);
  run->has_text = FALSE;
  run->after_space = TRUE;
  run->link_depth = 0;
}

static void
run_clear (Run *run)
{
  g_string_free (run->markup, TRUE);
  g_array_unref (run->open_tags);
}

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static gboolean
is_safe_link (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0 ||
         g_strcmp0 (scheme, "mailto") == 0;
}

static gboolean
on_activate_link_cb (GtkLabel   *label,
                     const char *uri,
                     gpointer    user_data)
{
  GazetteArticleBody *self = user_data;

  if (is_safe_link (uri))
    g_signal_emit (self, signals[OPEN_LINK], 0, uri);
  else
    g_debug ("Not opening link with an unsupported scheme: %s", uri);

  /* Handled either way: GTK's default would hand any scheme to the desktop. */
  return TRUE;
}

static GtkWidget *
text_label_new (GazetteArticleBody *self,
                const char         *markup,
                int                 heading_level)
{
  static const char * const heading_classes[] = {
    "title-1", "title-2", "title-3", "title-4", "heading", "heading",
  };
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", heading_level > 0 ? GTK_ACCESSIBLE_ROLE_HEADING
                                                             : GTK_ACCESSIBLE_ROLE_LABEL,
                        "use-markup", TRUE,
                        "label", markup,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "selectable", TRUE,
                        NULL);
  if (heading_level > 0)
    {
      gtk_widget_add_css_class (label, heading_classes[MIN (heading_level, 6) - 1]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, heading_level,
                                      -1);
    }
  g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link_cb), self);

  return label;
}

/* Ends the current paragraph: it becomes a label when it holds any text. */
static void
run_flush (Run *run,
           int  heading_level)
{
  if (run->has_text)
    {
      GtkWidget *label;

      while (run->markup->len > 0 &&
             is_html_space (run->markup->str[run->markup->len - 1]))
        g_string_truncate (run->markup, run->markup->len - 1);
      for (guint i = run->open_tags->len; i > 0; i--)
        g_string_append (run->markup, g_array_index (run->open_tags, InlineTag, i - 1).close);

      label = text_label_new (run->self, run->markup->str, heading_level);
      gtk_box_append (run->box, label);
    }

  g_string_truncate (run->markup, 0);
  for (guint i = 0; i < run->open_tags->len; i++)
    g_string_append (run->markup, g_array_index (run->open_tags, InlineTag, i).open);
  run->has_text = FALSE;
  run->after_space = TRUE;
}

/* Collapses white space as HTML does; everything else is escaped for Pango. */
static void
run_append_text (Run        *run,
                 const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      if (is_html_space (*p))
        {
          if (!run->after_space)
            g_string_append_c (run->markup, ' ');
          run->after_space = TRUE;
          p++;
        }
      else
        {
          const char *end = p;
          g_autofree char *escaped = NULL;

          while (*end != '\0' && !is_html_space (*end))
            end++;
          escaped = g_markup_escape_text (p, end - p);
          g_string_append (run->markup, escaped);
          run->has_text = TRUE;
          run->after_space = FALSE;
          p = end;
        }
    }
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static void
render_inline (Run        *run,
               xmlNode    *node,
               const char *open,
               const char *close)
{
  InlineTag tag = { g_strdup (open), close };

  g_string_append (run->markup, open);
  g_array_append_val (run->open_tags, tag);
  render_children (run, node);
  g_string_append (run->markup, close);
  g_array_remove_index (run->open_tags, run->open_tags->len - 1);
}

static void
render_link (Run     *run,
             xmlNode *node)
{
  g_autofree char *href = dup_attribute (node, "href");
  g_autofree char *escaped = NULL;
  g_autofree char *open = NULL;

  /* Pango cannot nest links, and a link without an address is just text. */
  if (href == NULL || *href == '\0' || run->link_depth > 0)
    {
      render_children (run, node);
      return;
    }

  escaped = g_markup_escape_text (href, -1);
  open = g_strdup_printf ("<a href=\"%s\">", escaped);
  run->link_depth++;
  render_inline (run, node, open, "</a>");
  run->link_depth--;
}

/* Renders into another container (a list item, a quotation) with its own paragraphs:
 * the children of node, or node itself when it is not a container of ours. */
static void
render_nested (Run      *run,
               GtkBox   *box,
               xmlNode  *node,
               gboolean  children_only)
{
  Run inner;

  run_init (&inner, run->self, box);
  if (children_only)
    render_children (&inner, node);
  else
    render_node (&inner, node);
  run_flush (&inner, 0);
  run_clear (&inner);
}

static void
render_list (Run     *run,
             xmlNode *list,
             gboolean ordered)
{
  GtkWidget *grid = NULL;
  int row = 0;

  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      GtkWidget *content;
      GtkWidget *marker;
      g_autofree char *number = NULL;

      /* Stray text between items is only the source's indentation. */
      if (item->type != XML_ELEMENT_NODE)
        continue;

      if (grid == NULL)
        {
          grid = gtk_grid_new ();
          gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
          gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
          gtk_box_append (run->box, grid);
        }

      if (node_is (item, "li"))
        {
          number = g_strdup_printf ("%d.", row + 1);
          marker = gtk_label_new (ordered ? number : "•");
          gtk_label_set_xalign (GTK_LABEL (marker), ordered ? 1.0f : 0.5f);
          gtk_widget_set_valign (marker, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, ordered ? number : "",
                                          -1);
          gtk_grid_attach (GTK_GRID (grid), marker, 0, row, 1, 1);
        }

      content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_hexpand (content, TRUE);
      gtk_grid_attach (GTK_GRID (grid), content, 1, row, 1, 1);
      render_nested (run, GTK_BOX (content), item, node_is (item, "li"));
      row++;
    }
}

static void
render_preformatted (Run     *run,
                     xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *text = g_strdup ((const char *) content);
  GtkWidget *scroller;
  GtkWidget *label;
  gsize len;

  xmlFree (content);
  if (text == NULL)
    return;

  len = strlen (text);
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
    text[--len] = '\0';
  if (len == 0)
    return;

  /* Code keeps its lines: a horizontal scroll bar rather than wrapping. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "xalign", 0.0f,
                        "selectable", TRUE,
                        "margin-top", 8,
                        "margin-bottom", 8,
                        "margin-start", 10,
                        "margin-end", 10,
                        NULL);
  gtk_widget_add_css_class (label, "monospace");

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "article-code");
  gtk_box_append (run->box, scroller);
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "selectable", TRUE,
                        NULL);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
image_placeholder_new (const char *alt)
{
  if (alt != NULL && *alt != '\0')
    return dim_label_new (alt);

  return dim_label_new (_("Image not available offline"));
}

static void
load_image_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  GdkTexture *texture;

  texture = gdk_texture_new_from_file (file, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
image_loaded_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GazetteArticleImage *image = GAZETTE_ARTICLE_IMAGE (source_object);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture != NULL)
    {
      gazette_article_image_set_texture (image, texture);
      return;
    }

  /* A stored file that no longer decodes reads like an image that was never stored. */
  g_debug ("Cannot load image: %s", error->message);
  box = gtk_widget_get_parent (GTK_WIDGET (image));
  if (GTK_IS_BOX (box))
    {
      gtk_box_insert_child_after (GTK_BOX (box),
                                  image_placeholder_new (
                                    gazette_article_image_get_alternative_text (image)),
                                  GTK_WIDGET (image));
      gtk_box_remove (GTK_BOX (box), GTK_WIDGET (image));
    }
}

static void
render_image (Run     *run,
              xmlNode *node)
{
  GazetteArticleBody *self = run->self;
  g_autofree char *src = dup_attribute (node, "src");
  g_autofree char *alt = dup_attribute (node, "alt");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  GtkWidget *image;

  if (src != NULL && *src != '\0' && self->resolver != NULL)
    file = self->resolver (src, self->resolver_data);

  if (file == NULL)
    {
      gtk_box_append (run->box, image_placeholder_new (alt));
      return;
    }

  image = gazette_article_image_new (alt, MAX_IMAGE_HEIGHT);
  gtk_box_append (run->box, image);

  /* The image is the task's source, so it stays alive until the texture arrives. */
  task = g_task_new (image, self->cancellable, image_loaded_cb, NULL);
  g_task_set_source_tag (task, render_image);
  g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
  g_task_run_in_thread (task, load_image_worker);
}

static int
heading_level (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] - '0';

  return 0;
}

static gboolean
node_is_one_of (xmlNode            *node,
                const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (node_is (node, names[i]))
      return TRUE;

  return FALSE;
}

static void
render_node (Run     *run,
             xmlNode *node)
{
  /* Never shown as text, should the sanitiser ever let one through. */
  static const char * const hidden[] = {
    "head", "script", "style", "template", "noscript", "iframe", "object", "embed", "title",
    NULL
  };
  /* Start a new paragraph, but are not ours to style. */
  static const char * const blocks[] = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
    "figcaption", "address", "details", "summary", "dl", "dt", "dd", "li", "table", "tr",
    "caption", "body", "html",
    NULL
  };
  int level;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      run_append_text (run, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE || node_is_one_of (node, hidden))
    return;

  if ((level = heading_level (node)) > 0)
    {
      run_flush (run, 0);
      render_children (run, node);
      run_flush (run, level);
    }
  else if (node_is_one_of (node, blocks))
    {
      run_flush (run, 0);
      render_children (run, node);
      run_flush (run, 0);
    }
  else if (node_is (node, "ul") || node_is (node, "ol"))
    {
      run_flush (run, 0);
      render_list (run, node, node_is (node, "ol"));
    }
  else if (node_is (node, "blockquote"))
    {
      GtkWidget *quote = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      run_flush (run, 0);
      gtk_widget_add_css_class (quote, "article-blockquote");
      gtk_box_append (run->box, quote);
      render_nested (run, GTK_BOX (quote), node, TRUE);
    }
  else if (node_is (node, "pre"))
    {
      run_flush (run, 0);
      render_preformatted (run, node);
    }
  else if (node_is (node, "hr"))
    {
      run_flush (run, 0);
      gtk_box_append (run->box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
  else if (node_is (node, "img"))
    {
      run_flush (run, 0);
      render_image (run, node);
    }
  else if (node_is (node, "br"))
    {
      g_string_append_c (run->markup, '\n');
      run->after_space = TRUE;
    }
  else if (node_is (node, "b") || node_is (node, "strong"))
    render_inline (run, node, "<b>", "</b>");
  else if (node_is (node, "i") || node_is (node, "em") || node_is (node, "cite") ||
           node_is (node, "dfn") || node_is (node, "var"))
    render_inline (run, node, "<i>", "</i>");
  else if (node_is (node, "u") || node_is (node, "ins"))
    render_inline (run, node, "<u>", "</u>");
  else if (node_is (node, "s") || node_is (node, "strike") || node_is (node, "del"))
    render_inline (run, node, "<s>", "</s>");
  else if (node_is (node, "sub"))
    render_inline (run, node, "<sub>", "</sub>");
  else if (node_is (node, "sup"))
    render_inline (run, node, "<sup>", "</sup>");
  else if (node_is (node, "code") || node_is (node, "tt") || node_is (node, "kbd") ||
           node_is (node, "samp"))
    render_inline (run, node, "<tt>", "</tt>");
  else if (node_is (node, "a"))
    render_link (run, node);
  else
    {
      /* Anything else (span, td, an unknown tag) keeps its text and loses its meaning. */
      if (node_is (node, "td") || node_is (node, "th"))
        run_append_text (run, " ");
      render_children (run, node);
    }
}

static void
render_children (Run     *run,
                 xmlNode *parent)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    render_node (run, child);
}

static gboolean
render_html (GazetteArticleBody *self,
             const char         *html)
{
  htmlDocPtr doc;
  xmlNode *root;
  Run run;

  doc = htmlReadMemory (html, (int) MIN (strlen (html), G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      return FALSE;
    }

  run_init (&run, self, self->box);
  render_node (&run, root);
  run_flush (&run, 0);
  run_clear (&run);
  xmlFreeDoc (doc);

  return TRUE;
}

/* Plain text: a blank line separates paragraphs, a single line break stays one. */
static void
render_text (GazetteArticleBody *self,
             const char         *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);

  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      g_autofree char *stripped = line != NULL ? g_strstrip (g_strdup (line)) : NULL;

      if (stripped != NULL && *stripped != '\0')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, '\n');
          g_string_append (paragraph, stripped);
          continue;
        }

      if (paragraph->len > 0)
        {
          g_autofree char *markup = g_markup_escape_text (paragraph->str, -1);

          gtk_box_append (self->box, text_label_new (self, markup, 0));
          g_string_truncate (paragraph, 0);
        }

      if (line == NULL)
        break;
    }
}

static void
gazette_article_body_real_open_link (GazetteArticleBody *self,
                                     const char         *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
gazette_article_body_dispose (GObject *object)
{
  GazetteArticleBody *self = GAZETTE_ARTICLE_BODY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gazette_article_body_set_image_resolver (self, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAZETTE_TYPE_ARTICLE_BODY);

  G_OBJECT_CLASS (gazette_article_body_parent_class)->dispose (object);
}

static void
gazette_article_body_class_init (GazetteArticleBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gazette_article_body_dispose;

  /**
   * GazetteArticleBody::open-link:
   * @self: the article body
   * @uri: an http, https or mailto address the reader activated
   *
   * The default handler shows the address with gtk_show_uri(); other schemes never get
   * here. Stop the emission to handle the link yourself.
   */
  signals[OPEN_LINK] =
    g_signal_new_class_handler ("open-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (gazette_article_body_real_open_link),
                                NULL, NULL,
                                NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gazette/Gazette/gazette-article-body.ui");
  gtk_widget_class_bind_template_child (widget_class, GazetteArticleBody, box);
}

static void
gazette_article_body_init (GazetteArticleBody *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * gazette_article_body_new:
 *
 * Returns: (transfer floating): an empty article body
 */
GtkWidget *
gazette_article_body_new (void)
{
  return g_object_new (GAZETTE_TYPE_ARTICLE_BODY, NULL);
}

/**
 * gazette_article_body_set_content:
 * @self: an article body
 * @html: (nullable): sanitised article markup
 * @text: (nullable): the plain text, shown when @html is NULL or empty
 *
 * Replaces what the body shows. Nothing is fetched from the network: images come only from
 * the resolver, and load in a thread.
 */
void
gazette_article_body_set_content (GazetteArticleBody *self,
                                  const char         *html,
                                  const char         *text)
{
  GtkWidget *child;

  g_return_if_fail (GAZETTE_IS_ARTICLE_BODY (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);

  if (html != NULL && *html != '\0' && render_html (self, html))
    return;
  if (text != NULL)
    render_text (self, text);
}

/**
 * gazette_article_body_set_image_resolver:
 * @self: an article body
 * @resolver: (nullable): maps an image address to its stored copy
 * @user_data: passed to @resolver
 * @destroy: (nullable): frees @user_data when the resolver is replaced or the body goes
 *
 * Images the resolver cannot map show their alternative text. Takes effect at the next
 * gazette_article_body_set_content().
 */
void
gazette_article_body_set_image_resolver (GazetteArticleBody   *self,
                                         GazetteImageResolver  resolver,
                                         gpointer              user_data,
                                         GDestroyNotify        destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (GAZETTE_IS_ARTICLE_BODY (self));

  old_destroy = self->resolver_destroy;
  old_data = self->resolver_data;

  self->resolver = resolver;
  self->resolver_data = user_data;
  self->resolver_destroy = destroy;

  if (old_destroy != NULL)
    old_destroy (old_data);
}
