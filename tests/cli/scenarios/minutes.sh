# The minutes (notulen) of a meeting (issue 15): the notulis and the chair
# (by default the attendee invited as chair), notes per agenda item,
# decisions numbered within the meeting, the times it was actually held
# (past midnight too), the summary; finalising freezes the record and the
# meeting's attendance and agenda; amending opens version 2 while version 1
# stays readable as signed.

r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah"
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum"
r person add "Samuel Pattiasina"
r meeting add "Rapat koordinasi" --start "2025-09-10 09:00" --duration 2h --tz Asia/Jayapura
r agenda add 1 "Pembukaan" --duration 10m --type opening
r agenda add 1 "Isu strategis: overcrowding" --duration 1h
r agenda add 1 "Penutupan" --duration 10m --type closing
r attendee add 1 Samuel
r attendee add 1 Ricky --role chair
r attendee mark 1 Ricky present --at 08:55
r attendee mark 1 Samuel excused

note "Not started yet: show says how to start; a note is refused."
r minutes show 1
r minutes note 1 2 "Dibahas."

note "Start with a notulis; the chair is the attendee invited as chair."
r minutes start 1 --notulis Maria
r minutes note 1 overcrowding $'Kapasitas Rutan Ambon 120%.\n\nUsul redistribusi ke Lapas Saparua.'
printf 'Dibuka pukul 09.05 oleh Kakanwil.\n\n' >opening.txt
r minutes note 1 1 --file opening.txt
r minutes decide 1 2 "Redistribusi 40 WBP ke Lapas Saparua paling lambat 30 September 2025."
r minutes decide 1 2 "Razia gabungan tiap bulan."
r minutes decide 1 3 "Rapat berikutnya Oktober 2025."
r action add "Redistribusi WBP" --owner Samuel --meeting 1 --decision 1 --due 2025-09-30
r action add "Laporan razia" --owner Samuel --meeting 1 --decision 7
r action add "Laporan razia" --owner Samuel --decision 1
r minutes held 1 --from 09:05 --to 11:20
r minutes summary 1 "Rapat berjalan lancar; tiga keputusan diambil."
r minutes show 1

note "Bad input: one line, nothing changed."
snapshot
r minutes held 1 --from 9 --to 11:00
r minutes held 1 --from 09:00
r minutes note 1 2 "x" --file opening.txt
r minutes note 1 2 --file missing.txt
r minutes note 1 9 "x"
r minutes decide 1 2 ""
r minutes show 1 --version nol
unchanged

note "Held past midnight: the close is on the next day."
r minutes held 1 --from 21:00 --to 01:30
r minutes show 1 --json

note "Finalise: the record, the attendance and the agenda are frozen."
r minutes finalize 1
snapshot
r minutes note 1 2 "Lagi."
r minutes decide 1 2 "Lagi."
r attendee mark 1 Samuel present
r attendee add 1 Maria
r agenda remove 1 3
r action add "Lain" --owner Samuel --meeting 1 --decision 2
r meeting delete 1 --force
r minutes finalize 1
unchanged

note "Amend: version 2 is a draft; version 1 reads as it was signed."
r minutes amend 1 --by Ricky --reason "Salah ketik pada keputusan 1"
r minutes note 1 2 "Kapasitas Rutan Ambon 125%."
r minutes show 1 --version 1
r minutes show 1
r minutes show 1 --version 2

note "--edit opens \$EDITOR on the item's notes (here a sed script)."
EDITOR="sed -i s/125/130/" r minutes note 1 2 --edit
EDITOR= VISUAL= r minutes note 1 2 --edit
r minutes show 1 --json
