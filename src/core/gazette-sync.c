/* gazette-sync.c
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

#define G_LOG_DOMAIN "gazette-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gazette-announcement-private.h"
#include "gazette-feed-parser.h"
#include "gazette-feed-private.h"
#include "gazette-html.h"
#include "gazette-linker.h"
#include "gazette-store-private.h"
#include "gazette-sync.h"

struct _GazetteSync
{
  GObject         parent_instance;

  GazetteStore   *store;
  GazetteFetcher *fetcher;
  guint           n_feeds;
  guint           n_finished;
  guint           running : 1;

  gsize           max_image_size;
  guint           images_per_article;
  guint           images_per_run;
  /* Linking runs in the workers, one at a time: a linker is not thread-safe. */
  GMutex          link_mutex;
  GazetteLinker  *linker;              /* built for the store's entities as of… */
  guint           linker_generation;   /* …this _gazette_store_get_entity_generation() */
};

/* One run over several feeds. */
typedef struct
{
  GPtrArray *reports;     /* GazetteSyncReport, in the order the feeds were given */
  guint      n_pending;
  guint      images_left; /* downloads this run may still start */
} Run;

/* One feed of a run. The feed belongs to the operation until it reports: the worker thread
 * updates its fetch state before the store saves it. */
typedef struct
{
  GTask              *run_task;
  guint               index;      /* of the feed in the run */
  GazetteSyncReport  *report;
  GazetteFetchResult *result;
  GError             *fetch_error;
  GPtrArray          *image_urls;        /* to download, once stored; or NULL */
  guint               n_images_pending;
} FeedOp;

/* One image download of a feed op. */
typedef struct
{
  GazetteSync        *sync;
  FeedOp             *op;                /* not owned */
  char               *url;
  GazetteFetchResult *result;
  gboolean            saved;
} ImageOp;

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_FEEDS,
  PROP_N_FINISHED,
  PROP_RUNNING,
  N_PROPS
};

enum {
  FEED_FINISHED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (GazetteSync, gazette_sync, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
run_free (Run *run)
{
  g_clear_pointer (&run->reports, g_ptr_array_unref);
  g_free (run);
}

static void
feed_op_free (FeedOp *op)
{
  g_clear_object (&op->run_task);
  g_clear_pointer (&op->report, gazette_sync_report_free);
  g_clear_pointer (&op->result, gazette_fetch_result_free);
  g_clear_error (&op->fetch_error);
  g_clear_pointer (&op->image_urls, g_ptr_array_unref);
  g_free (op);
}

static void
image_op_free (ImageOp *image)
{
  g_clear_object (&image->sync);
  g_clear_pointer (&image->url, g_free);
  g_clear_pointer (&image->result, gazette_fetch_result_free);
  g_free (image);
}

/**
 * gazette_sync_report_free:
 * @report: (transfer full): a report
 *
 * Frees a report and what it holds.
 */
void
gazette_sync_report_free (GazetteSyncReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->feed);
  g_clear_error (&report->error);
  g_free (report);
}

static void
set_running (GazetteSync *self,
             gboolean     running)
{
  if (self->running == !!running)
    return;

  self->running = !!running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
record_failure (GazetteFeed  *feed,
                const GError *failure,
                GDateTime    *now)
{
  _gazette_feed_set_datetime (&feed->last_checked, now);
  _gazette_feed_set_string (&feed->last_error, failure->message);
  _gazette_feed_set_datetime (&feed->last_error_time, now);

  if (g_error_matches (failure, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_GONE))
    feed->gone = TRUE;

  if (g_error_matches (failure, GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_RETRY_LATER))
    {
      g_autoptr(GDateTime) retry_after = gazette_fetch_error_get_retry_after (failure);
      _gazette_feed_set_datetime (&feed->retry_after, retry_after);
    }
}

static void
record_success (GazetteFeed        *feed,
                GazetteFetchResult *result,
                GDateTime          *now)
{
  /* A 304 may omit the validators; the ones we sent are still the right ones then. */
  if (!result->not_modified || result->etag != NULL)
    _gazette_feed_set_string (&feed->etag, result->etag);
  if (!result->not_modified || result->last_modified != NULL)
    _gazette_feed_set_string (&feed->last_modified, result->last_modified);
  if (result->permanent_url != NULL)
    _gazette_feed_set_string (&feed->url, result->permanent_url);

  _gazette_feed_set_datetime (&feed->last_checked, now);
  _gazette_feed_set_datetime (&feed->last_success, now);
  _gazette_feed_set_string (&feed->last_error, NULL);
  _gazette_feed_set_datetime (&feed->last_error_time, NULL);
  _gazette_feed_set_datetime (&feed->retry_after, NULL);
  feed->gone = FALSE;
}

/* What the feed shows while its announcements are stored anyway: the first problem, and
 * how many more `gazette validate` would list. */
static char *
document_warning (GPtrArray *problems)
{
  const GazetteProblem *first;
  g_autofree char *text = NULL;

  if (problems->len == 0)
    return NULL;

  first = g_ptr_array_index (problems, 0);
  if (first->location != NULL)
    /* Translators: a problem in a feed; the first %s is where, such as “line 4, column 2”,
     * the second what is wrong */
    text = g_strdup_printf (_("%s: %s"), first->location, first->message);
  else
    text = g_strdup (first->message);

  if (problems->len == 1)
    return g_steal_pointer (&text);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a problem in a feed, %u how
                                        * many others it has */
                                       "%s (and %u more problem)",
                                       "%s (and %u more problems)", problems->len - 1),
                          text, problems->len - 1);
}

