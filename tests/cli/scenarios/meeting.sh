# Scheduling the meetings around the Rakernis of 2 September 2025 in Ambon
# (zone WIT, Asia/Jayapura, UTC+9): adding, listing, changing, cancelling
# and deleting them.  The system zone is UTC.

r unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL-MAL
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum" --unit KANWIL-MAL --email tu@maluku.pas.example
r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL-MAL
r meeting list

note "The Rakernis: 7 hours from 09:00 WIT"
r meeting add "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" --start "2025-09-02 09:00" --duration 7h --tz Asia/Jayapura --location "Aula Rutan Kelas IIA Ambon" --kind rakernis --organizer Maria --description "Rakernis Kanwil Ditjenpas Maluku.
Tema: menyamakan arah dan strategi."
r meeting show 1
r meeting show 1 --json

note "--end as HH:MM on the start's day"
r meeting add "Rapat koordinasi keamanan" --start "2025-09-01 13:30" --end 15:00 --tz Asia/Jayapura --location "Ruang rapat Kanwil"

note "An explicit offset without --tz: the meeting lives in that offset (UTC+7, WIB's offset)"
r meeting add "Rapat pimpinan daring" --start "2025-09-02 09:00+07:00" --duration 1h30m
r meeting show "daring"

note "A tentative meeting in WITA that spans two days, with --end as a full date"
r meeting add "Bimbingan teknis" --start "2025-09-03 19:00" --end "2025-09-04 12:00" --tz Asia/Makassar --kind bimtek --status tentative
r meeting show Bimbingan
r meeting add "Evaluasi kinerja" --start "2025-09-05 08:00" --duration 2h30m --tz Asia/Jayapura --kind evaluasi

note "Listing: by start time; days are counted in --tz (default the system's, UTC)"
r meeting list
note "On 2 Sep (UTC days): the Rakernis (09:00 WIT = 00:00 UTC) and the WIB meeting (02:00 UTC)"
r meeting list --from 2025-09-02 --to 2025-09-02
note "Evaluasi starts 5 Sep 08:00 WIT, still 4 Sep 23:00 in UTC; the bimtek runs into 4 Sep"
r meeting list --from 2025-09-04 --to 2025-09-04
r meeting list --from 2025-09-04 --to 2025-09-04 --tz Asia/Jayapura
r meeting list --from 2025-09-05 --to 2025-09-05 --tz Asia/Jayapura
r meeting list --from 2025-09-03
r meeting list --to 2025-09-01
r meeting list --kind RAKERNIS
r meeting list --status tentative
r meeting list --kind rapat
r meeting list --from 2025-09-02 --to 2025-09-02 --json

note "Edit: a new title raises the sequence"
r meeting edit 2 --title "Rapat koordinasi keamanan dan ketertiban"
r meeting show 2
note "A new description only: the sequence stays"
r meeting edit koordinasi --description "Persiapan pengamanan Rakernis"
r meeting show koordinasi --json
note "--tz alone keeps the wall-clock time (13:30-15:00) in the new zone"
r meeting edit koordinasi --tz Asia/Makassar
r meeting show koordinasi
note "A new start keeps the length; a new duration keeps the start"
r meeting edit koordinasi --start "2025-09-01 14:00"
r meeting edit koordinasi --duration 45m
r meeting show koordinasi
note "A new kind leaves the sequence at 4; clearing the location raises it to 5"
r meeting edit koordinasi --kind koordinasi
r meeting show koordinasi --json
r meeting edit koordinasi --location ""
r meeting list --from 2025-09-01 --to 2025-09-01
r meeting show koordinasi

note "Confirm the tentative bimtek"
r meeting edit Bimbingan --status confirmed
r meeting list --status tentative

note "Cancel with a reason: the sequence rises, the meeting stays listed"
r meeting cancel "Evaluasi kinerja" --reason "Ditunda ke bulan Oktober"
r meeting show Evaluasi
r meeting list
r meeting list --status cancelled --json
note "Reinstate it"
r meeting edit Evaluasi --status confirmed
r meeting show Evaluasi

note "Delete: refused while attendance is recorded, unless --force"
r person add "Hendrik Sahetapy"
r attendee add koordinasi Ricky Hendrik
r attendee mark koordinasi Ricky present
r agenda add koordinasi "Laporan situasi keamanan"
snapshot
r meeting delete koordinasi
unchanged
r meeting delete koordinasi --force
r meeting show koordinasi
sql "SELECT count(*) FROM attendee"
sql "SELECT count(*) FROM agenda_item"
note "Without recorded attendance no --force is needed"
r attendee add daring Ricky
r meeting delete daring
r meeting list
