/* rapat — the model: plain values passed between the layers (core layer).
 *
 * Records are plain structs owned by whoever holds them; strings are owned by
 * the record and freed by its _free function.  Optional strings are NULL when
 * absent; optional ids are 0. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* An enumeration whose values are stored and shown as text. */
typedef struct {
  const char *what;             /* name of the field, for error messages */
  const char *const *names;     /* canonical names, index = value */
  const char *const *aliases;   /* NULL-terminated "alias", "canonical" pairs, or NULL */
} RapatEnum;

extern const RapatEnum rapat_meeting_status_enum;
extern const RapatEnum rapat_agenda_type_enum;
extern const RapatEnum rapat_role_enum;
extern const RapatEnum rapat_rsvp_enum;
extern const RapatEnum rapat_attendance_enum;
extern const RapatEnum rapat_issue_status_enum;
extern const RapatEnum rapat_action_status_enum;
extern const RapatEnum rapat_priority_enum;
extern const RapatEnum rapat_minutes_status_enum;
extern const RapatEnum rapat_holiday_kind_enum;
extern const RapatEnum rapat_attendee_order_enum;

/* The orders a list of invitations can be in (see rapat_store_attendee_list_ordered()). */
typedef enum {
  RAPAT_ATTENDEE_ORDER_PROTOCOL,
  RAPAT_ATTENDEE_ORDER_NAME,
  RAPAT_ATTENDEE_ORDER_UNIT,
  RAPAT_ATTENDEE_ORDER_ROLE,
} RapatAttendeeOrder;

typedef enum {
  RAPAT_MEETING_TENTATIVE,
  RAPAT_MEETING_CONFIRMED,
  RAPAT_MEETING_CANCELLED,
} RapatMeetingStatus;

typedef enum {
  RAPAT_ITEM_OPENING,
  RAPAT_ITEM_BRIEFING,
  RAPAT_ITEM_DISCUSSION,
  RAPAT_ITEM_PRESENTATION,
  RAPAT_ITEM_BREAK,
  RAPAT_ITEM_REVIEW,
  RAPAT_ITEM_CLOSING,
} RapatAgendaType;

typedef enum {
  RAPAT_ROLE_CHAIR,
  RAPAT_ROLE_SPEAKER,
  RAPAT_ROLE_PARTICIPANT,
  RAPAT_ROLE_OPTIONAL,
  RAPAT_ROLE_OBSERVER,
} RapatRole;

typedef enum {
  RAPAT_RSVP_NEEDS_ACTION,
  RAPAT_RSVP_ACCEPTED,
  RAPAT_RSVP_DECLINED,
  RAPAT_RSVP_TENTATIVE,
} RapatRsvp;

typedef enum {
  RAPAT_ATTENDANCE_NONE = -1,   /* not recorded yet */
  RAPAT_ATTENDANCE_PRESENT,
  RAPAT_ATTENDANCE_REPRESENTED,
  RAPAT_ATTENDANCE_EXCUSED,
  RAPAT_ATTENDANCE_SICK,
  RAPAT_ATTENDANCE_DUTY,
  RAPAT_ATTENDANCE_ABSENT,
} RapatAttendance;

typedef enum {
  RAPAT_ISSUE_OPEN,
  RAPAT_ISSUE_MONITORING,
  RAPAT_ISSUE_RESOLVED,
} RapatIssueStatus;

typedef enum {
  RAPAT_ACTION_OPEN,
  RAPAT_ACTION_IN_PROGRESS,
  RAPAT_ACTION_DONE,
  RAPAT_ACTION_CANCELLED,
} RapatActionStatus;

typedef enum {
  RAPAT_MINUTES_DRAFT,
  RAPAT_MINUTES_FINAL,
} RapatMinutesStatus;

/* Why a day is off (table holiday). */
typedef enum {
  RAPAT_HOLIDAY_NATIONAL,       /* libur nasional */
  RAPAT_HOLIDAY_JOINT_LEAVE,    /* cuti bersama */
  RAPAT_HOLIDAY_LOCAL,          /* a regional or office holiday */
} RapatHolidayKind;

