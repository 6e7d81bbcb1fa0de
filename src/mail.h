/* rapat — opening the mail module (core layer).
 *
 * Sending and reading mail needs GMime and libcurl, which rapat does not
 * link: they live in src/rapat-mail.so (mail/), opened the first time a
 * command asks for it, so that the other commands start as fast as before.
 * See mail/rapat-mail.h for what the module does. */
#pragma once

#include "rapat.h"
#include "../mail/rapat-mail.h"

G_BEGIN_DECLS

/* Returns the mail module's table, loading it on the first call: from
 * $RAPAT_MAIL_MODULE when set (a path; the tests set it), else from the
 * installed pkglibdir, else from the build tree it was built in.  NULL with
 * @error, naming the paths tried and why, when none loads or its table is
 * of another version. */
const RapatMailModule *rapat_mail (GError **error);

G_END_DECLS
