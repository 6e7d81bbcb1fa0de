# Strategic issues and action items, followed from meeting to meeting: the
# regional office's leadership meetings (rapim) of September and October
# 2025, a security coordination meeting in between, and the Rutan's own
# rapim.  Every command that judges "overdue" gets --as-of, so the output
# does not depend on the day the tests run ("now" is SOURCE_DATE_EPOCH,
# 2025-09-02 00:00 UTC, for the timestamps stored).

# Prints a file the way 'cat' would, with each CR shown as <CR>.
show_file() {
  printf '$ cat %s\n' "$1"
  sed 's/\r/<CR>/g' "$1" | scrub
}

note "Units: the regional office, two UPT under it, and a section under the Lapas (3 levels)"
r unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL
r unit add "Lapas Kelas IIA Ambon" --code LAPAS-AMB --parent KANWIL
r unit add "Seksi Keamanan dan Ketertiban Lapas Ambon" --code KAMTIB-LAPAS --parent LAPAS-AMB
r unit add "Rutan Kelas IIA Ambon" --code RUTAN-AMB --parent KANWIL
r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum" --unit KANWIL
r person add "Hendrik Sahetapy" --position "Kepala Lapas" --unit LAPAS-AMB
r person add "Samuel Pattiasina" --position "Kepala Seksi Keamanan" --unit KAMTIB-LAPAS
r person add "Yohanis Leiwakabessy" --position "Kepala Rutan" --unit RUTAN-AMB
r person add "Hendra Wijaya" --position "Kepala Kesatuan Pengamanan Rutan" --unit RUTAN-AMB

note "Meetings: two rapim of the head of the office, a coordination meeting, the Rutan's rapim"
r meeting add "Rapat Pimpinan September" --start "2025-09-08 09:00" --duration 2h --tz Asia/Jayapura --kind rapim --organizer Ricky
r meeting add "Rapat koordinasi keamanan" --start "2025-09-15 13:00" --duration 1h30m --tz Asia/Jayapura --kind koordinasi --organizer Ricky
r meeting add "Rapat Pimpinan Oktober" --start "2025-10-06 09:00" --duration 2h --tz Asia/Jayapura --kind rapim --organizer Ricky
r meeting add "Rapat pimpinan Rutan" --start "2025-10-08 10:00" --duration 1h --tz Asia/Jayapura --kind rapim --organizer Yohanis
r meeting add "Rapat evaluasi hunian" --start "2025-09-20 09:00" --duration 1h --tz Asia/Jayapura --kind rapim --organizer Ricky

note "Strategic issues"
r issue add "Pemberantasan narkoba dan penipuan di Lapas dan Rutan" --category keamanan --unit KANWIL --description "Peredaran narkoba dan penipuan yang dikendalikan dari dalam"
r issue add "Kelebihan penghuni" --category pelayanan --unit RUTAN-AMB
r issue add "Ketahanan pangan dan UMKM Warga Binaan" --category pembinaan --unit LAPAS-AMB --status monitoring
r issue list --as-of 2025-09-02
note "Edit: a clearer title, a description"
r issue edit kelebihan --title "Penanganan kelebihan penghuni (overcrowding)" --description "Hunian Rutan Ambon melebihi kapasitas"
note "Resolving is for 'issue close', not for edit"
r issue edit pangan --status resolved

note "The September rapim discusses two issues in its agenda; that links the meeting"
r agenda add "Rapat Pimpinan September" "Pembukaan" --type opening --duration 15m --presenter Ricky
r agenda add "Rapat Pimpinan September" "Isu strategis: narkoba dan penipuan" --duration 45m --issue narkoba --presenter Samuel
r agenda add "Rapat Pimpinan September" "Isu strategis: kelebihan penghuni" --duration 30m --issue overcrowding --presenter Yohanis
r agenda list "Rapat Pimpinan September"
note "The coordination meeting discussed the drugs issue too; linking twice is refused"
r issue link narkoba koordinasi
r issue link narkoba koordinasi

note "Actions raised in the September rapim (8 September)"
r action add "Tes urine serentak bagi petugas dan Warga Binaan" --owner Samuel --due 2025-09-30 --meeting "Rapat Pimpinan September" --issue narkoba --priority high
r action add "Razia gabungan di blok hunian" --owner Hendrik --due 2025-10-10 --meeting "Rapat Pimpinan September" --issue narkoba --priority high
r action add "Usulan pemindahan narapidana ke Lapas lain" --owner Yohanis --due 2025-10-31 --meeting "Rapat Pimpinan September" --issue overcrowding
r action add "Laporan capaian kinerja triwulan III" --owner Maria --due 2025-10-06 --meeting "Rapat Pimpinan September" --description "Bahan untuk rapim Oktober"
r action add "Pendataan lahan ketahanan pangan" --owner-unit LAPAS-AMB --due 2025-09-19 --meeting "Rapat Pimpinan September" --issue pangan --priority low
note "A due day before the meeting that raised the action is refused"
r action add "Rekap data hunian" --owner Yohanis --due 2025-09-07 --meeting "Rapat Pimpinan September"
note "'Hend' is Hendrik and Hendra: ambiguous"
r action add "Pengecekan gembok blok" --owner Hend --meeting "Rapat Pimpinan September"