typedef enum {
  RAPAT_PRIORITY_LOW,
  RAPAT_PRIORITY_NORMAL,
  RAPAT_PRIORITY_HIGH,
} RapatPriority;

/* Parses @text (case-insensitive; canonical names and aliases) as a value of
 * @e.  On failure sets @error naming the field, the value and the accepted
 * names. */
gboolean rapat_enum_parse (const RapatEnum *e, const char *text, int *out, GError **error);

/* Returns the canonical name of @value, or NULL if it is out of range. */
const char *rapat_enum_name (const RapatEnum *e, int value);

/* Returns the number of values of @e. */
int rapat_enum_count (const RapatEnum *e);

/* Returns the name of @value of @e for people, in the output's language
 * ("hadir" for present in Indonesian); NULL when out of range.  The
 * canonical name (rapat_enum_name()) is for programs and for input. */
const char *rapat_enum_label (const RapatEnum *e, int value);

typedef struct {
  gint64 id;
  char *name;
  char *code;
  gint64 parent_id;
  char *parent_name;     /* filled by the store on reads */
  gint64 n_people;       /* filled by the store on reads */
  gint64 head_id;        /* the person who heads the unit, one of its own; 0 = none */
  char *head_name;       /* filled by the store on reads */
} RapatUnit;

/* A saved group of people, invited together ("Kepala UPT se-Maluku"). */
typedef struct {
  gint64 id;
  char *name;            /* unique, ignoring case as rapat_fold() compares */
  char *description;
  gint64 n_members;      /* filled by the store on reads */
} RapatPersonGroup;

typedef struct {
  gint64 id;
  char *name;
  char *position;
  gint64 unit_id;
  char *unit_name;       /* filled by the store on reads */
  char *email;
  char *phone;
  char *nip;             /* 18 digits (src/nip.c), or NULL */
  char *pangkat;         /* pangkat/golongan as written, "Pembina Tk. I (IV/b)" */
  char *eselon;          /* "II.a", or NULL */
  gint64 rank;           /* protocol order, smaller first; 0 = not set */
} RapatPerson;

typedef struct {
  gint64 id;
  char *uid;
  char *title;
  char *kind;
  char *description;
  char *location;
  gint64 start_utc;
  gint64 end_utc;
  char *tzid;
  RapatMeetingStatus status;
  gint64 sequence;
  gint64 organizer_id;
  char *organizer_name;  /* filled by the store on reads */
  char *organizer_email; /* filled by the store on reads */
  char *cancel_reason;
  gint64 created_at;
  gint64 updated_at;
  gint64 n_attendees;    /* filled by the store on reads */
  gint64 n_items;        /* filled by the store on reads */
  gint64 series_id;      /* the series it is an occurrence of, or 0 */
  gint64 recurrence_utc; /* the start the series' rule gave it (when series_id) */
  char *series_rule;     /* filled by the store on reads */
  char *url;             /* where to join online, or NULL */
} RapatMeeting;

/* A recurring meeting's rule; its occurrences are meetings. */
typedef struct {
  gint64 id;
  char *uid;
  char *rrule;
  gint64 start_utc;      /* the first occurrence's start */
  gint64 duration_s;
  char *tzid;
  gint64 sequence;       /* rises when any occurrence changes as a calendar must see */
  gint64 created_at;
  gint64 updated_at;
} RapatSeries;

void rapat_series_free (RapatSeries *series);

/* Someone on a meeting read from another calendar whose address matched
 * nobody in the directory (an ORGANIZER or ATTENDEE kept as it came). */
typedef struct {
  gboolean organizer;    /* the event's ORGANIZER, else an ATTENDEE */
  char *address;         /* as written, "mailto:..." or another URI */
  char *name;            /* CN, or NULL */
  char *role;            /* "chair", "participant", "optional" or "observer" */
  char *partstat;        /* "needs-action", "accepted", "declined", "tentative", "delegated" */
  char *delegated_to;    /* the DELEGATED-TO address, or NULL */
  char *delegated_from;  /* the DELEGATED-FROM address, or NULL */
  char *cutype;          /* "individual", "group", "resource", "room" or "unknown";
                          * NULL: individual */
} RapatExternal;

