/* rapat — the bundled sample: the Rakernis of Kanwil Ditjenpas Maluku, 2 September 2025.
 *
 * The meeting, its place, date and themes, and the two officials named are
 * from the seed text (a press release of Humas Kanwil Ditjenpas Maluku).  The
 * other people are fictional heads of the region's units, with addresses at
 * a reserved example domain. */
#include "demo.h"
#include "holiday.h"
#include "minutes.h"
#include "timeutil.h"

#include <string.h>

typedef struct {
  const char *name;
  const char *code;
  const char *parent;
  const char *head;           /* the name of the person who heads it */
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "Direktorat Kepatuhan Internal, Ditjen Pemasyarakatan", "DITKI", NULL, "Lilik Sujandi" },
  { "Kantor Wilayah Ditjen Pemasyarakatan Maluku", "KANWIL-MAL", NULL, "Ricky Dwi Biantoro" },
  { "Lapas Kelas IIA Ambon", "LAPAS-AMB", "KANWIL-MAL", "Hendrik Sahetapy" },
  { "Rutan Kelas IIA Ambon", "RUTAN-AMB", "KANWIL-MAL", "Fransina Matulessy" },
  { "Lapas Perempuan Kelas III Ambon", "LPP-AMB", "KANWIL-MAL", "Nurhayati Ohorella" },
  { "Lapas Narkotika Kelas III Ambon", "LPN-AMB", "KANWIL-MAL", "Johanis Tahapary" },
  { "LPKA Kelas II Ambon", "LPKA-AMB", "KANWIL-MAL", "Ruslan Hehanussa" },
  { "Bapas Kelas II Ambon", "BAPAS-AMB", "KANWIL-MAL", "Elisabeth Pelupessy" },
  { "Rupbasan Kelas I Ambon", "RUPBASAN-AMB", "KANWIL-MAL", "Daniel Manuputty" },
  { "Lapas Kelas IIB Tual", "LAPAS-TUAL", "KANWIL-MAL", "Abraham Renwarin" },
  { "Lapas Kelas III Namlea", "LAPAS-NAMLEA", "KANWIL-MAL", "Yusuf Lewerissa" },
  { "Rutan Kelas IIB Masohi", "RUTAN-MASOHI", "KANWIL-MAL", "Ismail Souisa" },
  { "Rutan Kelas IIB Saumlaki", "RUTAN-SAUMLAKI", "KANWIL-MAL", "Petrus Rahawarin" },
  { "Rutan Kelas IIB Dobo", "RUTAN-DOBO", "KANWIL-MAL", "Marthen Siahaya" },
  { "Rutan Kelas IIB Piru", "RUTAN-PIRU", "KANWIL-MAL", "Ahmad Latuconsina" },
  { "Rutan Kelas IIB Wahai", "RUTAN-WAHAI", "KANWIL-MAL", "Ferdinand Tuhumury" },
  { "Rutan Kelas IIB Saparua", "RUTAN-SAPARUA", "KANWIL-MAL", "Constantina Lewaherilla" },
};

typedef struct {
  const char *name;
  const char *position;
  const char *unit;           /* code */
  const char *email;          /* NULL: none known */
  const char *role;
  const char *rsvp;
  const char *attendance;     /* NULL: not invited as such (a stand-in) */
  const char *arrived;        /* "HH:MM" for present */
  const char *stand_in;       /* name, for represented */
  const char *note;
} DemoPerson;

