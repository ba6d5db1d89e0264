/* gazette-feed-parser.c
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

#define G_LOG_DOMAIN "gazette-parser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gazette-feed-parser.h"
#include "gazette-xml-feed-parser.h"

static gboolean
looks_like_xml (GBytes *bytes)
{
  gsize len = 0;
  const guchar *data = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  /* JSON is UTF-8 (RFC 8259): a UTF-16 byte order mark can only start an XML document. */
  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return TRUE;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;

  return i < len && data[i] == '<';
}

/**
 * gazette_feed_parse:
 * @bytes: the document as fetched
 * @content_type: (nullable): the media type the server declared
 * @base_url: (nullable): the address the document came from, against which XML feeds'
 *   relative URLs resolve
 * @problems: (nullable) (element-type GazetteProblem): where to collect every problem found
 * @error: return location for the first error
 *
 * Reads a feed document in whichever format it is written. The content is what decides:
 * servers often label feeds `text/plain` or `application/octet-stream`.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GazetteFeedDocument *
gazette_feed_parse (GBytes      *bytes,
                    const char  *content_type,
                    const char  *base_url,
                    GPtrArray   *problems,
                    GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, GAZETTE_PARSE_ERROR, GAZETTE_PARSE_ERROR_INVALID,
                           _("The document is empty."));
      return NULL;
    }

  if (looks_like_xml (bytes))
    return gazette_xml_feed_parse (bytes, content_type, base_url, problems, error);

  return gazette_json_feed_parse (bytes, problems, error);
}