note "Actions of the coordination meeting (15 September), one owned by the section"
r action add "Patroli gabungan dengan Polda Maluku" --owner-unit KAMTIB-LAPAS --due 2025-09-30 --meeting koordinasi --issue narkoba
r action add "Penambahan CCTV di Rutan" --owner-unit RUTAN-AMB --due 2025-11-15 --meeting koordinasi
note "An action raised in no meeting"
r action add "Evaluasi SOP kunjungan" --owner Ricky
note "The evaluation of 20 September, under the overcrowding issue"
r action add "Rekap data hunian per blok" --owner Yohanis --due 2025-09-25 --meeting "evaluasi hunian" --issue overcrowding
r issue list --as-of 2025-09-02

note "Progress: each change of status, progress or due day, and each note, is kept"
r action update "Tes urine" --status in-progress --progress 50 --note "Lapas Ambon selesai"
r action done "Tes urine" --note "Seluruh UPT negatif"
r action show "Tes urine" --as-of 2025-10-07
r action update Razia --progress 60 --status in-progress --note "Blok A dan B selesai"
r action update "Laporan capaian" --due 2025-10-13 --note "Menunggu data UPT"
r action update "Laporan capaian" --note "Data 3 UPT masuk"
r action update "Laporan capaian" --priority high
r action show "Laporan capaian" --as-of 2025-10-07
r action done "Pendataan lahan"
r action update CCTV --status cancelled --note "Anggaran dialihkan"
r action show CCTV --as-of 2025-10-07

note "Lists, all as of 7 October 2025"
r action list --as-of 2025-10-07
r action list --open --as-of 2025-10-07
r action list --overdue --as-of 2025-10-07
note "Due 10 October is not overdue on 10 October, only from the 11th"
r action list --overdue --as-of 2025-10-10
r action list --overdue --as-of 2025-10-11
r action list --owner Hendrik --as-of 2025-10-07
note "--unit takes the unit, the units below it, and their people"
r action list --unit LAPAS-AMB --as-of 2025-10-07
r action list --unit KAMTIB-LAPAS --as-of 2025-10-07
r action list --unit RUTAN-AMB --as-of 2025-10-07
r action list --unit KANWIL --open --as-of 2025-10-07
r action list --meeting koordinasi --as-of 2025-10-07
r action list --issue narkoba --as-of 2025-10-07
r action list --due-before 2025-10-01 --as-of 2025-10-07
r action list --status done --as-of 2025-10-07
r action list --status in-progress --unit LAPAS-AMB --as-of 2025-10-07
r action list --issue pangan --open --as-of 2025-10-07

note "Issues as of 7 October"
r issue list --as-of 2025-10-07
r issue list --status monitoring --as-of 2025-10-07
r issue list --category KEAMANAN --as-of 2025-10-07
r issue list --unit RUTAN-AMB --as-of 2025-10-07
r issue show narkoba --as-of 2025-10-07

note "The October rapim: same kind and organizer as the September one and the evaluation"
r agenda add "Rapat Pimpinan Oktober" "Pembukaan" --type opening --duration 15m --presenter Ricky
r agenda add "Rapat Pimpinan Oktober" "Tindak lanjut pemberantasan narkoba" --duration 30m --issue narkoba
r meeting show "Rapat Pimpinan Oktober"
r agenda add-review "Rapat Pimpinan Oktober" --presenter Maria --at 2
r agenda list "Rapat Pimpinan Oktober"
note "The September rapim is the first: nothing to follow up"
r meeting show "Rapat Pimpinan September"
note "The Rutan's rapim has another organizer; it follows up only the issue it discusses"
r issue link overcrowding "Rapat pimpinan Rutan"
r action add "Koordinasi pemindahan dengan Ditjen" --owner Yohanis --due 2025-10-20 --meeting "Rapat pimpinan Rutan" --issue overcrowding
r meeting show "Rapat pimpinan Rutan"

note "Closing an issue: refused while actions are open; --force closes and warns"
r issue close narkoba
r issue close narkoba --force
r issue close pangan
r issue list --as-of 2025-10-07
r issue list --status resolved --as-of 2025-10-07
note "Reopening with edit clears the closing date"
r issue edit pangan --status monitoring
r issue show pangan --as-of 2025-10-07 --json

note "Deleting a meeting that raised actions: refused; --force keeps them, unlinked"
snapshot
r meeting delete "evaluasi hunian"
unchanged
r meeting delete "evaluasi hunian" --force
r action show "Rekap data hunian" --as-of 2025-10-07
r action list --meeting "Rapat Pimpinan September" --as-of 2025-10-07
sql "SELECT id, meeting_id IS NULL AS unlinked, issue_id FROM action WHERE title LIKE 'Rekap%'"
r issue show overcrowding --as-of 2025-10-07

note "Reports as of 7 October"
r report actions --as-of 2025-10-07
r report actions --by owner --open --as-of 2025-10-07
r report actions --by unit --as-of 2025-10-07
r report actions --by issue --overdue --as-of 2025-10-07
r report actions --by unit --unit LAPAS-AMB --format csv -o lapas.csv --as-of 2025-10-07
show_file lapas.csv
r report actions --by issue --issue overcrowding --format json --as-of 2025-10-07
r report actions --meeting koordinasi --format csv -o koordinasi.csv --as-of 2025-10-07
show_file koordinasi.csv

# README: an issue is linked to every meeting that discussed it, among others
# "by an action raised in M under I": 'action update --issue I' links the
# action's meeting as 'action add --meeting M --issue I' does (it once did not).
note "Putting an action raised in a meeting under an issue links that meeting too"
r action add "Pemetaan kapasitas blok hunian" --owner Samuel --due 2025-10-15 --meeting koordinasi
r action update "Pemetaan kapasitas" --issue overcrowding
r issue show overcrowding --as-of 2025-10-07