static const DemoPerson demo_people[] = {
  { "Ricky Dwi Biantoro", "Kepala Kantor Wilayah", "KANWIL-MAL", "kakanwil@maluku.pas.example",
    "chair", "accepted", "present", "08:45", NULL, NULL },
  { "Lilik Sujandi", "Direktur Kepatuhan Internal", "DITKI", "direktur.ki@ditjenpas.example",
    "speaker", "accepted", "present", "08:50", NULL, NULL },
  { "Maria Wattimena", "Kepala Bagian Tata Usaha dan Umum", "KANWIL-MAL",
    "tu@maluku.pas.example", "speaker", "accepted", "present", "08:15", NULL,
    "Sekretariat panitia" },
  { "Abdul Rahman Tuasikal", "Kepala Bidang Pembinaan, Bimbingan Kemasyarakatan dan Teknologi Informasi",
    "KANWIL-MAL", "binbimkemas@maluku.pas.example", "speaker", "accepted", "present", "08:55",
    NULL, NULL },
  { "Yohanis Leiwakabessy", "Kepala Bidang Pelayanan Tahanan, Kesehatan, Rehabilitasi dan Basan",
    "KANWIL-MAL", "yantah@maluku.pas.example", "speaker", "accepted", "present", "08:58", NULL,
    NULL },
  { "Samuel Pattiasina", "Kepala Bidang Keamanan, Ketertiban dan Kepatuhan Internal",
    "KANWIL-MAL", "kamtib@maluku.pas.example", "speaker", "accepted", "present", "08:40", NULL,
    NULL },
  { "Hendrik Sahetapy", "Kepala Lapas Kelas IIA Ambon", "LAPAS-AMB",
    "lapas.ambon@maluku.pas.example", "participant", "accepted", "present", "08:52", NULL, NULL },
  { "Fransina Matulessy", "Kepala Rutan Kelas IIA Ambon", "RUTAN-AMB",
    "rutan.ambon@maluku.pas.example", "participant", "accepted", "present", "08:05", NULL,
    "Tuan rumah" },
  { "Nurhayati Ohorella", "Kepala Lapas Perempuan Kelas III Ambon", "LPP-AMB",
    "lpp.ambon@maluku.pas.example", "participant", "accepted", "present", "09:20", NULL,
    "Terlambat: kapal dari Leihitu" },
  { "Johanis Tahapary", "Kepala Lapas Narkotika Kelas III Ambon", "LPN-AMB",
    "lpn.ambon@maluku.pas.example", "participant", "accepted", "present", "08:57", NULL, NULL },
  { "Ruslan Hehanussa", "Kepala LPKA Kelas II Ambon", "LPKA-AMB", "lpka.ambon@maluku.pas.example",
    "participant", "tentative", "present", "09:35", NULL, NULL },
  { "Elisabeth Pelupessy", "Kepala Bapas Kelas II Ambon", "BAPAS-AMB",
    "bapas.ambon@maluku.pas.example", "participant", "accepted", "present", "08:49", NULL, NULL },
  { "Daniel Manuputty", "Kepala Rupbasan Kelas I Ambon", "RUPBASAN-AMB", NULL,
    "participant", "needs-action", "present", "08:59", NULL, NULL },
  { "Abraham Renwarin", "Kepala Lapas Kelas IIB Tual", "LAPAS-TUAL", "lapas.tual@maluku.pas.example",
    "participant", "accepted", "represented", NULL, "Ronald Pattinama",
    "Penerbangan Tual–Ambon dibatalkan" },
  { "Yusuf Lewerissa", "Kepala Lapas Kelas III Namlea", "LAPAS-NAMLEA",
    "lapas.namlea@maluku.pas.example", "participant", "declined", "excused", NULL, NULL,
    "Izin: pemindahan narapidana" },
  { "Ismail Souisa", "Kepala Rutan Kelas IIB Masohi", "RUTAN-MASOHI",
    "rutan.masohi@maluku.pas.example", "participant", "accepted", "present", "08:54", NULL, NULL },
  { "Petrus Rahawarin", "Kepala Rutan Kelas IIB Saumlaki", "RUTAN-SAUMLAKI", NULL,
    "participant", "declined", "duty", NULL, NULL, "Dinas luar: sidang di PN Saumlaki" },
  { "Marthen Siahaya", "Kepala Rutan Kelas IIB Dobo", "RUTAN-DOBO", "rutan.dobo@maluku.pas.example",
    "participant", "accepted", "represented", NULL, "Siti Umasugi", NULL },
  { "Ahmad Latuconsina", "Kepala Rutan Kelas IIB Piru", "RUTAN-PIRU",
    "rutan.piru@maluku.pas.example", "participant", "accepted", "absent", NULL, NULL, NULL },
  { "Ferdinand Tuhumury", "Kepala Rutan Kelas IIB Wahai", "RUTAN-WAHAI", NULL,
    "participant", "accepted", "sick", NULL, NULL, "Surat keterangan sakit" },
  { "Constantina Lewaherilla", "Kepala Rutan Kelas IIB Saparua", "RUTAN-SAPARUA",
    "rutan.saparua@maluku.pas.example", "participant", "accepted", "present", "08:48", NULL, NULL },
  { "Andi Fahmi Nanlohy", "Pranata Humas", "KANWIL-MAL", "humas@maluku.pas.example",
    "observer", "accepted", "present", "07:55", NULL, "Notulen dan dokumentasi" },
  /* Stand-ins: in the directory, not invited themselves. */
  { "Ronald Pattinama", "Kepala Seksi Pembinaan Narapidana, Lapas Tual", "LAPAS-TUAL", NULL,
    NULL, NULL, NULL, NULL, NULL, NULL },
  { "Siti Umasugi", "Kepala Subseksi Pelayanan Tahanan, Rutan Dobo", "RUTAN-DOBO", NULL,
    NULL, NULL, NULL, NULL, NULL, NULL },
};

