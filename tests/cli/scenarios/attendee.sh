# Invitations, replies and attendance for the Rakernis (09:00-16:00 WIT).

r unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL-MAL
r unit add "Lapas Kelas IIA Ambon" --code LAPAS-AMB --parent KANWIL-MAL
r unit add "Lapas Kelas IIB Tual" --code LAPAS-TUAL --parent KANWIL-MAL
r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL-MAL --email kakanwil@maluku.pas.example
r person add "Lilik Sujandi" --position "Direktur Kepatuhan Internal"
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum" --unit KANWIL-MAL
r person add "Hendrik Sahetapy" --position "Kepala Lapas Kelas IIA Ambon" --unit LAPAS-AMB
r person add "Fransina Matulessy" --position "Kepala Rutan Kelas IIA Ambon"
r person add "Nurhayati Ohorella" --position "Kepala Lapas Perempuan Kelas III Ambon"
r person add "Yusuf Lewerissa" --position "Kepala Lapas Kelas III Namlea"
r person add "Ferdinand Tuhumury" --position "Kepala Rutan Kelas IIB Wahai"
r person add "Petrus Rahawarin" --position "Kepala Rutan Kelas IIB Saumlaki"
r person add "Ahmad Latuconsina" --position "Kepala Rutan Kelas IIB Piru"
r person add "Abraham Renwarin" --position "Kepala Lapas Kelas IIB Tual" --unit LAPAS-TUAL
r person add "Ronald Pattinama" --position "Kepala Seksi Pembinaan" --unit LAPAS-TUAL
r person add "Andi Fahmi Nanlohy" --position "Pranata Humas" --unit KANWIL-MAL
r meeting add "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" --start "2025-09-02 09:00" --duration 7h --tz Asia/Jayapura --kind rakernis
r attendee list 1

note "Invitations with roles (Indonesian role names accepted); one id per invitation;"
note "a part of a name: whole words beat the start of a word, which beats the inside of one"
note "('Andi' is Andi Fahmi, not Lilik Sujandi); several equally good are listed"
r attendee add 1 Ricky --role pimpinan
r attendee add 1 Lilik Maria --role speaker
r attendee add 1 Hendrik Fransina Nurhayati Yusuf Ferdinand Petrus Ahmad Abraham
r attendee add 1 F --role observer
r attendee add 1 Andi --role observer
r attendee list 1

note "Inviting someone twice is refused; the whole command is undone (Ronald is not invited either)"
snapshot
r attendee add 1 Maria
r attendee add 1 Ronald Hendrik
unchanged

note "Replies, in English or Indonesian"
r attendee rsvp 1 Ricky ya
r attendee rsvp 1 Lilik accepted
r attendee rsvp 1 Maria accept
r attendee rsvp 1 Hendrik yes
r attendee rsvp 1 Nurhayati accepted
r attendee rsvp 1 Yusuf tidak
r attendee rsvp 1 Petrus declined
r attendee rsvp 1 Ahmad mungkin
r attendee rsvp 1 Ferdinand accepted
r attendee rsvp 1 Abraham accepted
r attendee rsvp 1 "Andi Fahmi" ya
r attendee rsvp 1 Fransina pending
r meeting show 1

note "Attendance on the day: arrivals before, at and after 09:00"
r attendee mark 1 Ricky hadir --at 08:45
r attendee mark 1 Lilik present --at 08:50
r attendee mark 1 Maria present --at 09:00
r attendee mark 1 Hendrik present --at 09:07
r attendee mark 1 Nurhayati hadir --at 09:20 --note "Terlambat: kapal dari Leihitu"
r attendee mark 1 Fransina present
r attendee mark 1 "Andi Fahmi" present --at "2025-09-02 07:55"
note "Represented, excused, sick, on duty elsewhere, absent"
r attendee mark 1 Abraham diwakili --by Ronald --note "Penerbangan Tual-Ambon dibatalkan"
r attendee mark 1 Yusuf izin --note "Pemindahan narapidana"
r attendee mark 1 Ferdinand sakit --note "Surat keterangan sakit"
r attendee mark 1 Petrus dinas-luar
r attendee mark 1 Ahmad alpa
r attendee list 1

note "Refused, and nothing changes: --at for a non-present status, a stand-in"
note "representing themselves, an arrival after the end or 12 hours early, someone not invited"
snapshot
r attendee mark 1 Yusuf izin --at 09:00
r attendee mark 1 Abraham represented --by Abraham
r attendee mark 1 Hendrik present --by Ronald
r attendee mark 1 Hendrik present --at 16:30
r attendee mark 1 Hendrik present --at "2025-09-01 20:00"
r attendee mark 1 Ronald present
r attendee rsvp 1 Ronald accepted
unchanged

note "A new mark replaces the old one (the arrival time goes); --note \"\" clears the note"
r attendee mark 1 Hendrik excused --note "Dipanggil ke Ditjen"
r attendee mark 1 Nurhayati present --at 09:15 --note ""
r attendee list 1 --json

note "The totals line of meeting show"
r meeting show 1

note "A stand-in is referenced too"
r person remove Ronald

note "Withdraw an invitation"
r attendee remove 1 Ahmad
r attendee remove 1 Ahmad
r attendee list 1

note "No attendance on a cancelled meeting"
r meeting add "Rapat evaluasi triwulan" --start "2025-09-30 09:00" --duration 2h --tz Asia/Jayapura
r attendee add evaluasi Ricky Maria
r meeting cancel evaluasi --reason "Digabung dengan Rakernis"
snapshot
r attendee mark evaluasi Ricky present
unchanged
r attendee list evaluasi