static gboolean
is_unstructured (GazetteAnnouncement *announcement)
{
  return announcement->district == NULL && announcement->officials->len == 0 &&
         announcement->projects->len == 0 && announcement->organisations->len == 0;
}

/* Runs in a worker thread, after a document was stored: links its announcements that
 * declare nothing to the entities their text names. When the document brought new entities
 * or names, every such announcement in the store is linked again. */
static void
sync_link (GazetteSync         *self,
           GazetteFeedDocument *document,
           gboolean             entities_changed)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->link_mutex);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = _gazette_store_get_entity_generation (self->store);
  GPtrArray *targets = document->announcements;

  if (self->linker == NULL || generation != self->linker_generation)
    {
      g_autoptr(GPtrArray) entities =
        g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_entity_unref);

      for (guint kind = 0; kind < GAZETTE_N_ENTITY_KINDS; kind++)
        {
          g_autoptr(GPtrArray) some = gazette_store_list_entities (self->store, kind, &error);

          if (some == NULL)
            {
              g_warning ("Could not read the entities to link announcements: %s",
                         error->message);
              return;
            }
          g_ptr_array_extend_and_steal (entities, g_steal_pointer (&some));
        }

      g_clear_pointer (&self->linker, gazette_linker_free);
      self->linker = gazette_linker_new (entities);
      self->linker_generation = generation;
    }

  if (gazette_linker_get_n_names (self->linker) == 0)
    return;

  if (entities_changed)
    {
      stored = _gazette_store_list_unstructured (self->store, &error);
      if (stored == NULL)
        {
          g_warning ("Could not read the announcements to link: %s", error->message);
          return;
        }
      targets = stored;
    }

  for (guint i = 0; i < targets->len; i++)
    {
      GazetteAnnouncement *announcement = g_ptr_array_index (targets, i);
      g_autoptr(GPtrArray) found = NULL;
      g_autofree char *body = NULL;
      const char *texts[3];

      if (announcement->row_id == 0 || !is_unstructured (announcement))
        continue;

      if (announcement->content_text != NULL)
        body = g_strdup (announcement->content_text);
      else if (announcement->content_html != NULL)
        body = gazette_html_to_text (announcement->content_html);
      texts[0] = announcement->title;
      texts[1] = announcement->summary;
      texts[2] = body;

      found = gazette_linker_find (self->linker, texts, G_N_ELEMENTS (texts));
      /* A new or changed announcement has no found links to drop; a stored one may. */
      if (found->len == 0 && stored == NULL)
        continue;

      if (!_gazette_store_set_found_links (self->store, announcement->row_id, found, &error))
        {
          g_warning ("Could not link announcement %s: %s", announcement->id, error->message);
          g_clear_error (&error);
        }
    }
}