typedef struct {
  const char *title;
  const char *category;
  const char *unit;         /* code */
  const char *status;
  const char *description;
} DemoIssue;

/* The strategic issues the seed text names. */
static const DemoIssue demo_issues[] = {
  { "Pemberantasan narkoba dan penipuan di Lapas dan Rutan", "keamanan", "KANWIL-MAL", "open",
    "Peredaran narkoba dan penipuan yang dikendalikan dari dalam Lapas/Rutan." },
  { "Penanganan kelebihan penghuni (overcrowding)", "pelayanan", "KANWIL-MAL", "open",
    "Hunian Lapas/Rutan di Maluku melebihi kapasitas." },
  { "Pemberdayaan Warga Binaan: ketahanan pangan dan UMKM", "pembinaan", "KANWIL-MAL",
    "monitoring", "Program ketahanan pangan dan penguatan UMKM Warga Binaan." },
  { "Pemberdayaan sosial untuk reintegrasi Warga Binaan", "pembinaan", "BAPAS-AMB", "open",
    NULL },
};

typedef struct {
  const char *title;
  const char *owner;        /* person name, or NULL when owner_unit is set */
  const char *owner_unit;   /* unit code */
  int issue;                /* index in demo_issues + 1, or 0 */
  const char *priority;
  const char *due;
  const char *status;
  int progress;
  const char *updated;      /* "YYYY-MM-DD HH:MM" WIT of the last change, or NULL */
  const char *note;
  int decision;             /* the number of the decision it carries out, or 0 */
} DemoAction;

/* Actions raised at the Rakernis; as of 15 October 2025 one is overdue. */
static const DemoAction demo_actions[] = {
  { "Tes urine serentak bagi petugas dan Warga Binaan di seluruh UPT", "Samuel Pattiasina", NULL,
    1, "high", "2025-09-30", "done", 100, "2025-09-26 15:00", "Hasil: seluruh UPT negatif", 1 },
  { "Razia gabungan dan penertiban telepon genggam di blok hunian", "Hendrik Sahetapy", NULL,
    1, "high", "2025-10-10", "in-progress", 60, "2025-10-03 10:00", "Blok A dan B selesai", 2 },
  { "Usulan pemindahan narapidana untuk mengurangi hunian Rutan Ambon", "Yohanis Leiwakabessy",
    NULL, 2, "normal", "2025-10-31", "open", 0, NULL, NULL, 3 },
  { "Pendataan lahan ketahanan pangan di setiap UPT", "Abdul Rahman Tuasikal", NULL, 3, "normal",
    "2025-09-19", "done", 100, "2025-09-18 11:30", "Data 14 UPT terkumpul", 4 },
  { "Pelatihan UMKM dan sertifikasi produk Warga Binaan", NULL, "LAPAS-AMB", 3, "normal",
    "2025-11-28", "open", 0, NULL, NULL, 5 },
  { "Laporan capaian 13 Program Akselerasi per triwulan", "Maria Wattimena", NULL, 0, "high",
    "2025-10-15", "in-progress", 40, "2025-10-01 09:00", "Triwulan III disusun", 7 },
  { "Publikasi hasil Rakernis di laman dan media sosial", "Andi Fahmi Nanlohy", NULL, 0, "low",
    "2025-09-03", "done", 100, "2025-09-02 19:30", NULL },
};