void rapat_external_free (RapatExternal *external);

typedef struct {
  gint64 id;
  gint64 meeting_id;
  int position;
  char *title;
  RapatAgendaType type;
  int duration_min;
  gint64 presenter_id;
  char *presenter_name;  /* filled by the store on reads */
  char *notes;
  gint64 issue_id;       /* the strategic issue it discusses, or 0 */
  char *issue_title;     /* filled by the store on reads */
  char *room;            /* where it takes place, when not the meeting's location */
  gint64 parallel_with;  /* id of an earlier item it runs in parallel with, or 0 */
  /* Kept by the store: */
  gint64 start_utc;      /* when the schedule starts it (0 until computed) */
  gint64 end_utc;
  gint64 sequence;       /* rises when its time or room changes */
  gint64 updated_at;     /* when it last changed, or 0 */
  GPtrArray *reviews;    /* RapatReview, the actions a review item reviews, in order
                          * (filled by rapat_store_agenda_list()), or NULL */
} RapatAgendaItem;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  gint64 person_id;
  char *person_name;     /* the fields below up to rsvp are filled by the store on reads */
  char *position;
  char *unit_name;
  char *unit_code;
  char *email;
  RapatRole role;
  RapatRsvp rsvp;
  RapatAttendance attendance;
  gint64 arrived_utc;    /* 0 when not recorded */
  gint64 stand_in_id;    /* the person who represented them, or 0 */
  char *stand_in_name;
  char *stand_in_position;
  char *stand_in_email;
  char *note;
  gint64 delegated_to;   /* whom they delegated the invitation to by e-mail (a
                          * DELEGATED reply), or 0; filled by the store on reads */
  char *delegated_to_name;
} RapatAttendee;

/* A reply made void when the meeting's time, zone or place changed. */
typedef struct {
  gint64 attendee_id;
  gint64 person_id;
  RapatRsvp rsvp;          /* the reply that was reset */
  gint64 reset_at;
  char *reason;            /* "time", "zone" or "place" */
} RapatReplyReset;

void rapat_reply_reset_free (RapatReplyReset *reset);

typedef struct {
  gint64 id;
  char *title;
  char *description;
  char *category;
  gint64 unit_id;
  char *unit_name;         /* filled by the store on reads */
  RapatIssueStatus status;
  gint64 created_at;
  gint64 closed_at;        /* 0 unless resolved */
  /* Filled by the store on reads, as of a day: */
  gint64 n_meetings;       /* meetings that discussed it */
  gint64 n_open;           /* open or in-progress actions */
  gint64 n_overdue;        /* of those, due before the day */
  gint64 last_discussed;   /* start of the latest such meeting, or 0 */
  char *last_discussed_tz; /* its zone */
} RapatIssue;

typedef struct {
  gint64 id;
  char *uid;
  char *title;
  char *description;
  gint64 owner_person_id;  /* exactly one of the two owners is set */
  gint64 owner_unit_id;
  char *owner_name;        /* filled by the store: the person's or the unit's name */
  char *owner_email;       /* filled by the store: the person's e-mail, or NULL */
  char *owner_unit_name;   /* filled by the store: the unit, or the person's unit */
  gint64 meeting_id;
  char *meeting_title;     /* filled by the store on reads */
  gint64 meeting_start;    /* filled by the store on reads */
  char *meeting_tz;        /* filled by the store on reads */
  gint64 issue_id;
  char *issue_title;       /* filled by the store on reads */
  RapatPriority priority;
  char *due;               /* "YYYY-MM-DD" or NULL */
  RapatActionStatus status;
  int progress;            /* 0..100 */
  gint64 created_at;
  gint64 updated_at;
  gint64 done_at;          /* 0 unless done */
  gint64 decision_id;      /* the decision it carries out, or 0 */
  int decision_number;     /* filled by the store: that decision's number in its meeting */
} RapatAction;

/* The minutes (notulen) of a meeting: one version of the record.  A
 * version read back from the history carries what was signed. */