/* Runs in a worker thread: parses and stores what was fetched, or records why it failed. */
static void
feed_op_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GazetteSync *self = source_object;
  FeedOp *op = task_data;
  GazetteSyncReport *report = op->report;
  GazetteFeed *feed = report->feed;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (op->fetch_error != NULL)
    {
      report->status = GAZETTE_SYNC_FAILED;
      report->error = g_error_copy (op->fetch_error);
    }
  else if (op->result->not_modified)
    {
      report->status = GAZETTE_SYNC_NOT_MODIFIED;
      record_success (feed, op->result, now);
    }
  else
    {
      g_autoptr(GazetteFeedDocument) document = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gazette_problem_free);
      document = gazette_feed_parse (op->result->body, op->result->content_type,
                                     op->result->final_url, problems, &error);
      if (document == NULL)
        {
          report->status = GAZETTE_SYNC_FAILED;
          report->error = g_error_new (error->domain, error->code,
                                       _("The feed could not be read: %s"), error->message);
          g_clear_error (&error);
        }
      else
        {
          g_autofree char *old_url = g_strdup (feed->url);
          g_autofree char *old_etag = g_strdup (feed->etag);
          g_autofree char *old_last_modified = g_strdup (feed->last_modified);
          g_autofree char *old_warning = g_strdup (feed->warning);
          g_autofree char *warning = document_warning (problems);

          guint generation = _gazette_store_get_entity_generation (self->store);

          record_success (feed, op->result, now);
          _gazette_feed_set_string (&feed->warning, warning);
          if (gazette_store_apply_document (self->store, feed, document, &report->stats, &error))
            {
              sync_link (self, document,
                         generation != _gazette_store_get_entity_generation (self->store));
              report->status = GAZETTE_SYNC_STORED;

              /* Images are extras: failing to note them fails nothing. */
              op->image_urls = _gazette_store_link_images (self->store, feed, document,
                                                           self->images_per_article, &error);
              if (op->image_urls == NULL)
                {
                  g_debug ("Could not note the images of %s: %s", feed->url, error->message);
                  g_clear_error (&error);
                }

              g_task_return_boolean (task, TRUE);
              return;
            }

          /* Nothing was written: had we kept the new validators, the next fetch would be a
           * 304 and these announcements would never arrive. */
          _gazette_feed_set_string (&feed->url, old_url);
          _gazette_feed_set_string (&feed->etag, old_etag);
          _gazette_feed_set_string (&feed->last_modified, old_last_modified);
          _gazette_feed_set_string (&feed->warning, old_warning);
          report->status = GAZETTE_SYNC_FAILED;
          report->error = g_error_new (error->domain, error->code,
                                       _("The announcements could not be saved: %s"),
                                       error->message);
          g_clear_error (&error);
        }
    }

  if (report->status == GAZETTE_SYNC_FAILED)
    {
      if (g_error_matches (report->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      record_failure (feed, report->error, now);
    }

  if (!gazette_store_save_feed_state (self->store, feed, &error))
    g_warning ("Could not save the state of feed %s: %s", feed->url, error->message);

  g_task_return_boolean (task, TRUE);
}

static void
feed_op_report (GazetteSync *self,
                FeedOp      *op)
{
  Run *run = g_task_get_task_data (op->run_task);
  GazetteSyncReport *report = g_steal_pointer (&op->report);

  g_assert (run->n_pending > 0);
  g_assert (g_ptr_array_index (run->reports, op->index) == NULL);

  g_ptr_array_index (run->reports, op->index) = report;

  self->n_finished++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);
  g_signal_emit (self, signals[FEED_FINISHED], 0, report);

  if (--run->n_pending == 0)
    {
      GTask *run_task = op->run_task;

      set_running (self, FALSE);
      if (g_task_return_error_if_cancelled (run_task))
        return;
      g_task_return_pointer (run_task, g_ptr_array_ref (run->reports),
                             (GDestroyNotify) g_ptr_array_unref);
    }
}

/* Images */