typedef struct {
  const char *title;
  const char *type;
  int minutes;
  const char *presenter;
  int issue;                /* index in demo_issues + 1, or 0 */
} DemoItem;

static const DemoItem demo_agenda[] = {
  { "Pembukaan dan laporan panitia", "opening", 15, "Maria Wattimena" },
  { "Sambutan dan arahan Kepala Kantor Wilayah", "briefing", 30, "Ricky Dwi Biantoro" },
  { "Pengarahan Direktur Kepatuhan Internal: SOP, integritas dan marwah Kementerian",
    "briefing", 60, "Lilik Sujandi" },
  { "Rehat kopi", "break", 15, NULL },
  { "Isu strategis: pemberantasan narkoba dan penipuan di Lapas dan Rutan", "discussion", 60,
    "Samuel Pattiasina", 1 },
  { "Isu strategis: penanganan kelebihan penghuni (overcrowding)", "discussion", 45,
    "Yohanis Leiwakabessy", 2 },
  { "Ishoma", "break", 60, NULL },
  { "Isu strategis: pemberdayaan Warga Binaan — ketahanan pangan, UMKM dan reintegrasi sosial",
    "discussion", 60, "Abdul Rahman Tuasikal", 3 },
  { "Evaluasi target kinerja dan 13 Program Akselerasi Menteri", "review", 60, "Maria Wattimena" },
  { "Kesimpulan dan penutupan", "closing", 15, "Ricky Dwi Biantoro" },
};

/* The draft minutes, taken by the public relations officer. */
static const char *const demo_notes[] = {
  "Acara dibuka pukul 09.05 WIT. Ketua panitia melaporkan peserta: seluruh Kepala UPT "
  "Pemasyarakatan se-Maluku diundang; dua diwakili, satu izin, satu dinas luar, satu sakit "
  "dan satu tanpa keterangan.",
  "Kepala Kantor Wilayah meminta seluruh jajaran menyamakan arah penyelenggaraan "
  "Pemasyarakatan dengan kebijakan nasional dan 13 Program Akselerasi Menteri.\n\n"
  "Ditekankan kembali zero tolerance terhadap narkoba, telepon genggam dan pungutan liar.",
  "Direktur Kepatuhan Internal menyampaikan pentingnya kepatuhan pada SOP, integritas "
  "petugas dan menjaga marwah Kementerian. Temuan pengawasan internal dibahas per UPT.",
  "Rehat kopi.",
  "Kepala Bidang Kamtib memaparkan pola peredaran narkoba dan penipuan yang dikendalikan "
  "dari dalam Lapas/Rutan. Peserta sepakat pemeriksaan dilakukan serentak agar tidak bocor.",
  "Hunian Rutan Ambon melebihi kapasitas. Dibahas pemindahan narapidana ke UPT yang masih "
  "memiliki ruang, dengan memperhatikan putusan dan domisili keluarga.",
  "Ishoma.",
  "Setiap UPT diminta memetakan lahan dan potensi ketahanan pangan. Produk UMKM Warga Binaan "
  "perlu pelatihan dan sertifikasi; Bapas menyiapkan pendampingan reintegrasi sosial.",
  "Capaian target kinerja dan 13 Program Akselerasi dievaluasi per UPT; beberapa indikator "
  "triwulan III belum dilaporkan.",
  "Kepala Kantor Wilayah menyimpulkan hasil rapat dan menutup acara pukul 16.10 WIT.",
};

typedef struct {
  int item;                 /* agenda position */
  const char *text;
} DemoDecision;

/* Decisions, numbered in this order; the actions above refer to them. */
static const DemoDecision demo_decisions[] = {
  { 5, "Tes urine serentak bagi petugas dan Warga Binaan di seluruh UPT paling lambat "
       "30 September 2025." },
  { 5, "Razia gabungan dan penertiban telepon genggam di blok hunian dilaksanakan setiap bulan." },
  { 6, "Kanwil mengusulkan pemindahan narapidana dari Rutan Ambon ke UPT yang masih memiliki "
       "ruang hunian." },
  { 8, "Setiap UPT mendata lahan yang dapat dipakai untuk ketahanan pangan." },
  { 8, "Lapas Ambon menyelenggarakan pelatihan UMKM dan sertifikasi produk Warga Binaan." },
  { 8, "Bapas Ambon menyusun program pendampingan reintegrasi sosial bagi klien." },
  { 9, "Capaian 13 Program Akselerasi dilaporkan ke Kanwil setiap triwulan." },
};