typedef struct {
  gint64 id;
  gint64 meeting_id;
  gint64 notulis_id;       /* the note-taker, or 0 */
  char *notulis_name;      /* filled by the store on reads, with the position */
  char *notulis_position;
  gint64 chair_id;         /* who led the meeting, or 0 */
  char *chair_name;        /* filled by the store on reads, with the position */
  char *chair_position;
  gint64 held_start_utc;   /* when it was actually held, or 0 when not recorded */
  gint64 held_end_utc;
  char *summary;           /* the conclusion (kesimpulan umum), or NULL */
  RapatMinutesStatus status;
  int version;             /* 1, then one more with each amendment */
  gint64 finalized_at;     /* 0 unless final */
  gint64 created_at;
  gint64 updated_at;
  gint64 n_invited;        /* filled by the store on reads: invitations */
  gint64 n_present;        /* of those, present or represented */
} RapatMinutes;

/* The discussion under one agenda item, as the minutes record it. */
typedef struct {
  gint64 agenda_item_id;
  int position;
  char *title;
  char *notes;             /* the discussion (pembahasan), or NULL */
  GPtrArray *reviews;      /* RapatReview as in RapatAgendaItem (kept: as signed), or NULL */
} RapatMinutesItem;

/* A decision (keputusan), numbered within its meeting. */
typedef struct {
  gint64 id;
  gint64 meeting_id;
  int number;
  gint64 agenda_item_id;   /* the item it was taken under, or 0 */
  int item_position;       /* filled by the store on reads */
  char *item_title;
  char *text;
  gint64 created_at;
} RapatDecision;

/* A finalised version of the minutes, kept whole. */
typedef struct {
  int version;
  gint64 finalized_at;
  char *finalized_by;      /* the person's name, or NULL */
  gint64 amended_at;       /* 0 while it is the current one */
  char *amended_by;
  char *amend_reason;
} RapatMinutesVersion;

void rapat_minutes_free (RapatMinutes *minutes);
void rapat_minutes_item_free (RapatMinutesItem *item);
void rapat_decision_free (RapatDecision *decision);
void rapat_minutes_version_free (RapatMinutesVersion *version);

typedef struct {
  gint64 id;
  gint64 action_id;
  gint64 at;
  RapatActionStatus status;
  int progress;
  char *due;
  char *note;
  gint64 meeting_id;       /* the meeting it was reported in, or 0 */
} RapatActionEvent;

/* An action reviewed under a review agenda item: the action as it is now
 * (read when shown, so the review stays live) and what the meeting heard. */
typedef struct {
  gint64 agenda_item_id;
  int position;            /* 1, 2, ... within the item */
  RapatAction *action;     /* the action now */
  gint64 reported_at;      /* 0 until the meeting heard of it; then: */
  RapatActionStatus reported_status;
  int reported_progress;
  char *reported_note;     /* may be NULL */
} RapatReview;

void rapat_review_free (RapatReview *review);

/* Attendance counted over a set of invitations (one meeting, or a person's
 * or a unit's over a period).  Late arrivals are counted within present. */
typedef struct {
  gint64 invited;
  gint64 accepted;      /* replied accepted */
  gint64 declined;
  gint64 tentative;
  gint64 no_reply;      /* needs-action */
  gint64 present;
  gint64 late;          /* present, arrived after the start plus the grace period */
  gint64 represented;
  gint64 excused;
  gint64 sick;
  gint64 duty;
  gint64 absent;
  gint64 unrecorded;    /* no attendance recorded */
  gint64 meetings;      /* distinct meetings (period reports) */
} RapatAttendanceCounts;

/* Returns the attendance rate over the invitations whose attendance was
 * recorded, (present + represented) / (invited - unrecorded), from 0 to 1,
 * or a negative number when none was (nobody invited, or nothing recorded):
 * attendance never taken is no absence. */
double rapat_attendance_rate (const RapatAttendanceCounts *c);

/* One row of a period report: a person or a unit with its counts. */
typedef struct {
  gint64 id;
  char *name;
  char *detail;         /* a person's position, or a unit's code */
  char *unit;           /* a person's unit */
  RapatAttendanceCounts counts;
} RapatAttendanceRow;