static gboolean
is_image (GazetteFetchResult *result)
{
  g_autofree char *guessed = NULL;
  gsize len = 0;
  const guchar *data;

  if (result->body == NULL || g_bytes_get_size (result->body) == 0)
    return FALSE;
  if (result->content_type != NULL)
    return g_ascii_strncasecmp (result->content_type, "image/", 6) == 0;

  /* No media type: only bytes that look like an image, never an error page. */
  data = g_bytes_get_data (result->body, &len);
  guessed = g_content_type_guess (NULL, data, len, NULL);

  return g_content_type_is_a (guessed, "image/*") ||
         g_str_has_prefix (guessed, "image/");
}

/* Runs in a worker thread: the store writes the file and the database. */
static void
image_save_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GazetteSync *self = source_object;
  ImageOp *image = task_data;
  g_autoptr(GError) error = NULL;

  if (image->result != NULL && is_image (image->result))
    {
      g_autofree char *content_type = NULL;

      if (image->result->content_type != NULL)
        content_type = g_strstrip (g_strdup (image->result->content_type));
      image->saved = _gazette_store_save_image (self->store, image->url, image->result->body,
                                                content_type, &error);
      if (!image->saved)
        g_debug ("Could not keep the image %s: %s", image->url, error->message);
    }
  else if (!_gazette_store_image_failed (self->store, image->url, &error))
    g_debug ("Could not note that the image %s failed: %s", image->url, error->message);

  g_task_return_boolean (task, TRUE);
}

static void
image_save_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GazetteSync *self = GAZETTE_SYNC (object);
  ImageOp *image = g_task_get_task_data (G_TASK (result));
  FeedOp *op = image->op;

  if (image->saved)
    op->report->n_images++;

  g_assert (op->n_images_pending > 0);
  if (--op->n_images_pending == 0)
    {
      feed_op_report (self, op);
      feed_op_free (op);
    }
}

static void
image_fetch_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImageOp *image = user_data;
  GazetteSync *self = image->sync;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  image->result = gazette_fetcher_fetch_finish (GAZETTE_FETCHER (object), result, &error);
  if (image->result == NULL)
    g_debug ("Could not download the image %s: %s", image->url, error->message);

  task = g_task_new (self, NULL, image_save_cb, NULL);
  g_task_set_source_tag (task, image_fetch_cb);
  g_task_set_task_data (task, image, (GDestroyNotify) image_op_free);

  /* A cancelled run has not shown that the image fails: leave it for the next one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_run_in_thread (task, image_save_worker);
}

/* Starts downloading the images of a stored document, within the run's budget. Returns
 * FALSE when there is nothing to download. */
static gboolean
feed_op_start_images (GazetteSync *self,
                      FeedOp      *op)
{
  Run *run = g_task_get_task_data (op->run_task);
  GCancellable *cancellable = g_task_get_cancellable (op->run_task);

  if (op->image_urls == NULL)
    return FALSE;

  /* Counted first: a download may finish before the next one starts. */
  op->n_images_pending = MIN (op->image_urls->len, run->images_left);
  run->images_left -= op->n_images_pending;
  if (op->n_images_pending == 0)
    return FALSE;

  for (guint i = 0, n = op->n_images_pending; i < n; i++)
    {
      GazetteFetchRequest request = { 0 };
      ImageOp *image = g_new0 (ImageOp, 1);

      image->sync = g_object_ref (self);
      image->op = op;
      image->url = g_strdup (g_ptr_array_index (op->image_urls, i));

      request.url = image->url;
      request.max_body_size = self->max_image_size;
      gazette_fetcher_fetch_async (self->fetcher, &request, cancellable, image_fetch_cb, image);
    }

  return TRUE;
}

static void
feed_op_worker_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GazetteSync *self = GAZETTE_SYNC (object);
  FeedOp *op = g_task_get_task_data (G_TASK (result));

  /* The feed is done once its images are. */
  if (feed_op_start_images (self, op))
    return;

  feed_op_report (self, op);
  feed_op_free (op);
}

static void
feed_op_process (GazetteSync *self,
                 FeedOp      *op)
{
  g_autoptr(GTask) task = NULL;

  /* The op outlives the task when it has images to download; feed_op_worker_cb() or the
   * last image frees it. */
  task = g_task_new (self, NULL, feed_op_worker_cb, NULL);
  g_task_set_source_tag (task, feed_op_process);
  g_task_set_task_data (task, op, NULL);
  g_task_run_in_thread (task, feed_op_worker);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FeedOp *op = user_data;
  GazetteSync *self = g_task_get_source_object (op->run_task);

  op->result = gazette_fetcher_fetch_finish (GAZETTE_FETCHER (object), result, &op->fetch_error);
  feed_op_process (self, op);
}