static const char demo_summary[] =
  "Rakernis menyepakati langkah pemberantasan narkoba dan penipuan, pengurangan hunian Rutan "
  "Ambon, pemberdayaan Warga Binaan dan pelaporan triwulanan capaian kinerja. Tindak lanjut "
  "dipantau pada rapat evaluasi berikutnya.";

static const char demo_description[] =
  "Rapat Kerja Teknis (Rakernis) Pemasyarakatan Tahun 2025 Kanwil Ditjenpas Maluku, "
  "dirangkaikan dengan pengarahan Direktur Kepatuhan Internal.\n"
  "Tema: menyamakan arah dan menyusun strategi penyelenggaraan Pemasyarakatan selaras dengan "
  "kebijakan nasional serta 13 Program Akselerasi Menteri Imigrasi dan Pemasyarakatan.";

/* Returns the id of the unit with @code (created from the table if missing). */
static gboolean
ensure_units (RapatStore *store, GHashTable *unit_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *du = &demo_units[i];
      gint64 id = rapat_store_unit_find (store, du->name, error);

      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          g_autoptr(RapatUnit) u = rapat_unit_new ();

          u->name = g_strdup (du->name);
          u->code = g_strdup (du->code);
          if (du->parent != NULL)
            u->parent_id = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, du->parent));
          if (!rapat_store_unit_insert (store, u, error))
            return FALSE;
          id = u->id;
        }
      g_hash_table_insert (unit_ids, (gpointer) du->code, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

/* Creates the people of the table that are missing; fills @person_ids by name. */
static gboolean
ensure_people (RapatStore *store, GHashTable *unit_ids, GHashTable *person_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *dp = &demo_people[i];
      gint64 id = rapat_store_person_find (store, dp->name, error);

      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          g_autoptr(RapatPerson) p = rapat_person_new ();

          p->name = g_strdup (dp->name);
          p->position = g_strdup (dp->position);
          p->unit_id = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, dp->unit));
          p->email = g_strdup (dp->email);
          if (!rapat_store_person_insert (store, p, error))
            return FALSE;
          id = p->id;
        }
      g_hash_table_insert (person_ids, (gpointer) dp->name, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

/* Makes the people named in demo_units the heads of their units, where a
 * unit has no head yet. */
static gboolean
ensure_heads (RapatStore *store, GHashTable *unit_ids, GHashTable *person_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *du = &demo_units[i];
      gint64 uid = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, du->code));
      gint64 pid = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids, du->head));
      g_autoptr(RapatUnit) u = rapat_store_unit_get (store, uid, error);
      g_autoptr(RapatPerson) p = u != NULL ? rapat_store_person_get (store, pid, error) : NULL;

      if (p == NULL)
        return FALSE;
      /* A unit headed already, or a person since moved, is left as it is. */
      if (u->head_id == 0 && p->unit_id == uid
          && !rapat_store_unit_set_head (store, uid, pid, error))
        return FALSE;
    }
  return TRUE;
}

/* Creates the issues of the table that are missing; stores their ids in @issue_ids. */
static gboolean
ensure_issues (RapatStore *store, gint64 now, GHashTable *unit_ids, gint64 *issue_ids,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_issues); i++)
    {
      const DemoIssue *di = &demo_issues[i];
      gint64 id = rapat_store_issue_find (store, di->title, error);

      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          g_autoptr(RapatIssue) issue = rapat_issue_new ();
          int v;

          issue->title = g_strdup (di->title);
          issue->category = g_strdup (di->category);
          issue->description = g_strdup (di->description);
          issue->unit_id = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, di->unit));
          rapat_enum_parse (&rapat_issue_status_enum, di->status, &v, NULL);
          issue->status = v;
          issue->created_at = now;
          if (!rapat_store_issue_insert (store, issue, error))
            return FALSE;
          id = issue->id;
        }
      issue_ids[i] = id;
    }
  return TRUE;
}

/* Creates the actions raised at the meeting, each with its history: created
 * when the meeting ended, then its last change. */