void rapat_attendance_row_free (RapatAttendanceRow *row);

/* A clash: another meeting overlapping this one that needs the same room or
 * one of the same people.  A room may be a meeting's location or the room
 * of one of its parallel sessions (agenda items with a room of their own),
 * which take it only for the session's times. */
typedef struct {
  gint64 meeting_id;       /* the meeting clashed with */
  char *title;
  gint64 start_utc;
  gint64 end_utc;
  char *tzid;
  gboolean room;           /* TRUE: the same room; FALSE: the same person */
  char *what;              /* the room's name, or the person's */
  gint64 person_id;        /* the person, when !room */
  char *item_title;        /* the other meeting's session in the room (NULL: its location) */
  char *own_item_title;    /* this meeting's session in the room (NULL: its location) */
  gint64 overlap_start_utc; /* when both need the room or person at once */
  gint64 overlap_end_utc;
} RapatClash;

void rapat_clash_free (RapatClash *clash);

RapatUnit *rapat_unit_new (void);
void rapat_unit_free (RapatUnit *unit);
RapatPersonGroup *rapat_person_group_new (void);
void rapat_person_group_free (RapatPersonGroup *group);
RapatPerson *rapat_person_new (void);
void rapat_person_free (RapatPerson *person);
RapatMeeting *rapat_meeting_new (void);
void rapat_meeting_free (RapatMeeting *meeting);
RapatAgendaItem *rapat_agenda_item_new (void);
void rapat_agenda_item_free (RapatAgendaItem *item);
RapatAttendee *rapat_attendee_new (void);
void rapat_attendee_free (RapatAttendee *attendee);
RapatIssue *rapat_issue_new (void);
void rapat_issue_free (RapatIssue *issue);
RapatAction *rapat_action_new (void);
void rapat_action_free (RapatAction *action);
void rapat_action_event_free (RapatActionEvent *event);

/* Returns TRUE when @action is still to be done (open or in progress). */
gboolean rapat_action_is_open (const RapatAction *action);

/* Returns TRUE when @action is open and its due day is before @today
 * ("YYYY-MM-DD"). */
gboolean rapat_action_is_overdue (const RapatAction *action, const char *today);

/* Returns TRUE when going from @before to @after changes something a calendar
 * must see (title, time, zone, location, online link or status), so the
 * sequence rises. */
gboolean rapat_meeting_is_significant_change (const RapatMeeting *before,
                                              const RapatMeeting *after);

/* Computes when each agenda item (RapatAgendaItem, in order) starts: after
 * the items before it, or, for an item in parallel with an earlier one, at
 * that item's start; after a parallel block the agenda goes on when its
 * longest item ends.  Fills @starts (items->len instants) and returns the
 * instant the agenda ends. */
gint64 rapat_agenda_schedule (const RapatMeeting *m, GPtrArray *items, gint64 *starts);

/* Returns the uid of a record derived from the one with @uid (an
 * occurrence of a series, a session of a meeting): "<local part>-<@suffix>@<domain>",
 * so that it stays in the domain that made @uid. */
char *rapat_uid_derive (const char *uid, const char *suffix);

/* Returns the uid of the occurrence of series @uid (the series' own)
 * starting at @t: "<local part>-<UTC start>@<domain>", as meeting add gives
 * it and rapat check expects it. */
char *rapat_occurrence_uid (const char *uid, gint64 t);

/* Returns a new globally unique identifier for a meeting or action. */
char *rapat_uid_new (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatUnit, rapat_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatPerson, rapat_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatPersonGroup, rapat_person_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatMeeting, rapat_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatSeries, rapat_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatExternal, rapat_external_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAgendaItem, rapat_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAttendee, rapat_attendee_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatIssue, rapat_issue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAttendanceRow, rapat_attendance_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatClash, rapat_clash_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAction, rapat_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatReplyReset, rapat_reply_reset_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatMinutes, rapat_minutes_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatMinutesItem, rapat_minutes_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatDecision, rapat_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatMinutesVersion, rapat_minutes_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatReview, rapat_review_free)

G_END_DECLS