static void
feed_op_start (GazetteSync  *self,
               FeedOp       *op,
               GCancellable *cancellable)
{
  GazetteFeed *feed = op->report->feed;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GazetteFetchRequest request = { 0 };

  if (feed->gone)
    {
      op->report->status = GAZETTE_SYNC_FAILED;
      op->report->error = g_error_new_literal (GAZETTE_FETCH_ERROR, GAZETTE_FETCH_ERROR_GONE,
                                               feed->last_error != NULL
                                                 ? feed->last_error
                                                 : _("The feed was removed from the server."));
      feed_op_report (self, op);
      feed_op_free (op);
      return;
    }

  if (feed->retry_after != NULL && g_date_time_compare (feed->retry_after, now) > 0)
    {
      op->report->status = GAZETTE_SYNC_POSTPONED;
      feed_op_report (self, op);
      feed_op_free (op);
      return;
    }

  request.url = feed->url;
  request.etag = feed->etag;
  request.last_modified = feed->last_modified;
  gazette_fetcher_fetch_async (self->fetcher, &request, cancellable, fetch_cb, op);
}

static void
gazette_sync_dispose (GObject *object)
{
  GazetteSync *self = (GazetteSync *)object;

  g_clear_object (&self->fetcher);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gazette_sync_parent_class)->dispose (object);
}

static void
gazette_sync_finalize (GObject *object)
{
  GazetteSync *self = (GazetteSync *)object;

  g_clear_pointer (&self->linker, gazette_linker_free);
  g_mutex_clear (&self->link_mutex);

  G_OBJECT_CLASS (gazette_sync_parent_class)->finalize (object);
}