static gboolean
create_actions (RapatStore *store, const RapatMeeting *m, GTimeZone *tz, GHashTable *unit_ids,
                GHashTable *person_ids, const gint64 *issue_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      const DemoAction *da = &demo_actions[i];
      g_autoptr(RapatAction) a = rapat_action_new ();
      g_autofree char *uid = g_strdup_printf ("rakernis-maluku-2025-action-%u@rapat.demo", i + 1);
      gint64 updated = m->end_utc;
      int v;

      a->uid = g_steal_pointer (&uid);
      a->title = g_strdup (da->title);
      if (da->owner != NULL)
        a->owner_person_id = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids, da->owner));
      else
        a->owner_unit_id = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, da->owner_unit));
      a->meeting_id = m->id;
      a->issue_id = da->issue > 0 ? issue_ids[da->issue - 1] : 0;
      rapat_enum_parse (&rapat_priority_enum, da->priority, &v, NULL);
      a->priority = v;
      a->due = g_strdup (da->due);
      a->created_at = a->updated_at = m->end_utc;
      if (da->decision > 0)
        {
          a->decision_id = rapat_store_decision_find (store, m->id, da->decision, error);
          if (a->decision_id <= 0)
            return FALSE;
        }
      if (!rapat_store_action_insert (store, a, error)
          || !rapat_store_action_add_event (store, a, m->end_utc, "created", error))
        return FALSE;
      if (da->updated == NULL)
        continue;
      if (!rapat_time_parse_datetime ("updated", da->updated, tz, &updated, NULL, error))
        return FALSE;
      rapat_enum_parse (&rapat_action_status_enum, da->status, &v, NULL);
      a->status = v;
      a->progress = da->progress;
      a->updated_at = updated;
      a->done_at = a->status == RAPAT_ACTION_DONE ? updated : 0;
      if (!rapat_store_action_update (store, a, error)
          || !rapat_store_action_add_event (store, a, updated, da->note, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the draft minutes of @m: the notulis, notes for every item, the
 * decisions, the times held and the summary. */
static gboolean
create_minutes (RapatStore *store, const RapatMeeting *m, GHashTable *person_ids,
                GError **error)
{
  gint64 notulis = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids, "Andi Fahmi Nanlohy"));
  g_autoptr(RapatMinutes) n = rapat_minutes_start (store, m, notulis, 0, m->end_utc, error);

  G_STATIC_ASSERT (G_N_ELEMENTS (demo_notes) == G_N_ELEMENTS (demo_agenda));
  if (n == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_notes); i++)
    {
      char item[16];
      g_snprintf (item, sizeof item, "%u", i + 1);
      if (!rapat_minutes_note (store, m, item, demo_notes[i], m->end_utc, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_decisions); i++)
    {
      char item[16];
      int number;
      g_snprintf (item, sizeof item, "%d", demo_decisions[i].item);
      if (!rapat_minutes_decide (store, m, item, demo_decisions[i].text, m->end_utc, &number,
                                 error))
        return FALSE;
    }
  return rapat_minutes_held (store, m, "09:05", "16:10", m->end_utc, error)
         && rapat_minutes_summary (store, m, demo_summary, m->end_utc, error);
}

