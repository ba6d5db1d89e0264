/* main.c
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

#define G_LOG_DOMAIN "gazette"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gazette-application.h"
#include "gazette-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GazetteApplication) app = NULL;
  const char *localedir = g_getenv ("GAZETTE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The build tree's translations, for build-aux/dev and the tests, before installing. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command (“gazette list”) runs without a display; anything else opens the window. */
  if (gazette_cli_is_command_line (argc, argv))
    return gazette_cli_run (argc, argv);

  app = gazette_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