static void
gazette_sync_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GazetteSync *self = GAZETTE_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_FEEDS:
      g_value_set_uint (value, self->n_feeds);
      break;

    case PROP_N_FINISHED:
      g_value_set_uint (value, self->n_finished);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_sync_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GazetteSync *self = GAZETTE_SYNC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gazette_sync_class_init (GazetteSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gazette_sync_dispose;
  object_class->finalize = gazette_sync_finalize;
  object_class->get_property = gazette_sync_get_property;
  object_class->set_property = gazette_sync_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         GAZETTE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_FEEDS] =
    g_param_spec_uint ("n-feeds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_FINISHED] =
    g_param_spec_uint ("n-finished", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GazetteSync::feed-finished:
   * @self: the sync
   * @report: (type gpointer): the #GazetteSyncReport of one feed, valid during emission
   *
   * Emitted on the main thread as each feed of a run is done, for progress.
   */
  signals[FEED_FINISHED] =
    g_signal_new ("feed-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
gazette_sync_init (GazetteSync *self)
{
  self->fetcher = gazette_fetcher_new ();
  self->max_image_size = GAZETTE_SYNC_DEFAULT_MAX_IMAGE_SIZE;
  self->images_per_article = GAZETTE_SYNC_DEFAULT_IMAGES_PER_ARTICLE;
  self->images_per_run = GAZETTE_SYNC_DEFAULT_IMAGES_PER_RUN;
  g_mutex_init (&self->link_mutex);
}

/**
 * gazette_sync_new:
 * @store: where announcements are kept
 *
 * Returns: (transfer full): a new sync over @store, with its own fetcher
 */
GazetteSync *
gazette_sync_new (GazetteStore *store)
{
  g_return_val_if_fail (GAZETTE_IS_STORE (store), NULL);

  return g_object_new (GAZETTE_TYPE_SYNC, "store", store, NULL);
}

/**
 * gazette_sync_get_store:
 *
 * Returns: (transfer none): the store
 */
GazetteStore *
gazette_sync_get_store (GazetteSync *self)
{
  g_return_val_if_fail (GAZETTE_IS_SYNC (self), NULL);

  return self->store;
}

/**
 * gazette_sync_get_fetcher:
 *
 * Returns: (transfer none): the fetcher, to adjust its limits
 */
GazetteFetcher *
gazette_sync_get_fetcher (GazetteSync *self)
{
  g_return_val_if_fail (GAZETTE_IS_SYNC (self), NULL);

  return self->fetcher;
}

/**
 * gazette_sync_set_image_limits:
 * @self: a sync
 * @max_image_size: the largest image kept, in bytes
 * @max_per_article: how many images of one announcement to keep
 * @max_per_run: how many images one run may download, or 0 to download none
 *
 * Bounds the images downloaded for offline reading. The defaults are
 * %GAZETTE_SYNC_DEFAULT_MAX_IMAGE_SIZE, %GAZETTE_SYNC_DEFAULT_IMAGES_PER_ARTICLE and
 * %GAZETTE_SYNC_DEFAULT_IMAGES_PER_RUN. Images left out by the per-run bound are
 * downloaded by a later run.
 */
void
gazette_sync_set_image_limits (GazetteSync *self,
                               gsize        max_image_size,
                               guint        max_per_article,
                               guint        max_per_run)
{
  g_return_if_fail (GAZETTE_IS_SYNC (self));
  g_return_if_fail (max_image_size > 0);

  self->max_image_size = max_image_size;
  self->images_per_article = max_per_article;
  self->images_per_run = max_per_run;
}

guint
gazette_sync_get_n_feeds (GazetteSync *self)
{
  g_return_val_if_fail (GAZETTE_IS_SYNC (self), 0);

  return self->n_feeds;
}

guint
gazette_sync_get_n_finished (GazetteSync *self)
{
  g_return_val_if_fail (GAZETTE_IS_SYNC (self), 0);

  return self->n_finished;
}

gboolean
gazette_sync_get_running (GazetteSync *self)
{
  g_return_val_if_fail (GAZETTE_IS_SYNC (self), FALSE);

  return self->running;
}

/**
 * gazette_sync_run_async:
 * @self: a sync
 * @feeds: (nullable) (element-type GazetteFeed): the feeds to fetch, or %NULL for all
 * @cancellable: (nullable): a cancellable
 * @callback: called when every feed is done
 * @user_data: data for @callback
 *
 * Fetches each feed (several at once, up to the fetcher's cap), then parses and stores what
 * changed, each feed in its own transaction. A feed that fails keeps everything already
 * stored and records the error on the feed. The feeds given are updated with their new
 * state. Only one run at a time: a second one fails with %G_IO_ERROR_BUSY.
 */
void
gazette_sync_run_async (GazetteSync         *self,
                        GPtrArray           *feeds,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) all_feeds = NULL;
  g_autoptr(GError) error = NULL;
  Run *run;

  g_return_if_fail (GAZETTE_IS_SYNC (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gazette_sync_run_async);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The feeds are already being updated."));
      return;
    }

  if (feeds == NULL)
    {
      all_feeds = gazette_store_list_feeds (self->store, &error);
      if (all_feeds == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      feeds = all_feeds;
    }

  run = g_new0 (Run, 1);
  run->reports = g_ptr_array_new_full (feeds->len, (GDestroyNotify) gazette_sync_report_free);
  g_ptr_array_set_size (run->reports, feeds->len);
  run->n_pending = feeds->len;
  run->images_left = self->images_per_run;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  self->n_feeds = feeds->len;
  self->n_finished = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FEEDS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);

  if (feeds->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (run->reports),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  set_running (self, TRUE);

  for (guint i = 0; i < feeds->len; i++)
    {
      FeedOp *op = g_new0 (FeedOp, 1);

      op->run_task = g_object_ref (task);
      op->index = i;
      op->report = g_new0 (GazetteSyncReport, 1);
      op->report->feed = g_object_ref (g_ptr_array_index (feeds, i));
      feed_op_start (self, op, cancellable);
    }
}

/**
 * gazette_sync_run_finish:
 *
 * Returns: (transfer container) (element-type GazetteSyncReport): one report per feed, in
 *   the order the feeds were given, or %NULL when the run could not start or was cancelled
 */
GPtrArray *
gazette_sync_run_finish (GazetteSync   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (GAZETTE_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
