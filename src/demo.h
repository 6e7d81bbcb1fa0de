/* rapat — the bundled sample: the Rakernis of Kanwil Ditjenpas Maluku, 2 September 2025. */
#pragma once

#include "store.h"

G_BEGIN_DECLS

/* The uid of the sample meeting; fixed, so that loading twice finds it. */
#define RAPAT_DEMO_UID "rakernis-maluku-2025@rapat.demo"

/* Loads the sample into @store inside the caller's transaction: units,
 * people, the meeting with its agenda, invitations, replies and attendance,
 * and Indonesia's holidays of 2025 and 2026 (data/holidays/).
 * Units and people that exist (same name) are reused, and the meeting is
 * only created when no meeting has its uid, so loading twice adds nothing.
 * Stores the meeting's id in @meeting_id. */
gboolean rapat_demo_load (RapatStore *store, gint64 now, gint64 *meeting_id, GError **error);

G_END_DECLS