/* Creates the meeting with its agenda, attendees and actions. */
static gboolean
create_meeting (RapatStore *store, gint64 now, GHashTable *unit_ids, GHashTable *person_ids,
                const gint64 *issue_ids, gint64 *meeting_id, GError **error)
{
  g_autoptr(RapatMeeting) m = rapat_meeting_new ();
  g_autoptr(GTimeZone) tz = rapat_time_zone_load ("Asia/Jayapura", NULL, error);

  if (tz == NULL
      || !rapat_time_parse_datetime ("start", "2025-09-02 09:00", tz, &m->start_utc, NULL, error)
      || !rapat_time_parse_datetime ("end", "2025-09-02 16:00", tz, &m->end_utc, NULL, error))
    return FALSE;
  m->uid = g_strdup (RAPAT_DEMO_UID);
  m->title = g_strdup ("Rapat Kerja Teknis Pemasyarakatan Maluku 2025");
  m->kind = g_strdup ("rakernis");
  m->description = g_strdup (demo_description);
  m->location = g_strdup ("Aula Rutan Kelas IIA Ambon");
  m->tzid = g_strdup ("Asia/Jayapura");
  m->status = RAPAT_MEETING_CONFIRMED;
  m->organizer_id = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids, "Maria Wattimena"));
  m->created_at = m->updated_at = now;
  if (!rapat_store_meeting_insert (store, m, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_agenda); i++)
    {
      g_autoptr(RapatAgendaItem) item = rapat_agenda_item_new ();
      int type;

      item->meeting_id = m->id;
      item->title = g_strdup (demo_agenda[i].title);
      rapat_enum_parse (&rapat_agenda_type_enum, demo_agenda[i].type, &type, NULL);
      item->type = type;
      item->duration_min = demo_agenda[i].minutes;
      if (demo_agenda[i].presenter != NULL)
        item->presenter_id = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids,
                                                                    demo_agenda[i].presenter));
      if (demo_agenda[i].issue > 0)
        item->issue_id = issue_ids[demo_agenda[i].issue - 1];
      if (!rapat_store_agenda_insert (store, item, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *dp = &demo_people[i];
      g_autoptr(RapatAttendee) a = NULL;
      int v;

      if (dp->role == NULL)
        continue;
      a = rapat_attendee_new ();
      a->meeting_id = m->id;
      a->person_id = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids, dp->name));
      rapat_enum_parse (&rapat_role_enum, dp->role, &v, NULL);
      a->role = v;
      rapat_enum_parse (&rapat_rsvp_enum, dp->rsvp, &v, NULL);
      a->rsvp = v;
      rapat_enum_parse (&rapat_attendance_enum, dp->attendance, &v, NULL);
      a->attendance = v;
      if (dp->arrived != NULL)
        {
          g_autofree char *when = g_strdup_printf ("2025-09-02 %s", dp->arrived);
          if (!rapat_time_parse_datetime ("arrival", when, tz, &a->arrived_utc, NULL, error))
            return FALSE;
        }
      if (dp->stand_in != NULL)
        a->stand_in_id = GPOINTER_TO_SIZE (g_hash_table_lookup (person_ids, dp->stand_in));
      a->note = g_strdup (dp->note);
      if (!rapat_store_attendee_insert (store, a, error))
        return FALSE;
    }
  /* Item 8 covers two issues; every issue of the seed was discussed. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_issues); i++)
    if (!rapat_store_issue_link (store, issue_ids[i], m->id, TRUE, error))
      return FALSE;
  *meeting_id = m->id;
  return create_minutes (store, m, person_ids, error)
         && create_actions (store, m, tz, unit_ids, person_ids, issue_ids, error);
}

/* The calendar data/holidays/id-2025-2026.ics, embedded by make
 * (src/rapat-holidays.c). */
extern const char rapat_demo_holidays[];

/* Adds Indonesia's holidays of 2025 and 2026, those not yet kept. */
static gboolean
load_holidays (RapatStore *store, gint64 now, GError **error)
{
  g_autoptr(RapatHolidayCalendar) cal =
    rapat_holiday_parse_ics (rapat_demo_holidays, strlen (rapat_demo_holidays),
                             "id-2025-2026.ics", RAPAT_HOLIDAY_NATIONAL, now, error);
  guint added, known;

  return cal != NULL && rapat_holiday_import (store, cal->holidays, now, &added, &known, error);
}

gboolean
rapat_demo_load (RapatStore *store, gint64 now, gint64 *meeting_id, GError **error)
{
  g_autoptr(GHashTable) unit_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) person_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local = NULL;
  gint64 issue_ids[G_N_ELEMENTS (demo_issues)];
  gint64 existing;

  if (!load_holidays (store, now, error)
      || !ensure_units (store, unit_ids, error) || !ensure_people (store, unit_ids, person_ids, error)
      || !ensure_heads (store, unit_ids, person_ids, error)
      || !ensure_issues (store, now, unit_ids, issue_ids, error))
    return FALSE;
  existing = rapat_store_meeting_find_uid (store, RAPAT_DEMO_UID, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (existing != 0)
    {
      *meeting_id = existing;
      return TRUE;
    }
  return create_meeting (store, now, unit_ids, person_ids, issue_ids, meeting_id, error);
}
